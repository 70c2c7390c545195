import type { z } from 'zod';
import type {
  Account,
  accountListQuerySchema,
  createAccountBodySchema,
  grantRoleBodySchema,
  updateAccountBodySchema,
} from '../../../shared/contracts/accounts';
import type { Role } from '../../../shared/contracts/auth';
import type { UnitType } from '../../../shared/contracts/org-units';
import type { Db, Executor } from '../../db/client';
import { isAdmin, type Actor } from '../../http/actor';
import { AppError, Conflict, Invalid, NotFound } from '../../http/errors';
import { registerMessages } from '../../i18n/messages';
import { diff, writeAudit } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { notify } from '../notifications/notifications.service';
import { activeUnitStatus, committeeTypes } from '../org-units/org-units.rules';
import { uniqueViolation } from '../org-units/org-units.service';
import * as repo from './accounts.repository';

registerMessages({
  username_taken: { vi: 'Tên đăng nhập này đã có người dùng.', en: 'This username is already taken.' },
  email_taken: {
    vi: 'Email này đã gắn với một tài khoản khác.',
    en: 'This email already belongs to another account.',
  },
  phone_taken: {
    vi: 'Số điện thoại này đã gắn với một tài khoản khác.',
    en: 'This phone number already belongs to another account.',
  },
  member_has_account: { vi: 'Đảng viên này đã có tài khoản.', en: 'This member already has an account.' },
  member_not_found: { vi: 'Không tìm thấy đảng viên.', en: 'Member not found.' },
  role_already_granted: {
    vi: 'Tài khoản đã có vai trò này tại đơn vị này.',
    en: 'The account already has this role in this unit.',
  },
  role_unit_required: { vi: 'Vai trò này cần chọn đơn vị.', en: 'This role needs a unit.' },
  role_unit_not_found: { vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' },
  role_unit_closed: { vi: 'Đơn vị đã sáp nhập hoặc giải thể.', en: 'The unit has been merged or dissolved.' },
  role_unit_type: {
    vi: 'Vai trò này không gán được cho loại đơn vị đã chọn.',
    en: 'This role cannot be granted on this type of unit.',
  },
  role_member_needs_member: {
    vi: 'Vai trò đảng viên cần tài khoản gắn với một đảng viên.',
    en: 'The member role needs an account linked to a Party member.',
  },
  cannot_revoke_own_admin: {
    vi: 'Đồng chí không thể tự thu hồi quyền quản trị của mình.',
    en: 'You cannot revoke your own administrator role.',
  },
  cannot_deactivate_self: {
    vi: 'Đồng chí không thể tự khóa tài khoản của mình.',
    en: 'You cannot disable your own account.',
  },
});

export interface AccountDeps {
  db: Db;
  now: () => Date;
}

type ListQuery = z.output<typeof accountListQuerySchema>;
type CreateInput = z.output<typeof createAccountBodySchema>;
type UpdateInput = z.output<typeof updateAccountBodySchema>;
type GrantInput = z.output<typeof grantRoleBodySchema>;

/** A 409 that also marks the offending field, so the form can show it next to the input. */
class FieldConflict extends AppError {
  constructor(code: string, field: string) {
    super(409, code, undefined, { [field]: code });
  }
}

const takenCodes = {
  username: 'username_taken',
  email: 'email_taken',
  phone: 'phone_taken',
  memberId: 'member_has_account',
} as const;

/** Accounts are the system administrator's business; to everyone else they do not exist. */
function assertAdmin(actor: Actor) {
  if (!isAdmin(actor)) throw new NotFound();
}

/** Phones are stored the way people log in with them (see auth.repository findUserByLogin). */
function normalisePhone(phone: string | null | undefined) {
  if (phone === undefined) return undefined;
  return phone ? phone.replace(/[\s.]/g, '') : null;
}

async function toAccounts(db: Executor, rows: repo.AccountRow[]): Promise<Account[]> {
  const grants = await repo.activeGrants(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    email: r.email ?? null,
    lastLoginAt: r.lastLoginAt ? r.lastLoginAt.toISOString() : null,
    roles: grants
      .filter((g) => g.userId === r.id)
      .map(({ userId: _u, ...g }) => ({ ...g, unitName: g.unitName ?? null, unitType: g.unitType ?? null })),
  }));
}

async function loadAccount(db: Executor, id: string): Promise<Account> {
  const row = await repo.findAccount(db, id);
  if (!row) throw new NotFound();
  const [account] = await toAccounts(db, [row]);
  return account!;
}

