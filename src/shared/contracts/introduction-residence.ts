import { z } from 'zod';
import { evaluationStatuses } from '../rules/evaluation';
import { isoDateSchema, optionalText, pageQuerySchema, pageSchema } from './common';
import {
  boundedText,
  introductionStageSchema,
  letterStatusSchema,
  noticeKindSchema,
} from './introduction-common';
import { letterListItemSchema } from './introduction-letters';

/** The residence side: requests, notices, the member's own view and move, public verification. */

// ── "known here, no letter" requests ─────────────────────────────────────────

export const createRequestBodySchema = z
  .object({
    communeId: z.uuid(),
    fullName: boundedText(200).min(3, 'field.required'),
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
export const declineRequestBodySchema = z.object({ note: boundedText(1000).min(3, 'field.required') });

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
  residenceStreet: boundedText(300).min(3, 'field.required'),
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
