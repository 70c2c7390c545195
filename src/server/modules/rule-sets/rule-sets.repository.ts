import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import type { RuleSetDefinition } from '../../../shared/rules/evaluation-rules';

/** The SQL of rule sets (rule-sets.service.ts holds the cache and the rules). */

export async function findRuleSetDefinition(db: Executor, code: string): Promise<unknown> {
  const [row] = await queryRows<{ definition: RuleSetDefinition }>(
    db,
    sql`select definition from rule_sets where code = ${code}`,
  );
  return row?.definition;
}

/** Every rule set with the day it takes effect, the one in force on a day first (latest date, then latest load). */
export function ruleSetCalendar(db: Executor) {
  return queryRows<{ code: string; effectiveFrom: string }>(
    db,
    sql`select code, to_char(effective_from, 'YYYY-MM-DD') as "effectiveFrom" from rule_sets
        order by effective_from desc, loaded_at desc`,
  );
}

export function listRuleSetRows(db: Executor) {
  return queryRows<{
    code: string;
    definition: RuleSetDefinition;
    effectiveFrom: string;
    builtIn: boolean;
    cycles: number;
  }>(
    db,
    sql`select r.code, r.definition, to_char(r.effective_from, 'YYYY-MM-DD') as "effectiveFrom", r.built_in as "builtIn",
          (select count(*)::int from evaluation_cycles c where c.rule_set_code = r.code) as cycles
        from rule_sets r order by r.effective_from desc, r.code`,
  );
}

/** Whether the rule set was inserted (false: its code exists already). */
export async function insertRuleSet(
  db: Executor,
  def: RuleSetDefinition,
  loadedBy: string,
): Promise<boolean> {
  const inserted = await queryRows<{ code: string }>(
    db,
    sql`insert into rule_sets (code, definition, effective_from, built_in, loaded_by)
        values (${def.code}, ${JSON.stringify(def)}::jsonb, ${def.effectiveFrom}, false, ${loadedBy})
        on conflict (code) do nothing returning code`,
  );
  return inserted.length > 0;
}
