import { z } from 'zod';
import { localeSchema, newPasswordSchema, officerPositionSchema, roleGrantSchema, roleSchema } from './auth';

export const accountSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  memberId: z.uuid().nullable(),
  isActive: z.boolean(),
  locale: localeSchema,
  lastLoginAt: z.string().nullable(),
  roles: z.array(roleGrantSchema),
});
export type Account = z.infer<typeof accountSchema>;

export const accountListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const createAccountBodySchema = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(60)
    .regex(/^[a-zA-Z0-9._-]+$/, 'username.format'),
  displayName: z.string().trim().min(2).max(120),
  email: z.email().nullish().or(z.literal('').transform(() => null)),
  phone: z.string().trim().max(20).nullish(),
  memberId: z.uuid().nullish(),
  password: newPasswordSchema,
});

export const updateAccountBodySchema = z.object({
  displayName: z.string().trim().min(2).max(120).optional(),
  email: z.email().nullish().or(z.literal('').transform(() => null)),
  phone: z.string().trim().max(20).nullish(),
  isActive: z.boolean().optional(),
  /** admin reset */
  password: z.optional(newPasswordSchema),
});

export const grantRoleBodySchema = z.object({
  role: roleSchema,
  unitId: z.uuid().nullish(),
  position: z.nullish(officerPositionSchema),
});

export const accountPaths = {
  list: '/api/accounts',
  detail: (id: string) => `/api/accounts/${id}`,
  grants: (id: string) => `/api/accounts/${id}/roles`,
  grant: (id: string, grantId: string) => `/api/accounts/${id}/roles/${grantId}`,
} as const;

export const accountListSchema = z.object({ items: z.array(accountSchema), nextCursor: z.string().nullable() });
export const accountGrantParamsSchema = z.object({ id: z.uuid(), grantId: z.uuid() });
