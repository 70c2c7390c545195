import { z } from 'zod';
import { disputeOutcomes, evaluationActions, evaluationQueues, evaluationStatuses, proposalAnswers } from '../rules/evaluation';
import { evidenceMetrics, ruleSetDefinitionSchema } from '../rules/evaluation-rules';
import { isoDateSchema, optionalText, pageQuerySchema, pageSchema } from './common';

/** The yearly residence evaluation (Art. 2.7, 3.4, 3.5, 4.4, 4.5): requests, forms, confirmation, release, disputes. */

const ids = z.array(z.uuid()).min(1, 'field.required').max(5000);
const yearSchema = z.coerce.number().int().min(2020).max(2100);

export const evaluationPaths = {
  ruleSets: '/api/rule-sets',
  ruleSet: (code: string) => `/api/rule-sets/${code}`,
  cycles: '/api/evaluations/cycles',
  onDemand: '/api/evaluations/on-demand',
  list: '/api/evaluations',
  one: (id: string) => `/api/evaluations/${id}`,
  version: (id: string, version: number) => `/api/evaluations/${id}/versions/${version}`,
  form: (id: string) => `/api/evaluations/${id}/form`,
  frontSign: (id: string) => `/api/evaluations/${id}/front-sign`,
  sign: (id: string) => `/api/evaluations/${id}/sign`,
  confirm: '/api/evaluations/confirm',
  return: '/api/evaluations/return',
  release: '/api/evaluations/release',
  cancel: '/api/evaluations/cancel',
  proposalAnswer: (id: string) => `/api/evaluations/${id}/proposal-answer`,
  dispute: (id: string) => `/api/evaluations/${id}/dispute`,
  dialogue: (id: string) => `/api/evaluations/${id}/dialogue`,
  pdf: (id: string) => `/api/evaluations/${id}/form.pdf`,
  docx: (id: string) => `/api/evaluations/${id}/form.docx`,
  batchPdf: '/api/evaluations/forms.pdf',
  backlog: '/api/evaluations/backlog',
  noComment: '/api/evaluations/no-comment',
  review: '/api/evaluations/review',
  reviewXlsx: '/api/evaluations/review.xlsx',
  classifications: '/api/evaluations/classifications',
  mine: '/api/evaluations/mine',
  requestMine: '/api/evaluations/mine/request',
  selfReport: '/api/self-reports/mine',
} as const;

// ── rule sets ────────────────────────────────────────────────────────────────

export const ruleSetSummarySchema = z.object({
  code: z.string(),
  name: z.object({ vi: z.string(), en: z.string() }),
  effectiveFrom: z.string(),
  builtIn: z.boolean(),
  cycles: z.number().int(),
});
export const ruleSetListSchema = z.object({ items: z.array(ruleSetSummarySchema) });
export const ruleSetSchema = ruleSetDefinitionSchema;
export const ruleSetCodeParamSchema = z.object({ code: z.string().max(60) });

// ── cycles and requests ──────────────────────────────────────────────────────

export const openCycleBodySchema = z.object({
  /** the workplace committee whose members are asked for */
  unitId: z.uuid(),
  year: yearSchema,
  dueDate: isoDateSchema.nullish(),
  ruleSetCode: z.string().max(60).nullish(),
  /** only these members (else every active working member of the committee) */
  memberIds: z.array(z.uuid()).max(20000).nullish(),
});
export type OpenCycleBody = z.infer<typeof openCycleBodySchema>;

export const skipReasons = ['exempt', 'not_introduced', 'inactive', 'no_residence', 'already_requested'] as const;
export const openCycleResponseSchema = z.object({
  cycleId: z.uuid(),
  created: z.number().int(),
  /** counts per reason; members skipped were not asked for */
  skipped: z.partialRecord(z.enum(skipReasons), z.number().int()),
  /** the first skipped members by name, for the officer to check */
  skippedSample: z.array(z.object({ memberId: z.uuid(), fullName: z.string(), reason: z.enum(skipReasons) })),
  awaitingCell: z.number().int(),
});
export type OpenCycleResponse = z.infer<typeof openCycleResponseSchema>;

