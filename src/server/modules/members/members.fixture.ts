import { expect } from 'vitest';
import { memberListResponseSchema } from '../../../shared/contracts/members';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session } from '../../../../tests/fixtures/app';

/** The world of the member tests: two provinces, their members and the officers who read them. */
export type MembersWorld = Awaited<ReturnType<typeof membersWorld>>;

export async function membersWorld() {
  const database = await createTestDatabase();
  const t = await buildTestApp(database);
  const db = database.db;
  const a = await newProvinceTree(db, 'A');
  const b = await newProvinceTree(db, 'B');
  // A working member of workplace A living in commune A, a retired member of cell A, one of commune B.
  const an = await newMember(db, {
    fullName: 'Nguyễn Văn An',
    cardNumber: '40001234',
    cellId: a.workplaceCell.id,
    residenceCommuneId: a.commune.id,
    residenceAreaId: a.area.id,
    registeredCommune: 'Xã Hưng Nguyên',
  });
  const names = [
    'Trần Thị Bình',
    'Lê Văn Anh',
    'Phạm Thị Ánh',
    'Hoàng Văn Ân',
    'Đỗ Minh Đông',
    'Bùi Thị Dung',
  ];
  for (const [i, fullName] of names.entries()) {
    await newMember(db, {
      fullName,
      cardNumber: `4100000${i}`,
      cellId: a.residentialCell.id,
      residenceCommuneId: a.commune.id,
    });
  }
  const otherCommuneMember = await newMember(db, {
    fullName: 'Nguyễn Văn An',
    cardNumber: '50001234',
    cellId: b.residentialCell.id,
    residenceCommuneId: b.commune.id,
  });
  await newUser(db, {
    username: 'admin',
    displayName: 'Quản trị',
    grants: [{ role: 'admin', unitId: a.province.id }],
  });
  await newUser(db, {
    username: 'officer.a',
    displayName: 'Cán bộ A',
    grants: [{ role: 'committee_officer', unitId: a.commune.id, position: 'staff' }],
  });
  await newUser(db, {
    username: 'workplace.a',
    displayName: 'Đảng ủy công ty',
    grants: [{ role: 'committee_officer', unitId: a.workplace.id, position: 'secretary' }],
  });
  await newUser(db, {
    username: 'secretary.a',
    displayName: 'Bí thư',
    grants: [{ role: 'cell_secretary', unitId: a.residentialCell.id }],
  });
  await newUser(db, { username: 'an', displayName: 'An', memberId: an.id, grants: [{ role: 'member' }] });
  const admin = await loginAs(t.app, 'admin');
  const officerA = await loginAs(t.app, 'officer.a');
  const workplaceOfficer = await loginAs(t.app, 'workplace.a');
  const memberSession = await loginAs(t.app, 'an');
  const secretary = await loginAs(t.app, 'secretary.a');
  const list = async (s: Session, query: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/members?${query}`,
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(200);
    return memberListResponseSchema.parse(res.json());
  };
  return {
    database,
    t,
    a,
    b,
    an,
    otherCommuneMember,
    admin,
    officerA,
    workplaceOfficer,
    memberSession,
    secretary,
    list,
    close: async () => {
      await t.app.close();
      await database.close();
    },
  };
}
