import { z } from 'zod';
import { evaluationStatuses } from '../rules/evaluation';
import { introductionStages, letterActions, letterStatuses } from '../rules/introduction-letter';
import { isoDateSchema, optionalText, pageQuerySchema, pageSchema } from './common';

/** Introductions and hand-offs between workplace and residence (Art. 2.7, 3.1, 3.2, 4.1, 4.2). */

export const letterStatusSchema = z.enum(letterStatuses);
export const letterActionSchema = z.enum(letterActions);
export const introductionStageSchema = z.enum(introductionStages);
export const rejectReasonSchema = z.enum(['not_our_area', 'wrong_address', 'other']);
export type RejectReason = z.infer<typeof rejectReasonSchema>;
export const noticeKindSchema = z.enum([
  'often_away',
  'mobile',
  'special_duty',
  'position_change',
  'job_transfer',
  'expelled',
  'removed',
  'left',
]);
export type NoticeKind = z.infer<typeof noticeKindSchema>;

const text = (max: number) => z.string().trim().max(max);

export const introductionPaths = {
  letters: '/api/introductions/letters',
  letter: (id: string) => `/api/introductions/letters/${id}`,
  letterPdf: (id: string) => `/api/introductions/letters/${id}/pdf`,
  letterDocx: (id: string) => `/api/introductions/letters/${id}/docx`,
  batchPdf: (batchId: string) => `/api/introductions/batches/${batchId}/pdf`,
  print: '/api/introductions/letters/print',
  issue: '/api/introductions/letters/issue',
  cancel: '/api/introductions/letters/cancel',
  receive: '/api/introductions/letters/receive',
  place: '/api/introductions/letters/place',
  reject: '/api/introductions/letters/reject',
  acknowledge: '/api/introductions/letters/acknowledge',
  resend: (id: string) => `/api/introductions/letters/${id}/resend`,
  workplaceSummary: '/api/introductions/workplace/summary',
  workplaceMembers: '/api/introductions/workplace/members',
  residents: '/api/introductions/residents',
  coverage: '/api/introductions/coverage',
  requests: '/api/introductions/requests',
  requestFulfil: (id: string) => `/api/introductions/requests/${id}/fulfil`,
  requestDecline: (id: string) => `/api/introductions/requests/${id}/decline`,
  notices: '/api/introductions/notices',
  noticeSeen: (id: string) => `/api/introductions/notices/${id}/seen`,
  mine: '/api/introductions/mine',
  moves: '/api/introductions/moves',
  reminders: '/api/introductions/reminders/run',
  verify: (code: string) => `/api/verify/${encodeURIComponent(code)}`,
} as const;

// ── letters ────────────────────────────────────────────────────────────────

export const letterListItemSchema = z.object({
  id: z.uuid(),
  status: letterStatusSchema,
  /** `12-GGT/ĐU` once issued */
  number: z.string().nullable(),
  memberId: z.uuid(),
  memberName: z.string(),
  memberCardNumber: z.string(),
  issuingUnitId: z.uuid(),
  issuingUnitName: z.string(),
  receivingCommuneId: z.uuid(),
  receivingCommuneName: z.string(),
  residenceCellId: z.uuid().nullable(),
  residenceCellName: z.string().nullable(),
  /** the cell suggested from the member's residential area (Art. 4.1), while not yet placed */
  suggestedCellId: z.uuid().nullable(),
  suggestedCellName: z.string().nullable(),
  residenceAddress: z.string(),
  exempt: z.boolean(),
  batchId: z.uuid().nullable(),
  issuedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  placedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  rejectedAt: z.string().nullable(),
  rejectReason: rejectReasonSchema.nullable(),
  rejectNote: z.string().nullable(),
  /** not received within the configured number of days */
  overdue: z.boolean(),
  createdAt: z.string(),
});
export type LetterListItem = z.infer<typeof letterListItemSchema>;

