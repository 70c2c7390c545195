import { z } from 'zod';
import { lifeRulesSchema } from './residence-rules';

/**
 * A rule set for the yearly residence evaluation (Art. 4.4, Guide 33): the duties a member reports on,
 * the criteria and their scales for the full and the exempt form, the deadlines, the consistency flags and
 * the workplace's classification levels. It is data: the 2020 regulation is delivered as
 * `reg-213-2020`, a successor is loaded by an administrator without code, and each cycle is bound to one.
 */

const textSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) });
export type LocalText = z.infer<typeof textSchema>;

const keySchema = z.string().regex(/^[a-z][a-z0-9_]{0,60}$/, 'ruleSet.keyFormat');

/** How a level reads: positive and negative levels drive the workplace's "good at work, poor at home" flag. */
export const toneSchema = z.enum(['positive', 'neutral', 'negative']);
export type Tone = z.infer<typeof toneSchema>;

export const levelSchema = z.object({ key: keySchema, label: textSchema, tone: toneSchema });
export type Level = z.infer<typeof levelSchema>;

/** What the server counts from the record, to show next to a criterion and to test flags against. */
export const evidenceMetrics = [
  'meetingsHeld',
  'meetingsAttended',
  'attendanceRate',
  'unexcusedAbsences',
  'confirmedContributions',
  'contributionDays',
  'openWarnings',
  'warningsThisYear',
  'selfReported',
] as const;
export const evidenceMetricSchema = z.enum(evidenceMetrics);
export type EvidenceMetric = (typeof evidenceMetrics)[number];
export type Evidence = Record<EvidenceMetric, number>;

export const criterionSchema = z.object({
  key: keySchema,
  label: textSchema,
  /** the duties of Art. 2 this criterion judges (numbers 1–7), shown with the member's self-report */
  duties: z.array(z.number().int().min(1).max(9)).default([]),
  /** the figures shown next to it */
  evidence: z.array(evidenceMetricSchema).default([]),
  levels: z.array(levelSchema).min(2).max(6),
  /** the proposal criterion: its level travels to the workplace and is tracked to an answer */
  proposal: z.boolean().default(false),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const flagSchema = z.object({
  code: keySchema,
  label: textSchema,
  criterion: keySchema,
  /** the flag is raised when the criterion is rated one of these levels … */
  levels: z.array(keySchema).min(1),
  /** … and the record says this */
  metric: evidenceMetricSchema,
  op: z.enum(['>', '>=', '<', '<=', '=']),
  value: z.number(),
});
export type FlagRule = z.infer<typeof flagSchema>;

export const classificationLevelSchema = z.object({
  key: keySchema,
  label: textSchema,
  /** lowest score (0–100) of the level; levels are tried from the highest minimum down */
  min: z.number().min(0).max(100),
  positive: z.boolean().default(false),
});

export const ruleSetDefinitionSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9][a-z0-9-]{2,40}$/, 'ruleSet.codeFormat'),
    name: textSchema,
    /** the regulation and guide it implements */
    basis: textSchema,
    effectiveFrom: z.iso.date(),
    /** the cell-life numbers (meetings, reminders, absences, minutes, check-in) — residence-rules.ts */
    life: lifeRulesSchema,
    /** Art. 2: what the member reports on, one free text each */
    duties: z.array(z.object({ number: z.number().int().min(1).max(9), label: textSchema })).min(1),
    forms: z.object({
      full: z.object({ title: textSchema, criteria: z.array(criterionSchema).min(1).max(12) }),
      /** the shorter form for members exempt from residence activity (comments on demand only) */
      exempt: z.object({ title: textSchema, criteria: z.array(criterionSchema).min(1).max(12) }),
    }),
    /** default days between opening a cycle and its due date */
    defaultDueDays: z.number().int().min(1).max(365),
    /** the purposes of an on-demand request */
    onDemandPurposes: z.array(z.object({ key: keySchema, label: textSchema })).min(1),
    flags: z.array(flagSchema),
    classification: z.object({ levels: z.array(classificationLevelSchema).min(2) }),
  })
  .superRefine((def, ctx) => {
    for (const formKind of ['full', 'exempt'] as const) {
      const keys = def.forms[formKind].criteria.map((c) => c.key);
      if (new Set(keys).size !== keys.length)
        ctx.addIssue({ code: 'custom', path: ['forms', formKind, 'criteria'], message: 'ruleSet.duplicateKey' });
    }
    const all = [...def.forms.full.criteria, ...def.forms.exempt.criteria];
    def.flags.forEach((f, i) => {
      const c = all.find((x) => x.key === f.criterion);
      if (!c) ctx.addIssue({ code: 'custom', path: ['flags', i, 'criterion'], message: `unknown criterion ${f.criterion}` });
      else
        for (const l of f.levels)
          if (!c.levels.some((x) => x.key === l))
            ctx.addIssue({ code: 'custom', path: ['flags', i, 'levels'], message: `unknown level ${l} of ${f.criterion}` });
    });
  });
