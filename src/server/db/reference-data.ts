import { sql } from 'drizzle-orm';
import reg2132020 from '../../shared/rules/rule-sets/reg-213-2020.json' with { type: 'json' };
import { ruleSetDefinitionSchema } from '../../shared/rules/evaluation-rules';
import type { ResidenceLifeRules } from '../../shared/rules/residence-rules';
import type { Executor } from './client';

/**
 * Data the product ships with, installed right after the migrations: the rule sets of the regulations in
 * force. A rule set never changes once installed (cycles are bound to it); a successor comes with a new code.
 */
export const builtInRuleSets = [ruleSetDefinitionSchema.parse(reg2132020)];

/** The cell-life rules of the 2020 regulation: for the seeds, which load history in bulk under it. */
export const reg213LifeRules: ResidenceLifeRules = {
  id: builtInRuleSets[0]!.code,
  ...builtInRuleSets[0]!.life,
};

export async function installReferenceData(db: Executor): Promise<void> {
  for (const def of builtInRuleSets) {
    await db.execute(sql`insert into rule_sets (code, definition, effective_from, built_in)
      values (${def.code}, ${JSON.stringify(def)}::jsonb, ${def.effectiveFrom}, true) on conflict (code) do nothing`);
  }
}