export const letterDetailSchema = letterListItemSchema.extend({
  verificationCode: z.string().nullable(),
  verifyUrl: z.string().nullable(),
  previousLetterId: z.uuid().nullable(),
  nextLetterId: z.uuid().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  signerName: z.string().nullable(),
  /** steps the actor may take now (the UI shows only these) */
  allowedActions: z.array(letterActionSchema),
  history: z.array(
    z.object({
      action: z.string(),
      at: z.string(),
      actorName: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type LetterDetail = z.infer<typeof letterDetailSchema>;

export const letterSideSchema = z.enum(['workplace', 'commune', 'cell', 'member']);
export type LetterSide = z.infer<typeof letterSideSchema>;

export const letterListQuerySchema = pageQuerySchema.extend({
  /** which side's letters: issued by (workplace), addressed to (commune), placed in (cell) the unit */
  side: letterSideSchema.default('workplace'),
  unitId: z.uuid().optional(),
  status: z.union([letterStatusSchema, z.literal('open')]).optional(),
  communeId: z.uuid().optional(),
  batchId: z.uuid().optional(),
  overdue: z.stringbool().optional(),
  q: text(100).optional(),
});
export type LetterListQuery = z.infer<typeof letterListQuerySchema>;
export const letterListResponseSchema = pageSchema(letterListItemSchema);

const idList = z.array(z.uuid()).min(1, 'field.required').max(5000);

export const createLettersBodySchema = z
  .object({
    /** selected members … */
    memberIds: z.array(z.uuid()).max(5000).optional(),
    /** … or every working member of a cell (or any unit's subtree) */
    unitId: z.uuid().optional(),
    /** issue at once (only the committee's secretary or deputy may) */
    issue: z.boolean().default(false),
  })
  .refine((b) => (b.memberIds?.length ?? 0) > 0 || b.unitId, { message: 'introductions.selectMembers', path: ['memberIds'] });
export type CreateLettersBody = z.infer<typeof createLettersBodySchema>;

export const skipReasonSchema = z.enum([
  'has_open_letter',
  'no_residence_commune',
  'not_to_introduce',
  'not_active',
  'not_working_member',
]);
export const createLettersResponseSchema = z.object({
  batchId: z.uuid().nullable(),
  created: z.number().int(),
  issued: z.number().int(),
  letterIds: z.array(z.uuid()),
  skipped: z.array(z.object({ memberId: z.uuid(), fullName: z.string(), reason: skipReasonSchema })),
  /** letters per receiving commune, for the batch summary */
  byCommune: z.array(z.object({ communeId: z.uuid(), communeName: z.string(), count: z.number().int() })),
});
export type CreateLettersResponse = z.infer<typeof createLettersResponseSchema>;

export const letterIdsBodySchema = z.object({ letterIds: idList });
export const rejectLettersBodySchema = z.object({
  letterIds: idList,
  reason: rejectReasonSchema,
  note: text(1000).optional(),
});
export const placeLettersBodySchema = z.object({
  placements: z.array(z.object({ letterId: z.uuid(), cellId: z.uuid() })).min(1, 'field.required').max(5000),
});
export type PlaceLettersBody = z.infer<typeof placeLettersBodySchema>;

/** What a (batch) step did: `changed` moved, `repeated` were already there (a retried request is harmless). */
export const transitionResultSchema = z.object({
  changed: z.number().int(),
  repeated: z.number().int(),
  letterIds: z.array(z.uuid()),
});
export type TransitionResult = z.infer<typeof transitionResultSchema>;

export const resendLetterBodySchema = z.object({
  receivingCommuneId: z.uuid(),
  residenceAreaId: z.uuid().nullish(),
  residenceStreet: optionalText(300),
  issue: z.boolean().default(false),
});
export type ResendLetterBody = z.infer<typeof resendLetterBodySchema>;

export const printLettersBodySchema = z.object({ letterIds: idList });
/** A step that makes a new letter (re-send, request fulfilled) answers with its id. */
export const letterIdResponseSchema = z.object({ letterId: z.uuid() });

// ── queues, residents, coverage ──────────────────────────────────────────────

export const stageCountsSchema = z.record(introductionStageSchema, z.number().int());
export type StageCounts = z.infer<typeof stageCountsSchema>;

export const unitQuerySchema = z.object({ unitId: z.uuid().optional() });

export const workplaceSummarySchema = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  totals: stageCountsSchema,
  overdue: z.number().int(),
  openRequests: z.number().int(),
  communes: z.array(
    z.object({
      communeId: z.uuid().nullable(),
      communeName: z.string().nullable(),
      counts: stageCountsSchema,
      total: z.number().int(),
      /** letters to this commune not received in time */
      overdue: z.number().int(),
    }),
  ),
});
export type WorkplaceSummary = z.infer<typeof workplaceSummarySchema>;

export const workplaceMembersQuerySchema = pageQuerySchema.extend({
  unitId: z.uuid().optional(),
  stage: introductionStageSchema.optional(),
  /** `none` = no residence commune recorded */
  communeId: z.union([z.uuid(), z.literal('none')]).optional(),
  q: text(100).optional(),
});
export type WorkplaceMembersQuery = z.infer<typeof workplaceMembersQuerySchema>;

export const queueItemSchema = z.object({
  memberId: z.uuid(),
  fullName: z.string(),
  cardNumber: z.string(),
  phone: z.string().nullable(),
  cellName: z.string(),
  category: z.enum(['active', 'exempt', 'not_introduced']),
  residenceCommuneId: z.uuid().nullable(),
  residenceCommuneName: z.string().nullable(),
  residenceAddress: z.string(),
  stage: introductionStageSchema,
  letterId: z.uuid().nullable(),
  letterNumber: z.string().nullable(),
  letterStatus: letterStatusSchema.nullable(),
  issuedAt: z.string().nullable(),
  overdue: z.boolean(),
  rejectReason: rejectReasonSchema.nullable(),
  rejectNote: z.string().nullable(),
  residenceCellName: z.string().nullable(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;
export const workplaceMembersResponseSchema = pageSchema(queueItemSchema);

export const residentsQuerySchema = pageQuerySchema.extend({
  /** a commune (its working residents) or a residential cell */
  unitId: z.uuid().optional(),
  cellId: z.uuid().optional(),
  q: text(100).optional(),
  onlyNew: z.stringbool().optional(),
});
export type ResidentsQuery = z.infer<typeof residentsQuerySchema>;

export const residentItemSchema = z.object({
  memberId: z.uuid(),
  fullName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  category: z.enum(['active', 'exempt', 'not_introduced']),
  categoryReason: z.string().nullable(),
  residenceCellId: z.uuid().nullable(),
  residenceCellName: z.string().nullable(),
  residenceAddress: z.string(),
  workplaceCommitteeId: z.uuid().nullable(),
  workplaceCommitteeName: z.string().nullable(),
  workplaceCommitteePhone: z.string().nullable(),
  workplaceCellName: z.string(),
  jobTitle: z.string().nullable(),
  letterId: z.uuid().nullable(),
  letterNumber: z.string().nullable(),
  letterStatus: letterStatusSchema.nullable(),
  /** placed, not yet acknowledged by the cell: a new arrival */
  isNew: z.boolean(),
  placedAt: z.string().nullable(),
});
export type ResidentItem = z.infer<typeof residentItemSchema>;
export const residentsResponseSchema = pageSchema(residentItemSchema);

export const coverageRowSchema = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  unitType: z.string(),
  /** working members counted (status active) */
  total: z.number().int(),
  introduced: z.number().int(),
  received: z.number().int(),
  placed: z.number().int(),
  /** Guide 33 "not introduced" category: counted so the figures are honest */
  notToIntroduce: z.number().int(),
});
export type CoverageRow = z.infer<typeof coverageRowSchema>;
export const coverageSchema = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  side: z.enum(['workplace', 'residence']),
  total: coverageRowSchema,
  children: z.array(coverageRowSchema),
});
export type Coverage = z.infer<typeof coverageSchema>;
export const coverageQuerySchema = z.object({
  unitId: z.uuid().optional(),
  side: z.enum(['workplace', 'residence']).optional(),
});

// ── "known here, no letter" requests ─────────────────────────────────────────

export const createRequestBodySchema = z
  .object({
    communeId: z.uuid(),
    fullName: text(200).min(3, 'field.required'),
    dateOfBirth: isoDateSchema.nullish(),
    cardNumber: z
      .string()
      .trim()
      .regex(/^\d{6,12}$/, 'cardNumber.format')
      .nullish()
      .or(z.literal('').transform(() => null)),
    phone: optionalText(20),
    /** the workplace committee, when known (found from the card number otherwise) */
    workplaceUnitId: z.uuid().nullish(),
    residenceAreaId: z.uuid().nullish(),
    residenceStreet: optionalText(300),
    note: optionalText(1000),
  })
  .refine((b) => b.cardNumber || b.workplaceUnitId, {
    message: 'introductions.requestNeedsCardOrWorkplace',
    path: ['workplaceUnitId'],
  });
export type CreateRequestBody = z.infer<typeof createRequestBodySchema>;

export const requestItemSchema = z.object({
  id: z.uuid(),
  status: z.enum(['open', 'fulfilled', 'declined']),
  communeId: z.uuid(),
  communeName: z.string(),
  workplaceUnitId: z.uuid(),
  workplaceUnitName: z.string(),
  memberId: z.uuid().nullable(),
  fullName: z.string(),
  dateOfBirth: z.string().nullable(),
  cardNumber: z.string().nullable(),
  phone: z.string().nullable(),
  residenceAddress: z.string(),
  note: z.string().nullable(),
  declineNote: z.string().nullable(),
  letterId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type RequestItem = z.infer<typeof requestItemSchema>;
export const requestListQuerySchema = pageQuerySchema.extend({
  side: z.enum(['workplace', 'commune']).default('workplace'),
  unitId: z.uuid().optional(),
  status: z.enum(['open', 'fulfilled', 'declined']).optional(),
});
export const requestListResponseSchema = pageSchema(requestItemSchema);
/** 201: the request and the workplace committee it was routed to. */
export const createRequestResponseSchema = z.object({ id: z.uuid(), workplaceUnitName: z.string() });
export const fulfilRequestBodySchema = z.object({ memberId: z.uuid(), issue: z.boolean().default(false) });
export const declineRequestBodySchema = z.object({ note: text(1000).min(3, 'field.required') });

// ── notices to the residence side ───────────────────────────────────────────

export const createNoticeBodySchema = z.object({
  memberId: z.uuid(),
  kind: noticeKindSchema,
  effectiveDate: isoDateSchema,
  periodFrom: isoDateSchema.nullish(),
  periodTo: isoDateSchema.nullish(),
  newJobTitle: optionalText(200),
  /** job transfer: the member's new workplace cell (the new committee takes over) */
  newCellId: z.uuid().nullish(),
  note: optionalText(1000),
});
export type CreateNoticeBody = z.infer<typeof createNoticeBodySchema>;

export const noticeItemSchema = z.object({
  id: z.uuid(),
  kind: noticeKindSchema,
  memberId: z.uuid(),
  memberName: z.string(),
  issuingUnitName: z.string(),
  residenceCommuneName: z.string().nullable(),
  residenceCellName: z.string().nullable(),
  effectiveDate: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  newJobTitle: z.string().nullable(),
  newCellName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  seenAt: z.string().nullable(),
});
export type NoticeItem = z.infer<typeof noticeItemSchema>;
export const noticeListQuerySchema = pageQuerySchema.extend({
  side: z.enum(['workplace', 'residence']).default('residence'),
  unitId: z.uuid().optional(),
  memberId: z.uuid().optional(),
  unseen: z.stringbool().optional(),
});
export const noticeListResponseSchema = pageSchema(noticeItemSchema);
export const createNoticeResponseSchema = z.object({ id: z.uuid() });

// ── the member's own view and move report ────────────────────────────────────

export const cellContactSchema = z.object({
  cellId: z.uuid(),
  cellName: z.string(),
  communeName: z.string().nullable(),
  meetingPlace: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  secretaryName: z.string().nullable(),
  secretaryPhone: z.string().nullable(),
  frontHeadName: z.string().nullable(),
  frontHeadPhone: z.string().nullable(),
});
export type CellContact = z.infer<typeof cellContactSchema>;

export const moveItemSchema = z.object({
  id: z.uuid(),
  movedOn: z.string(),
  fromAddress: z.string().nullable(),
  fromCellName: z.string().nullable(),
  toAddress: z.string(),
  draftLetterId: z.uuid().nullable(),
  createdAt: z.string(),
});

export const myResidenceSchema = z.object({
  memberId: z.uuid(),
  fullName: z.string(),
  residenceCommuneId: z.uuid().nullable(),
  residenceAddress: z.string(),
  category: z.enum(['active', 'exempt', 'not_introduced']),
  stage: introductionStageSchema,
  currentLetter: letterListItemSchema.nullable(),
  letters: z.array(letterListItemSchema),
  cell: cellContactSchema.nullable(),
  moves: z.array(moveItemSchema),
  residenceHistory: z.array(
    z.object({ unitName: z.string(), validFrom: z.string(), validTo: z.string().nullable() }),
  ),
});
export type MyResidence = z.infer<typeof myResidenceSchema>;

export const reportMoveBodySchema = z.object({
  movedOn: isoDateSchema,
  residenceCommuneId: z.uuid(),
  residenceAreaId: z.uuid().nullish(),
  residenceStreet: text(300).min(3, 'field.required'),
  residenceProvince: optionalText(100),
});
export type ReportMoveBody = z.infer<typeof reportMoveBodySchema>;
export const reportMoveResponseSchema = z.object({ moveId: z.uuid(), draftLetterId: z.uuid().nullable() });

// ── public verification ─────────────────────────────────────────────────────

/**
 * What anyone holding the paper may learn: enough to trust it, nothing more personal than initials.
 * The same check serves introduction letters and confirmed evaluation forms (`document`); for a form,
 * `issuer` is the commune committee that confirmed it and `issuedOn` the day it confirmed.
 */
export const verifyResultSchema = z.object({
  /** which paper the code belongs to (older answers had letters only) */
  document: z.enum(['letter', 'evaluation']).default('letter'),
  valid: z.boolean(),
  /** the code exists but the record no longer matches it (altered) */
  altered: z.boolean(),
  issuer: z.string().nullable(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  status: z.union([letterStatusSchema, z.enum(evaluationStatuses)]).nullable(),
  memberInitials: z.string().nullable(),
  receivingCommune: z.string().nullable(),
  /** evaluation forms: the year, the version of the form, the workplace committee it went to */
  year: z.number().int().nullable().default(null),
  version: z.number().int().nullable().default(null),
  workplace: z.string().nullable().default(null),
  /** evaluation forms: this paper's version was replaced by a newer one (returned or revised) */
  superseded: z.boolean().default(false),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;
export const verifyParamSchema = z.object({ code: z.string().min(1).max(40) });

export const reminderRunSchema = z.object({ letters: z.number().int(), communes: z.number().int() });
