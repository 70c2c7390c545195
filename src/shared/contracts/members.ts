import { z } from 'zod';
import { memberStatuses, residenceCategories } from '../rules/member-kinds';
import { isoDateSchema } from './common';

export const sexSchema = z.enum(['male', 'female']);
export { memberStatuses, residenceCategories };
export const residenceCategorySchema = z.enum(residenceCategories);
export const memberStatusSchema = z.enum(memberStatuses);
export type MemberStatus = z.infer<typeof memberStatusSchema>;

export const memberListItemSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  sex: sexSchema,
  dateOfBirth: isoDateSchema,
  cardNumber: z.string(),
  phone: z.string().nullable(),
  cellId: z.uuid(),
  cellName: z.string(),
  category: residenceCategorySchema,
  status: memberStatusSchema,
  residenceCommuneId: z.uuid().nullable(),
  residenceCommuneName: z.string().nullable(),
  residenceAreaName: z.string().nullable(),
  isWorking: z.boolean(),
  /** actual residence differs from the registered (permanent) address */
  livesAway: z.boolean(),
});
export type MemberListItem = z.infer<typeof memberListItemSchema>;

export const memberListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  /** members whose party cell is in this unit's subtree */
  unitId: z.uuid().optional(),
  /** working members whose actual residence is in this commune */
  residenceCommuneId: z.uuid().optional(),
  category: residenceCategorySchema.optional(),
  status: memberStatusSchema.optional(),
  workingOnly: z.stringbool().optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type MemberListQuery = z.infer<typeof memberListQuerySchema>;

export const memberListResponseSchema = z.object({
  items: z.array(memberListItemSchema),
  nextCursor: z.string().nullable(),
});

export const membershipSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  kind: z.enum(['party_cell', 'residence_cell']),
  role: z.string(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
});

export const memberDetailSchema = memberListItemSchema.extend({
  citizenId: z.string().nullable(),
  email: z.string().nullable(),
  dateAdmitted: isoDateSchema.nullable(),
  dateOfficial: isoDateSchema.nullable(),
  jobTitle: z.string().nullable(),
  workplaceCommitteeName: z.string().nullable(),
  registeredProvince: z.string().nullable(),
  registeredCommune: z.string().nullable(),
  registeredArea: z.string().nullable(),
  registeredStreet: z.string().nullable(),
  residenceProvince: z.string().nullable(),
  residenceAreaId: z.uuid().nullable(),
  residenceStreet: z.string().nullable(),
  residenceCellId: z.uuid().nullable(),
  residenceCellName: z.string().nullable(),
  categoryReason: z.string().nullable(),
  exemptFrom: isoDateSchema.nullable(),
  exemptTo: isoDateSchema.nullable(),
  memberships: z.array(membershipSchema),
  canEdit: z.boolean(),
  updatedAt: z.string(),
});
export type MemberDetail = z.infer<typeof memberDetailSchema>;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** Party card numbers: digits only, 6–12 of them. */
export const cardNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{6,12}$/, 'cardNumber.format');
/** Citizen ID (CCCD): 12 digits. */
export const citizenIdSchema = z
  .string()
  .trim()
  .regex(/^\d{12}$/, 'citizenId.format');
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^(\+84|0)\d{9,10}$/, 'phone.format');

const memberFields = {
  fullName: z.string().trim().min(3).max(120),
  sex: sexSchema,
  dateOfBirth: isoDateSchema,
  cardNumber: cardNumberSchema,
  citizenId: citizenIdSchema.nullish().or(z.literal('').transform(() => null)),
  phone: phoneSchema.nullish().or(z.literal('').transform(() => null)),
  email: z.email().nullish().or(z.literal('').transform(() => null)),
  dateAdmitted: isoDateSchema.nullish(),
  dateOfficial: isoDateSchema.nullish(),
  cellId: z.uuid(),
  jobTitle: text(200),
  registeredProvince: text(100),
  registeredCommune: text(100),
  registeredArea: text(100),
  registeredStreet: text(200),
  residenceProvince: text(100),
  residenceCommuneId: z.uuid().nullish(),
  residenceAreaId: z.uuid().nullish(),
  residenceStreet: text(200),
  category: residenceCategorySchema.default('active'),
  categoryReason: text(500),
  exemptFrom: isoDateSchema.nullish(),
  exemptTo: isoDateSchema.nullish(),
  status: memberStatusSchema.default('active'),
};

export const createMemberBodySchema = z.object(memberFields);
export type CreateMemberBody = z.infer<typeof createMemberBodySchema>;
export const updateMemberBodySchema = z.object(memberFields).partial().extend({
  /** optimistic concurrency: the updatedAt the editor saw */
  expectedUpdatedAt: z.string().optional(),
});
export type UpdateMemberBody = z.infer<typeof updateMemberBodySchema>;

export const memberPaths = {
  list: '/api/members',
  detail: (id: string) => `/api/members/${id}`,
  export: '/api/members/export.xlsx',
  importTemplate: '/api/members/import/template.xlsx',
  importUpload: '/api/members/import',
  importJob: (id: string) => `/api/members/import/${id}`,
  importCommit: (id: string) => `/api/members/import/${id}/commit`,
} as const;
