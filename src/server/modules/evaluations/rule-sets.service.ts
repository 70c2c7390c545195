import { sql } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from '../../db/client';
import { ruleSetDefinitionSchema, type RuleSetDefinition } from '../../../shared/rules/evaluation-rules';
import { isAdmin, type Actor } from '../../http/actor';
import { Conflict, Forbidden, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';

/** Rule sets never change once installed (cycles are bound to them), so a process-wide cache is safe. */
const cache = new Map<string, RuleSetDefinition>();

export async function getRuleSet(db: Executor, code: string): Promise<RuleSetDefinition> {
  const hit = cache.get(code);
  if (hit) return hit;
  const [row] = await queryRows<{ definition: RuleSetDefinition }>(db, sql`select definition from rule_sets where code = ${code}`);
  if (!row) throw new NotFound('rule_set_not_found');
  const def = ruleSetDefinitionSchema.parse(row.definition);
  cache.set(code, def);
  return def;
}

/** The rule set a new cycle binds to: the latest in force on the first day of the year. */
export async function ruleSetForYear(db: Executor, year: number): Promise<RuleSetDefinition> {
  const [row] = await queryRows<{ code: string }>(
    db,
    sql`select code from rule_sets where effective_from <= ${`${year}-12-31`}::date order by effective_from desc, loaded_at desc limit 1`,
  );
  if (!row) throw new NotFound('rule_set_not_found');
  return getRuleSet(db, row.code);
}

export async function listRuleSets(db: Db) {
  const rows = await queryRows<{ code: string; definition: RuleSetDefinition; effectiveFrom: string; builtIn: boolean; cycles: number }>(
    db,
    sql`select r.code, r.definition, to_char(r.effective_from, 'YYYY-MM-DD') as "effectiveFrom", r.built_in as "builtIn",
          (select count(*)::int from evaluation_cycles c where c.rule_set_code = r.code) as cycles
        from rule_sets r order by r.effective_from desc, r.code`,
  );
  return { items: rows.map((r) => ({ code: r.code, name: r.definition.name, effectiveFrom: r.effectiveFrom, builtIn: r.builtIn, cycles: r.cycles })) };
}

/** An administrator loads a successor regulation as data (validated by the same schema as the built-in one). */
export async function loadRuleSet(db: Db, actor: Actor, def: RuleSetDefinition): Promise<RuleSetDefinition> {
  if (!isAdmin(actor)) throw new Forbidden('rule_set_admin_only');
  return db.transaction(async (tx) => {
    const inserted = await queryRows<{ code: string }>(
      tx,
      sql`insert into rule_sets (code, definition, effective_from, built_in, loaded_by)
          values (${def.code}, ${JSON.stringify(def)}::jsonb, ${def.effectiveFrom}, false, ${actor.userId})
          on conflict (code) do nothing returning code`,
    );
    if (inserted.length === 0) throw new Conflict('rule_set_exists', { code: def.code });
    await writeAudit(tx, actor, { action: 'rule_set.loaded', entityType: 'rule_set', entityId: def.code, after: { code: def.code, effectiveFrom: def.effectiveFrom } });
    return def;
  });
}
