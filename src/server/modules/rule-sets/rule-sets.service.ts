import type { Db, Executor } from '../../db/client';
import { ruleSetDefinitionSchema, type RuleSetDefinition } from '../../../shared/rules/evaluation-rules';
import type { ResidenceLifeRules } from '../../../shared/rules/residence-rules';
import { isAdmin, type Actor } from '../../http/actor';
import { Conflict, Forbidden, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import {
  findRuleSetDefinition,
  insertRuleSet,
  listRuleSetRows,
  ruleSetCalendar,
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

/**
 * Which rule set is in force from when (a handful of rows), kept for a minute: a dashboard asks it for six
 * half-years per view. A rule set loaded here clears it at once; one loaded on another server is seen within
 * the minute (it takes effect on a future date anyway).
 */
const CALENDAR_TTL_MS = 60_000;
let calendar: { until: number; rows: Promise<{ code: string; effectiveFrom: string }[]> } | null = null;

function ruleSetsInForce(db: Executor) {
  if (!calendar || calendar.until < Date.now()) {
    const rows = ruleSetCalendar(db);
    calendar = { until: Date.now() + CALENDAR_TTL_MS, rows };
    rows.catch(() => (calendar = null));
  }
  return calendar.rows;
}

/** The rule set in force on a day (yyyy-mm-dd): the latest whose effective date has come. */
export async function ruleSetOn(db: Executor, day: string): Promise<RuleSetDefinition> {
  const code = (await ruleSetsInForce(db)).find((r) => r.effectiveFrom <= day)?.code;
  if (!code) throw new NotFound('rule_set_not_found');
  return getRuleSet(db, code);
}

/** The rule set a new cycle binds to: the latest in force by the end of the year. */
export function ruleSetForYear(db: Executor, year: number): Promise<RuleSetDefinition> {
  return ruleSetOn(db, `${year}-12-31`);
}

/** A rule set's cell-life rules (meetings, reminders, absences, minutes, check-in), named by its code. */
export async function lifeRulesOf(db: Executor, code: string): Promise<ResidenceLifeRules> {
  const def = await getRuleSet(db, code);
  return { id: def.code, ...def.life };
}

/** The cell-life rules of every installed rule set (a job that serves meetings bound to any of them). */
export async function allLifeRules(db: Executor): Promise<ResidenceLifeRules[]> {
  return Promise.all((await ruleSetsInForce(db)).map((r) => lifeRulesOf(db, r.code)));
}

/** The cell-life rules in force on a day: what a meeting scheduled for that day is bound to. */
export async function lifeRulesOn(db: Executor, day: string): Promise<ResidenceLifeRules> {
  const def = await ruleSetOn(db, day);
  return { id: def.code, ...def.life };
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
  const loaded = await db.transaction(async (tx) => {
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
  // after the commit: a lookup in between would cache the calendar without it
  calendar = null;
  return loaded;
}
