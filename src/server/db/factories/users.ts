import type { Executor } from '../client';
import { roleGrants, users } from '../schema';
// Argon2 lives with the auth module: a factory cannot build a password hash itself.
import { hashPassword } from '../../modules/auth/password';
import { next } from './sequence';

export const TEST_PASSWORD = 'Test@2026pass';
let passwordHash: Promise<string> | undefined;

type Role = 'admin' | 'committee_officer' | 'cell_secretary' | 'front_head' | 'member';
type Position = 'secretary' | 'deputy_secretary' | 'committee_member' | 'staff';

/** An account logging in with TEST_PASSWORD (hashed once per process), with the role grants asked for. */
export async function newUser(
  db: Executor,
  overrides: Partial<typeof users.$inferInsert> & {
    grants?: { role: Role; unitId?: string | null; position?: Position }[];
  } = {},
) {
  const { grants = [], ...rest } = overrides;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const n = next();
  const [user] = await db
    .insert(users)
    .values({
      username: `user${n}`,
      displayName: `Người dùng ${n}`,
      passwordHash: await passwordHash,
      ...rest,
    })
    .returning();
  if (grants.length) {
    await db.insert(roleGrants).values(
      grants.map((g) => ({
        userId: user!.id,
        role: g.role,
        unitId: g.unitId ?? null,
        position: g.position ?? null,
      })),
    );
  }
  return user!;
}
