// zod/mini, like errors.ts: the session and login schemas are on the login page's path (decision 0009).
import { z } from 'zod/mini';

export const roles = ['admin', 'committee_officer', 'cell_secretary', 'front_head', 'member'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const officerPositions = ['secretary', 'deputy_secretary', 'committee_member', 'staff'] as const;
export const officerPositionSchema = z.enum(officerPositions);

export const localeSchema = z.enum(['vi', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const loginBodySchema = z.object({
  login: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});

export const roleGrantSchema = z.object({
  id: z.uuid(),
  role: roleSchema,
  unitId: z.nullable(z.uuid()),
  unitName: z.nullable(z.string()),
  unitType: z.nullable(z.string()),
  position: z.nullable(officerPositionSchema),
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;

export const meSchema = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.nullable(z.string()),
    phone: z.nullable(z.string()),
    memberId: z.nullable(z.uuid()),
    locale: localeSchema,
  }),
  roles: z.array(roleGrantSchema),
  /** units the user acts for (from role grants) */
  units: z.array(z.object({ id: z.uuid(), name: z.string(), type: z.string() })),
  csrfToken: z.string(),
  /** what this session must still do before it reaches the rest of the app (issue 12, decision 0013) */
  security: z.object({
    mustChangePassword: z.boolean(),
    totpEnabled: z.boolean(),
    /** admins and committee officers must use a second factor */
    secondFactorRequired: z.boolean(),
    /** the next step: give the code, choose a new password, enrol an authenticator, or none */
    pending: z.enum(['none', 'second_factor', 'password_change', 'enrolment']),
  }),
});
export type Me = z.infer<typeof meSchema>;

/** At least 10 characters with letters and digits. */
export const newPasswordSchema = z
  .string()
  .check(
    z.minLength(10, 'password.tooShort'),
    z.maxLength(200),
    z.regex(/[A-Za-z]/, 'password.needsLetter'),
    z.regex(/\d/, 'password.needsDigit'),
  );

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().check(z.minLength(1), z.maxLength(200)),
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