export const cycleSchema = z.object({
  id: z.uuid(),
  workplaceUnitId: z.uuid(),
  workplaceUnitName: z.string(),
  year: z.number().int(),
  ruleSetCode: z.string(),
  dueDate: z.string(),
  openedAt: z.string(),
  requested: z.number().int(),
});
export const cycleListSchema = z.object({ items: z.array(cycleSchema) });
export const cycleQuerySchema = z.object({ unitId: z.uuid().optional(), year: yearSchema.optional() });

export const onDemandBodySchema = z.object({
  memberId: z.uuid(),
  purpose: z.string().min(1).max(40),
  purposeNote: optionalText(1000),
  dueDate: isoDateSchema.nullish(),
});
export type OnDemandBody = z.infer<typeof onDemandBodySchema>;

/** The member asks for their own comment (no proxy): the year's routine one, or one for a purpose. */
export const requestMineBodySchema = z.object({
  purpose: z.string().min(1).max(40).nullish(),
  purposeNote: optionalText(1000),
});
export const createdEvaluationSchema = z.object({ id: z.uuid(), created: z.boolean() });

// ── lists ────────────────────────────────────────────────────────────────────

export const evaluationStatusSchema = z.enum(evaluationStatuses);
export const evaluationSideSchema = z.enum(['workplace', 'commune', 'cell', 'front']);
export type EvaluationListSide = z.infer<typeof evaluationSideSchema>;

export const evaluationListQuerySchema = pageQuerySchema.extend({
  side: evaluationSideSchema,
  unitId: z.uuid().optional(),
  year: yearSchema.optional(),
  status: evaluationStatusSchema.optional(),
  overdue: z.stringbool().optional(),
  flagged: z.stringbool().optional(),
  /** one side's work queue (src/shared/rules/evaluation.ts `evaluationQueues`), as counted on the home page */
  queue: z.enum(evaluationQueues).optional(),
  q: z.string().trim().max(100).optional(),
});
export type EvaluationListQuery = z.infer<typeof evaluationListQuerySchema>;

export const flagSchema = z.object({
  code: z.string(),
  criterion: z.string(),
  metric: z.enum(evidenceMetrics),
  actual: z.number(),
});

export const evaluationListItemSchema = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  fullName: z.string(),
  cardNumber: z.string(),
  year: z.number().int(),
  kind: z.enum(['yearly', 'on_demand']),
  purpose: z.string().nullable(),
  formKind: z.enum(['full', 'exempt']),
  status: evaluationStatusSchema,
  version: z.number().int(),
  workplaceUnitName: z.string(),
  communeName: z.string(),
  cellId: z.uuid().nullable(),
  cellName: z.string().nullable(),
  dueDate: z.string(),
  overdue: z.boolean(),
  selfReported: z.boolean(),
  frontSigned: z.boolean(),
  flags: z.array(flagSchema),
  proposal: z.string().nullable(),
  requestedAt: z.string(),
});
export type EvaluationListItem = z.infer<typeof evaluationListItemSchema>;
export const evaluationListSchema = pageSchema(evaluationListItemSchema);

// ── one evaluation ───────────────────────────────────────────────────────────

export const evidenceSchema = z.record(z.enum(evidenceMetrics), z.number());

export const formContentSchema = z.object({
  version: z.number().int(),
  ratings: z.record(z.string(), z.string()),
  justifications: z.record(z.string(), z.string()),
  otherComments: z.string().nullable(),
  flags: z.array(flagSchema),
  evidence: evidenceSchema.nullable(),
  jointMeetingOn: z.string().nullable(),
  jointMeetingParticipants: z.string().nullable(),
  frontSignerName: z.string().nullable(),
  frontSignedAt: z.string().nullable(),
  signerName: z.string().nullable(),
  signedAt: z.string().nullable(),
  confirmerName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  openedReason: z.string().nullable(),
  createdAt: z.string(),
});
export type FormContent = z.infer<typeof formContentSchema>;

