import { z } from 'zod';
import { warningQueues, warningStatuses } from '../rules/meeting';
import { isoDateSchema, optionalText, pageQuerySchema, pageSchema } from './common';

/** Activities and contributions (Art. 2.4–2.6), warnings (Art. 4.4), topics the commune directs to its cells. */


export const cellLifePaths = {
  activities: '/api/activities',
  activity: (id: string) => `/api/activities/${id}`,
  contributions: (id: string) => `/api/activities/${id}/contributions`,
  decide: (id: string) => `/api/activities/contributions/${id}/decide`,
  memberContributions: (memberId: string) => `/api/activities/members/${memberId}/contributions`,
  warnings: '/api/warnings',
  warningReply: (id: string) => `/api/warnings/${id}/reply`,
  warningResolve: (id: string) => `/api/warnings/${id}/resolve`,
  warningWithdraw: (id: string) => `/api/warnings/${id}/withdraw`,
  topics: '/api/directed-topics',
} as const;

export const activityKindSchema = z.enum(['construction', 'culture', 'relief', 'security', 'environment', 'other']);
export const contributionRoleSchema = z.enum(['led', 'mobilised', 'took_part']);
export const contributionStatusSchema = z.enum(['proposed', 'confirmed', 'rejected']);

export const createActivityBodySchema = z.object({
  unitId: z.uuid(),
  kind: activityKindSchema.default('other'),
  title: z.string().trim().min(3, 'field.required').max(300),
  description: optionalText(4000),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema.nullish(),
});
export type CreateActivityBody = z.infer<typeof createActivityBodySchema>;

export const activityItemSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  kind: activityKindSchema,
  title: z.string(),
  description: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  contributors: z.number().int(),
  workDays: z.number(),
  moneyVnd: z.number(),
  pending: z.number().int(),
});
export type ActivityItem = z.infer<typeof activityItemSchema>;
export const activityListQuerySchema = pageQuerySchema.extend({ unitId: z.uuid().optional() });
export const activityListResponseSchema = pageSchema(activityItemSchema);

export const contributionItemSchema = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  activityTitle: z.string(),
  memberId: z.uuid(),
  memberName: z.string(),
  role: contributionRoleSchema,
  workDays: z.number().nullable(),
  moneyVnd: z.number().nullable(),
  expertise: z.string().nullable(),
  inKind: z.string().nullable(),
  note: z.string().nullable(),
  status: contributionStatusSchema,
  proposedByMember: z.boolean(),
  createdAt: z.string(),
});
export type ContributionItem = z.infer<typeof contributionItemSchema>;

export const activityDetailSchema = activityItemSchema.extend({
  contributions: z.array(contributionItemSchema),
  canManage: z.boolean(),
});
export type ActivityDetail = z.infer<typeof activityDetailSchema>;

export const contributionBodySchema = z
  .object({
    /** the secretary records for a member; a member proposes their own (omit memberId) */
    memberId: z.uuid().nullish(),
    role: contributionRoleSchema.default('took_part'),
    workDays: z.number().min(0).max(365).nullish(),
    moneyVnd: z.number().int().min(0).max(100_000_000_000).nullish(),
    expertise: optionalText(1000),
    inKind: optionalText(1000),
    note: optionalText(1000),
  })
  .refine((b) => b.workDays || b.moneyVnd || b.expertise || b.inKind || b.role !== 'took_part', {
    message: 'cellLife.contributionEmpty',
    path: ['workDays'],
  });
export type ContributionBody = z.infer<typeof contributionBodySchema>;
export const decideBodySchema = z.object({ decision: z.enum(['confirm', 'reject']), note: optionalText(1000) });
export const memberContributionsSchema = z.object({ items: z.array(contributionItemSchema) });
export const yearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

// ── warnings ────────────────────────────────────────────────────────────────

export const warningStatusSchema = z.enum(warningStatuses);
export const createWarningBodySchema = z.object({
  memberId: z.uuid(),
  cellId: z.uuid(),
  kind: z.enum(['reminder', 'warning']),
  reason: z.string().trim().min(5, 'field.required').max(4000),
  deadline: isoDateSchema,
});
export type CreateWarningBody = z.infer<typeof createWarningBodySchema>;
export const warningItemSchema = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  cellId: z.uuid(),
  cellName: z.string(),
  kind: z.enum(['reminder', 'warning']),
  reason: z.string(),
  deadline: z.string(),
  status: warningStatusSchema,
  memberReply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  canManage: z.boolean(),
  canReply: z.boolean(),
});
export type WarningItem = z.infer<typeof warningItemSchema>;
export const warningListQuerySchema = pageQuerySchema.extend({
  cellId: z.uuid().optional(),
  memberId: z.uuid().optional(),
  mine: z.stringbool().optional(),
  status: warningStatusSchema.optional(),
  /** what to follow up: open with the deadline near (due), or not resolved yet (unresolved) */
  queue: z.enum(warningQueues).optional(),
});
export const warningListResponseSchema = pageSchema(warningItemSchema);
export const warningReplyBodySchema = z.object({ reply: z.string().trim().min(3, 'field.required').max(4000) });
export const warningResolveBodySchema = z.object({ resolution: z.string().trim().min(3, 'field.required').max(4000) });

// ── topics the commune directs to all its cells ──────────────────────────────

export const directedTopicBodySchema = z.object({
  communeId: z.uuid(),
  title: z.string().trim().min(3, 'field.required').max(300),
  description: optionalText(4000),
  activeFrom: isoDateSchema,
  activeTo: isoDateSchema.nullish(),
});
export const directedTopicSchema = z.object({
  id: z.uuid(),
  communeId: z.uuid(),
  communeName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  activeFrom: z.string(),
  activeTo: z.string().nullable(),
});
export const directedTopicListSchema = z.object({ items: z.array(directedTopicSchema) });
export const directedTopicQuerySchema = z.object({ cellId: z.uuid().optional(), communeId: z.uuid().optional() });
