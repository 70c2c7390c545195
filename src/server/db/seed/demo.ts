import { sql } from 'drizzle-orm';
// What a factory cannot build stays with its module: Argon2 password hashes, the sealed TOTP secret (auth) and
// the printed codes of letters and forms (verification, called by demo-letters and demo-evaluations).
import { hashPassword } from '../../modules/auth/password';
import { seal } from '../../modules/auth/sealed';
import { TOTP_SEAL_PURPOSE } from '../../modules/auth/second-factor.service';
import { SECOND_FACTOR_ROLES } from '../../modules/auth/totp';
import type { Db, Executor } from '../client';
import {
  members,
  notifications,
  orgUnits,
  residentialAreas,
  roleGrants,
  unitEvents,
  unitMemberships,
  users,
} from '../schema';
import { DEMO_FRONT_HEAD, DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo-data';
import { buildDemoPeople } from './demo-members';
import { buildDemoTree } from './demo-units';
import { seedDemoEvaluations } from './demo-evaluations';
import { seedDemoLetters } from './demo-letters';
import { seedDemoHistory } from './demo-history';
import { inBatches } from '../factories/sequence';
import { assertNotProduction } from './guard';
import { createRng } from './random';

export { assertNotProduction } from './guard';

/** Any constant: two servers starting at once must not both seed. */
const SEED_LOCK_KEY = 213_2020;

/**
 * Seeds the Nghệ An demo (units, ~600 members, seven demo accounts with password `Demo@2026`).
 * Does nothing when any org unit exists. Refuses to run in production.
 */
export async function seedDemo(
  db: Db,
  opts: { now?: Date; documentSecret?: string; sessionSecret?: string } = {},
): Promise<{ seeded: boolean }> {
  assertNotProduction();
  const now = opts.now ?? new Date();
  // Argon2 is deliberately slow: hash once, outside the transaction, and share it.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const existing = await tx.select({ id: orgUnits.id }).from(orgUnits).limit(1);
    if (existing.length > 0) return { seeded: false };
    // Demo only (the seed refuses production): admins and officers enrolled with one documented TOTP secret
    // sealed like a real enrolment, so any authenticator app logs in as them (README, decision 0013).
    const totpSecret = opts.sessionSecret
      ? seal(DEMO_TOTP_SECRET, opts.sessionSecret, TOTP_SEAL_PURPOSE)
      : null;
    await insertDemo(tx, now, passwordHash, totpSecret);
    await seedDemoLetters(tx, now, opts.documentSecret);
    await seedDemoEvaluations(tx, now, opts.documentSecret);
    await seedDemoHistory(tx, now);
    return { seeded: true };
  });
}

async function insertDemo(
  tx: Executor,
  now: Date,
  passwordHash: string,
  totpSecret: string | null,
): Promise<void> {
  const tree = buildDemoTree();
  const people = buildDemoPeople(tree, createRng(20200102), now);

  // Residential areas and residential cells reference each other's tables: communes first, then areas, then cells.
  await tx.insert(orgUnits).values(tree.upperUnits);
  await tx.insert(residentialAreas).values(tree.areas.map((a) => a.row));
  await tx.insert(orgUnits).values(tree.residentialCells);
  await tx.insert(unitEvents).values(tree.events);
  await inBatches(people.members, (b) => tx.insert(members).values(b));
  await inBatches(people.memberships, (b) => tx.insert(unitMemberships).values(b));

  const demoArea = tree.areas[0]!;
  const thanhVinh = demoArea.commune.unit;
  const power = tree.workplaces.find((w) => w.spec.code === 'NA-PCNA')!.unit;
  const accounts = [
    {
      username: 'admin',
      displayName: 'Quản trị hệ thống',
      phone: '0912213001',
      grant: { role: 'admin', unitId: tree.province.id, position: null },
    },
    {
      // Art. 5: the province committee follows the work of its communes and grassroots committees
      username: 'province.officer',
      displayName: 'Hoàng Minh Tâm',
      phone: '0912213007',
      grant: { role: 'committee_officer', unitId: tree.province.id, position: 'staff' },
    },
    {
      username: 'commune.officer',
      displayName: 'Đặng Thị Phương',
      phone: '0912213002',
      grant: { role: 'committee_officer', unitId: thanhVinh.id, position: 'staff' },
    },
    {
      username: 'workplace.officer',
      displayName: 'Bùi Quang Huy',
      phone: '0912213003',
      grant: { role: 'committee_officer', unitId: power.id, position: 'secretary' },
    },
    {
      username: 'cell.secretary',
      displayName: people.demoSecretary.fullName,
      phone: people.demoSecretary.phone ?? '0912213004',
      memberId: people.demoSecretary.id,
      grant: { role: 'cell_secretary', unitId: demoArea.cell.id, position: null },
    },
    {
      username: 'front.head',
      displayName: DEMO_FRONT_HEAD.name,
      phone: DEMO_FRONT_HEAD.phone,
      grant: { role: 'front_head', unitId: demoArea.cell.id, position: null },
    },
    {
      username: 'member',
      displayName: people.demoMember.fullName,
      phone: people.demoMember.phone ?? '0912213006',
      memberId: people.demoMember.id,
      grant: { role: 'member', unitId: null, position: null },
    },
  ] as const;

  const inserted = await tx
    .insert(users)
    .values(
      accounts.map((a) => ({
        username: a.username,
        displayName: a.displayName,
        email: `${a.username}@demo.residence-link.vn`,
        phone: a.phone,
        memberId: 'memberId' in a ? a.memberId : null,
        passwordHash,
        ...(totpSecret && (SECOND_FACTOR_ROLES as readonly string[]).includes(a.grant.role)
          ? { totpSecret, totpEnabledAt: now }
          : {}),
        locale: 'vi' as const,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ id: users.id, username: users.username });
  const userId = new Map(inserted.map((u) => [u.username, u.id]));
  await tx
    .insert(roleGrants)
    .values(accounts.map((a) => ({ userId: userId.get(a.username)!, ...a.grant, createdAt: now })));
  await tx.insert(notifications).values(
    accounts
      .filter((a) => ['admin', 'cell.secretary', 'member'].includes(a.username))
      .map((a) => ({
        userId: userId.get(a.username)!,
        kind: 'welcome' as const,
        params: { name: a.displayName },
        createdAt: now,
      })),
  );
}