export const disputeSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  reason: z.string(),
  openedAt: z.string(),
  status: z.enum(['open', 'closed']),
  dialogueOn: z.string().nullable(),
  dialogueParticipants: z.string().nullable(),
  dialogueNotes: z.string().nullable(),
  outcome: z.enum(disputeOutcomes).nullable(),
  closedAt: z.string().nullable(),
});

export const selfReportSchema = z.object({
  year: z.number().int(),
  duties: z.record(z.string(), z.string()),
  submittedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type SelfReport = z.infer<typeof selfReportSchema>;

export const evaluationDetailSchema = evaluationListItemSchema.extend({
  ruleSetCode: z.string(),
  purposeNote: z.string().nullable(),
  requestedByMember: z.boolean(),
  communeId: z.uuid(),
  workplaceUnitId: z.uuid(),
  returnReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  signedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  releasedAt: z.string().nullable(),
  proposalAnswer: z.enum(proposalAnswers).nullable(),
  proposalAnswerNote: z.string().nullable(),
  verificationCode: z.string().nullable(),
  /**
   * the current version, when the actor may see it (workplace: once delivered; member: once released); while a
   * released comment is revised after a dispute, the member keeps the version released to them
   */
  form: formContentSchema.nullable(),
  /** a released comment is being revised after a dispute: the revised version is not released yet */
  underRevision: z.boolean(),
  /** live figures from the record while the form is open; the signed version keeps its own */
  evidence: evidenceSchema.nullable(),
  selfReport: selfReportSchema.nullable(),
  /** earlier versions, oldest first (content by GET …/versions/:n) */
  versions: z.array(z.object({ version: z.number().int(), signedAt: z.string().nullable(), confirmedAt: z.string().nullable(), openedReason: z.string().nullable() })),
  disputes: z.array(disputeSchema),
  classification: z.object({ score: z.number(), level: z.string(), contradicts: z.boolean() }).nullable(),
  allowedActions: z.array(z.enum([...evaluationActions, 'answer_proposal'])),
  /** the sides the reader stands on for this evaluation (a commune officer may also be the member, etc.) */
  sides: z.array(z.enum(['workplace', 'commune', 'cell', 'front', 'member'])),
});
export type EvaluationDetail = z.infer<typeof evaluationDetailSchema>;
export const versionParamSchema = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1).max(1000) });

export const saveFormBodySchema = z.object({
  ratings: z.record(z.string().max(40), z.string().max(40)),
  justifications: z.record(z.string().max(40), z.string().trim().max(4000)).default({}),
  otherComments: optionalText(8000),
  jointMeetingOn: isoDateSchema.nullish(),
  jointMeetingParticipants: optionalText(2000),
});
export type SaveFormBody = z.infer<typeof saveFormBodySchema>;

export const batchBodySchema = z.object({ evaluationIds: ids });
export const returnBodySchema = z.object({ evaluationIds: ids, reason: z.string().trim().min(5, 'field.required').max(2000) });
export const cancelBodySchema = returnBodySchema;
export const stepResultSchema = z.object({ changed: z.number().int(), repeated: z.number().int() });
export type StepResult = z.infer<typeof stepResultSchema>;

export const proposalAnswerBodySchema = z.object({ answer: z.enum(proposalAnswers), note: optionalText(2000) });
export const disputeBodySchema = z.object({ reason: z.string().trim().min(10, 'field.required').max(4000) });
export const dialogueBodySchema = z.object({
  dialogueOn: isoDateSchema,
  participants: z.string().trim().min(3, 'field.required').max(2000),
  notes: z.string().trim().min(3, 'field.required').max(8000),
  outcome: z.enum(disputeOutcomes),
});
export type DialogueBody = z.infer<typeof dialogueBodySchema>;

// ── member ───────────────────────────────────────────────────────────────────

