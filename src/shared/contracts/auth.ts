import { z } from 'zod';

export const roles = ['admin', 'committee_officer', 'cell_secretary', 'front_head', 'member'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const officerPositions = ['secretary', 'deputy_secretary', 'committee_member', 'staff'] as const;
export const officerPositionSchema = z.enum(officerPositions);

export const localeSchema = z.enum(['vi', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const loginBodySchema = z.object({
  login: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
});

export const roleGrantSchema = z.object({
  id: z.uuid(),
  role: roleSchema,
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  unitType: z.string().nullable(),
  position: officerPositionSchema.nullable(),
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;

export const meSchema = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    memberId: z.uuid().nullable(),
    locale: localeSchema,
  }),
  roles: z.array(roleGrantSchema),
  /** units the user acts for (from role grants) */
  units: z.array(z.object({ id: z.uuid(), name: z.string(), type: z.string() })),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;

/** At least 10 characters with letters and digits. */
export const newPasswordSchema = z
  .string()
  .min(10, 'password.tooShort')
  .max(200)
  .regex(/[A-Za-z]/, 'password.needsLetter')
  .regex(/\d/, 'password.needsDigit');

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: newPasswordSchema,
});

export const setLocaleBodySchema = z.object({ locale: localeSchema });

export const authPaths = {
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  changePassword: '/api/auth/password',
  locale: '/api/auth/locale',
} as const;
