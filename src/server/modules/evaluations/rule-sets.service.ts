import type { Db, Executor } from '../../db/client';
import { ruleSetDefinitionSchema, type RuleSetDefinition } from '../../../shared/rules/evaluation-rules';
import { isAdmin, type Actor } from '../../http/actor';
import { Conflict, Forbidden, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import {
  findRuleSetDefinition,
  insertRuleSet,
  latestRuleSetCode,
  listRuleSetRows,
} from './rule-sets.repository';

/** Rule sets never change once installed (cycles are bound to them), so a process-wide cache is safe. */
const cache = new Map<string, RuleSetDefinition>();

export async function getRuleSet(db: Executor, code: string): Promise<RuleSetDefinition> {
  const hit = cache.get(code);
  if (hit) return hit;
  const definition = await findRuleSetDefinition(db, code);
  if (!definition) throw new NotFound('rule_set_not_found');
  const def = ruleSetDefinitionSchema.parse(definition);
  cache.set(code, def);
  return def;
}

/** The rule set a new cycle binds to: the latest in force on the first day of the year. */
export async function ruleSetForYear(db: Executor, year: number): Promise<RuleSetDefinition> {
  const code = await latestRuleSetCode(db, year);
  if (!code) throw new NotFound('rule_set_not_found');
  return getRuleSet(db, code);
}

export async function listRuleSets(db: Db) {
  const rows = await listRuleSetRows(db);
  return {
    items: rows.map((r) => ({
      code: r.code,
      name: r.definition.name,
      effectiveFrom: r.effectiveFrom,
      builtIn: r.builtIn,
      cycles: r.cycles,
    })),
  };
}

/** An administrator loads a successor regulation as data (validated by the same schema as the built-in one). */
export async function loadRuleSet(db: Db, actor: Actor, def: RuleSetDefinition): Promise<RuleSetDefinition> {
  if (!isAdmin(actor)) throw new Forbidden('rule_set_admin_only');
  return db.transaction(async (tx) => {
    if (!(await insertRuleSet(tx, def, actor.userId)))
      throw new Conflict('rule_set_exists', { code: def.code });
    await writeAudit(tx, actor, {
      action: 'rule_set.loaded',
      entityType: 'rule_set',
      entityId: def.code,
      after: { code: def.code, effectiveFrom: def.effectiveFrom },
    });
    return def;
  });
}