export async function listAccounts(deps: AccountDeps, actor: Actor, query: ListQuery) {
  assertAdmin(actor);
  const rows = await repo.listAccounts(deps.db, {
    q: query.q || undefined,
    after: query.cursor,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: await toAccounts(deps.db, page),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.username : null,
  };
}

export async function getAccount(deps: AccountDeps, actor: Actor, id: string): Promise<Account> {
  assertAdmin(actor);
  return loadAccount(deps.db, id);
}

/** Unique indexes on users → the same field-specific conflicts as the checks before writing (for races). */
const constraintFields: Record<string, keyof typeof takenCodes> = {
  users_username_unique: 'username',
  users_email_key: 'email',
  users_phone_key: 'phone',
  users_member_key: 'memberId',
};
function rethrowTaken(error: unknown): never {
  const field = constraintFields[uniqueViolation(error) ?? ''];
  if (field) throw new FieldConflict(takenCodes[field], field);
  throw error;
}

async function assertUnique(
  db: Executor,
  values: Parameters<typeof repo.takenFields>[1],
  exceptUserId?: string,
) {
  const [taken] = await repo.takenFields(db, values, exceptUserId);
  if (taken) throw new FieldConflict(takenCodes[taken], taken);
}

export async function createAccount(deps: AccountDeps, actor: Actor, input: CreateInput): Promise<Account> {
  assertAdmin(actor);
  const values = {
    username: input.username,
    displayName: input.displayName,
    email: input.email ?? null,
    phone: normalisePhone(input.phone) ?? null,
    memberId: input.memberId ?? null,
  };
  if (values.memberId && !(await repo.memberExists(deps.db, values.memberId)))
    throw new Invalid('member_not_found', { memberId: 'member_not_found' });
  await assertUnique(deps.db, values);
  const passwordHash = await hashPassword(input.password);
  const id = await deps.db
    .transaction(async (tx) => {
      // The admin chose this password: the owner picks their own at first login (decision 0013).
      const userId = await repo.insertUser(tx, {
        ...values,
        passwordHash,
        passwordChangedAt: deps.now(),
        mustChangePassword: true,
      });
      await writeAudit(tx, actor, {
        action: 'user.created',
        entityType: 'user',
        entityId: userId,
        after: values,
      });
      return userId;
    })
    .catch(rethrowTaken);
  return loadAccount(deps.db, id);
}

export async function updateAccount(
  deps: AccountDeps,
  actor: Actor,
  id: string,
  input: UpdateInput,
): Promise<Account> {
  assertAdmin(actor);
  const current = await repo.findAccount(deps.db, id);
  if (!current) throw new NotFound();
  const set: { displayName?: string; email?: string | null; phone?: string | null; isActive?: boolean } = {};
  if (input.displayName !== undefined) set.displayName = input.displayName;
  if (input.email !== undefined) set.email = input.email;
  if (input.phone !== undefined) set.phone = normalisePhone(input.phone);
  if (input.isActive !== undefined) set.isActive = input.isActive;
  if (set.isActive === false && id === actor.userId) throw new Conflict('cannot_deactivate_self');
  await assertUnique(deps.db, { email: set.email, phone: set.phone }, id);

  const change = diff(current as Record<string, unknown>, set);
  const passwordReset = input.password !== undefined;
  if (!change.changed && !passwordReset) return loadAccount(deps.db, id);
  const passwordHash = passwordReset ? await hashPassword(input.password!) : undefined;
  await deps.db
    .transaction(async (tx) => {
      const now = deps.now();
      await repo.updateUser(tx, id, {
        ...(change.after as Partial<repo.UserInsert>),
        ...(passwordHash ? { passwordHash, passwordChangedAt: now, mustChangePassword: true } : {}),
        updatedAt: now,
      });
      // A disabled account or a reset password must not keep working on devices already logged in.
      if (passwordReset || set.isActive === false) await repo.deleteUserSessions(tx, id);
      await writeAudit(tx, actor, {
        action: passwordReset && !change.changed ? 'user.password_reset' : 'user.updated',
        entityType: 'user',
        entityId: id,
        before: change.before,
        after: { ...change.after, ...(passwordReset ? { passwordReset: true } : {}) },
      });
    })
    .catch(rethrowTaken);
  return loadAccount(deps.db, id);
}

/**
 * An admin's answer to a lost phone with lost recovery codes (decision 0013): the account's authenticator and
 * recovery codes are removed and its sessions end; at the next login a role that requires a second factor
 * enrols a new one.
 */
export async function resetSecondFactor(deps: AccountDeps, actor: Actor, id: string): Promise<Account> {
  assertAdmin(actor);
  if (!(await repo.findAccount(deps.db, id))) throw new NotFound();
  await deps.db.transaction(async (tx) => {
    await repo.clearSecondFactor(tx, id, deps.now());
    await repo.deleteUserSessions(tx, id);
    await writeAudit(tx, actor, { action: 'user.second_factor_reset', entityType: 'user', entityId: id });
  });
  return loadAccount(deps.db, id);
}

/** Where each role may be granted. A committee officer acts for a committee; secretaries and Front heads for a cell. */
const roleUnitTypes: Record<Exclude<Role, 'admin' | 'member'>, readonly UnitType[]> = {
  committee_officer: committeeTypes,
  cell_secretary: ['residential_cell', 'workplace_cell'],
  front_head: ['residential_cell'],
};

export async function grantRole(
  deps: AccountDeps,
  actor: Actor,
  userId: string,
  input: GrantInput,
): Promise<Account> {
  assertAdmin(actor);
  const user = await repo.findAccount(deps.db, userId);
  if (!user) throw new NotFound();
  let unit: Awaited<ReturnType<typeof repo.findUnit>> = undefined;
  // `member` means "self": it is granted on nothing. The system administrator may hold a unit or not.
  if (input.role !== 'member' && input.unitId) {
    unit = await repo.findUnit(deps.db, input.unitId);
    if (!unit) throw new Invalid('role_unit_not_found', { unitId: 'role_unit_not_found' });
    if (unit.status !== activeUnitStatus)
      throw new Invalid('role_unit_closed', { unitId: 'role_unit_closed' });
  }
  if (input.role === 'member') {
    if (!user.memberId) throw new Invalid('role_member_needs_member', { role: 'role_member_needs_member' });
  } else if (input.role !== 'admin') {
    if (!unit) throw new Invalid('role_unit_required', { unitId: 'role_unit_required' });
    if (!roleUnitTypes[input.role].includes(unit.type))
      throw new Invalid('role_unit_type', { unitId: 'role_unit_type' });
  }
  const unitId = unit?.id ?? null;
  if (await repo.hasActiveGrant(deps.db, userId, input.role, unitId))
    throw new Conflict('role_already_granted');
  const position = input.role === 'member' || input.role === 'admin' ? null : (input.position ?? null);

  await deps.db.transaction(async (tx) => {
    const grant = await repo.insertGrant(tx, {
      userId,
      role: input.role,
      unitId,
      position,
      grantedBy: actor.userId,
    });
    await notify(tx, {
      userIds: [userId],
      kind: 'role_granted',
      params: { role: input.role, unit: unit?.name ?? null },
      link: '/',
      email: true,
    });
    await writeAudit(tx, actor, {
      action: 'role_grant.created',
      entityType: 'role_grant',
      entityId: grant.id,
      unitId,
      after: { userId, role: input.role, unitId, position },
    });
  });
  return loadAccount(deps.db, userId);
}

export async function revokeRole(
  deps: AccountDeps,
  actor: Actor,
  userId: string,
  grantId: string,
): Promise<Account> {
  assertAdmin(actor);
  const grant = await repo.findGrant(deps.db, userId, grantId);
  if (!grant) throw new NotFound();
  // Someone must remain able to administer the system; another admin can take the role away.
  if (grant.role === 'admin' && userId === actor.userId) throw new Conflict('cannot_revoke_own_admin');
  const unit = grant.unitId ? await repo.findUnit(deps.db, grant.unitId) : undefined;
  await deps.db.transaction(async (tx) => {
    await repo.revokeGrant(tx, grant.id, deps.now());
    await notify(tx, {
      userIds: [userId],
      kind: 'role_revoked',
      params: { role: grant.role, unit: unit?.name ?? null },
    });
    await writeAudit(tx, actor, {
      action: 'role_grant.revoked',
      entityType: 'role_grant',
      entityId: grant.id,
      unitId: grant.unitId,
      before: { userId, role: grant.role, unitId: grant.unitId, position: grant.position },
      after: { revokedAt: deps.now() },
    });
  });
  return loadAccount(deps.db, userId);
}