export const myEvaluationsSchema = z.object({
  year: z.number().int(),
  ruleSetCode: z.string(),
  duties: z.array(z.object({ number: z.number().int(), label: z.object({ vi: z.string(), en: z.string() }) })),
  selfReport: selfReportSchema.nullable(),
  /** the member's own evaluations (content only once released) */
  items: z.array(evaluationListItemSchema.extend({ released: z.boolean(), underRevision: z.boolean() })),
  canRequest: z.boolean(),
  purposes: z.array(z.object({ key: z.string(), label: z.object({ vi: z.string(), en: z.string() }) })),
});
export const saveSelfReportBodySchema = z.object({
  year: yearSchema,
  duties: z.record(z.string().regex(/^\d$/), z.string().trim().max(4000)),
  submit: z.boolean().default(false),
});
export type SaveSelfReportBody = z.infer<typeof saveSelfReportBodySchema>;
export const yearQuerySchema = z.object({ year: yearSchema.optional() });

// ── tracking ─────────────────────────────────────────────────────────────────

export const backlogQuerySchema = z.object({
  side: z.enum(['workplace', 'residence']),
  unitId: z.uuid().optional(),
  year: yearSchema.optional(),
});
/** Each stage counts the evaluations that reached it, so a row reads like a funnel (see backlogStages). */
const backlogCountsSchema = z.object({
  requested: z.number().int(),
  selfReported: z.number().int(),
  drafted: z.number().int(),
  signed: z.number().int(),
  confirmed: z.number().int(),
  released: z.number().int(),
  overdue: z.number().int(),
  returned: z.number().int(),
  disputed: z.number().int(),
  /** working members (active, not exempt) of the unit with no comment delivered this year */
  noComment: z.number().int(),
});
export type BacklogCounts = z.infer<typeof backlogCountsSchema>;
export const backlogSchema = z.object({
  unit: z.object({ id: z.uuid(), name: z.string() }),
  year: z.number().int(),
  total: backlogCountsSchema,
  children: z.array(backlogCountsSchema.extend({ unitId: z.uuid(), unitName: z.string() })),
});
export type Backlog = z.infer<typeof backlogSchema>;

export const noCommentQuerySchema = pageQuerySchema.extend({
  side: z.enum(['workplace', 'residence']),
  unitId: z.uuid().optional(),
  year: yearSchema.optional(),
});
export const noCommentItemSchema = z.object({
  memberId: z.uuid(),
  fullName: z.string(),
  cardNumber: z.string(),
  workplaceCellName: z.string(),
  residenceCellName: z.string().nullable(),
  communeName: z.string().nullable(),
  /** where it stands: no request yet, or the open request's status */
  status: z.union([evaluationStatusSchema, z.literal('not_requested')]),
  evaluationId: z.uuid().nullable(),
});
export const noCommentListSchema = pageSchema(noCommentItemSchema);

// ── workplace review (Art. 3.4–3.5) ──────────────────────────────────────────

export const reviewQuerySchema = pageQuerySchema.extend({
  unitId: z.uuid().optional(),
  year: yearSchema.optional(),
  contradictsOnly: z.stringbool().optional(),
  q: z.string().trim().max(100).optional(),
});
export const reviewItemSchema = z.object({
  memberId: z.uuid(),
  fullName: z.string(),
  cardNumber: z.string(),
  workplaceCellName: z.string(),
  evaluationId: z.uuid().nullable(),
  status: z.union([evaluationStatusSchema, z.literal('not_requested')]),
  formKind: z.enum(['full', 'exempt']).nullable(),
  ratings: z.record(z.string(), z.string()).nullable(),
  negative: z.boolean(),
  flags: z.array(flagSchema),
  proposal: z.string().nullable(),
  score: z.number().nullable(),
  level: z.string().nullable(),
  contradicts: z.boolean(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;
export const reviewListSchema = pageSchema(reviewItemSchema).extend({ ruleSetCode: z.string() });

export const classificationsBodySchema = z.object({
  year: yearSchema,
  items: z
    .array(z.object({ memberId: z.uuid(), score: z.number().min(0).max(100), note: optionalText(1000) }))
    .min(1)
    .max(5000),
});
export const classificationsResultSchema = z.object({ saved: z.number().int() });

export const batchPdfQuerySchema = z.object({ cellId: z.uuid(), year: yearSchema.optional() });