export type RuleSetDefinition = z.infer<typeof ruleSetDefinitionSchema>;
export type FormKind = keyof RuleSetDefinition['forms'];

export type Ratings = Record<string, string>;

export interface RaisedFlag {
  code: string;
  criterion: string;
  metric: EvidenceMetric;
  /** the figure on record that contradicts the rating */
  actual: number;
}

function holds(op: FlagRule['op'], actual: number, value: number): boolean {
  switch (op) {
    case '>':
      return actual > value;
    case '>=':
      return actual >= value;
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
    case '=':
      return actual === value;
  }
}

/** Art. 4.4 on evidence: ratings that contradict the record (each needs a written justification). */
export function raisedFlags(def: RuleSetDefinition, form: FormKind, ratings: Ratings, evidence: Evidence): RaisedFlag[] {
  const keys = new Set(def.forms[form].criteria.map((c) => c.key));
  return def.flags
    .filter((f) => keys.has(f.criterion) && f.levels.includes(ratings[f.criterion] ?? '') && holds(f.op, evidence[f.metric], f.value))
    .map((f) => ({ code: f.code, criterion: f.criterion, metric: f.metric, actual: evidence[f.metric] }));
}

/** Criteria the form still lacks a level for (unknown levels count as missing). */
export function missingRatings(def: RuleSetDefinition, form: FormKind, ratings: Ratings): string[] {
  return def.forms[form].criteria.filter((c) => !c.levels.some((l) => l.key === ratings[c.key])).map((c) => c.key);
}

/**
 * A draft the Front head can co-sign and the secretary sign (Art. 4.4): every criterion rated on its scale and
 * the date of the joint meeting with the Front working committee recorded. The SQL side of the same rule is
 * `draftCompleteSql` in src/server/modules/evaluations/evaluation-queues.ts.
 */
export function isDraftComplete(def: RuleSetDefinition, form: FormKind, ratings: Ratings, jointMeetingOn: string | null): boolean {
  return missingRatings(def, form, ratings).length === 0 && !!jointMeetingOn;
}

/** Flags raised without a written justification (at least 10 characters) on their criterion. */
export function unjustifiedFlags(flags: RaisedFlag[], justifications: Record<string, string>): RaisedFlag[] {
  return flags.filter((f) => (justifications[f.criterion]?.trim().length ?? 0) < 10);
}

/** The proposal level of a form (commend / none / consider discipline), if the form has a proposal criterion. */
export function proposalOf(def: RuleSetDefinition, form: FormKind, ratings: Ratings): string | null {
  const c = def.forms[form].criteria.find((x) => x.proposal);
  return c ? (ratings[c.key] ?? null) : null;
}

/** A form is "negative" when any of its ratings is a negative level (e.g. "not yet", "consider discipline"). */
export function isNegative(def: RuleSetDefinition, form: FormKind, ratings: Ratings): boolean {
  return def.forms[form].criteria.some((c) => c.levels.find((l) => l.key === ratings[c.key])?.tone === 'negative');
}

/** Reg. 366 levels on the 100-point scale: the highest level whose minimum the score reaches. */
export function classificationLevel(def: RuleSetDefinition, score: number) {
  return [...def.classification.levels].sort((a, b) => b.min - a.min).find((l) => score >= l.min) ?? null;
}

/** Art. 3.4–3.5: a positive workplace level next to a negative residence comment is shown to the committee. */
export function contradictsResidence(def: RuleSetDefinition, score: number | null, form: FormKind | null, ratings: Ratings | null): boolean {
  if (score === null || !form || !ratings) return false;
  return Boolean(classificationLevel(def, score)?.positive) && isNegative(def, form, ratings);
}
