/**
 * Workflow statuses are written into SQL from the transition tables in src/shared/rules (through oneOf /
 * isValue / literal of src/server/db/sql-values.ts), never as literals: a literal escapes the table, so a new
 * state or a renamed one leaves the query silently wrong (issue 13). Flags a `sql` template whose text compares
 * a status-like column with a quoted word: `status = 'issued'`, `e.status in ('a', 'b')`, `outcome <> 'x'`.
 */
const COLUMN = String.raw`(?:\b[a-z_]+\.)?(?:status|outcome|state)\b`;
const COMPARE = new RegExp(
  String.raw`${COLUMN}(?:::text)?\s*(?:=|<>|!=)\s*'[a-z_]+'|${COLUMN}(?:::text)?\s+(?:not\s+)?in\s*\(\s*'[a-z_]+'|'[a-z_]+'\s*(?:=|<>|!=)\s*${COLUMN}`,
  'i',
);

export default {
  meta: {
    type: 'problem',
    docs: { description: 'no workflow status literal written into SQL outside the transition tables' },
    messages: {
      literal:
        "A status is written into SQL as a literal ('{{text}}'): take it from the workflow's transition table in src/shared/rules and write it with oneOf / isValue / isNotValue (src/server/db/sql-values.ts).",
    },
    schema: [],
  },
  create(context) {
    return {
      TaggedTemplateExpression(node) {
        const tag = node.tag.type === 'MemberExpression' ? node.tag.object : node.tag;
        if (tag.type !== 'Identifier' || tag.name !== 'sql') return;
        for (const quasi of node.quasi.quasis) {
          const m = COMPARE.exec(quasi.value.cooked ?? quasi.value.raw);
          if (m) context.report({ node: quasi, messageId: 'literal', data: { text: m[0] } });
        }
      },
    };
  },
};
