import { z } from 'zod';
import { pageQuerySchema, pageSchema } from './common';
import {
  boundedText,
  introductionStageSchema,
  letterStatusSchema,
  rejectReasonSchema,
} from './introduction-common';

/** Queues, residents and coverage of the hand-off, for each side. */

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
  q: boundedText(100).optional(),
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
  q: boundedText(100).optional(),
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
