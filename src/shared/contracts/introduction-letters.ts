import { z } from 'zod';
import { optionalText, pageQuerySchema, pageSchema } from './common';
import {
  boundedText,
  letterActionSchema,
  letterStatusSchema,
  rejectReasonSchema,
} from './introduction-common';

/** Introduction letters (Art. 3.1, 4.1, 4.2): lists, details, batch steps. */

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
  q: boundedText(100).optional(),
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
  .refine((b) => (b.memberIds?.length ?? 0) > 0 || b.unitId, {
    message: 'introductions.selectMembers',
    path: ['memberIds'],
  });
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
  note: boundedText(1000).optional(),
});
export const placeLettersBodySchema = z.object({
  placements: z
    .array(z.object({ letterId: z.uuid(), cellId: z.uuid() }))
    .min(1, 'field.required')
    .max(5000),
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
