import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows, type Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';
import { commitAndWait, csvFile, preview } from './fixtures/helpers';

let database: Database;
let t: TestApp;
let officer: Session;
let a: Awaited<ReturnType<typeof newProvinceTree>>;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  a = await newProvinceTree(database.db, 'L');
  await newUser(database.db, {
    username: 'officer.l',
    grants: [{ role: 'committee_officer', unitId: a.province.id }],
  });
  officer = await loginAs(t.app, 'officer.l');
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

// Slower on purpose: a whole city's working members (Vinh: ~21,000) in one file, previewed and committed in the request path.
it('a 20,000-row CSV previews and commits', { timeout: 180_000 }, async () => {
  const N = 20_000;
  const lines: string[][] = [
    [
      'Họ và tên*',
      'Giới tính*',
      'Ngày sinh*',
      'Số thẻ đảng*',
      'Số CCCD',
      'Điện thoại',
      'Mã chi bộ*',
      'Nơi ở: Mã xã/phường',
      'Nơi ở: Thôn/Tổ dân phố',
      'Phân loại',
    ],
  ];
  for (let i = 0; i < N; i++) {
    lines.push([
      `Nguyễn Văn Số ${i}`,
      i % 2 ? 'Nam' : 'Nữ',
      `${(i % 28) + 1}/${(i % 12) + 1}/${1960 + (i % 40)}`,
      String(30_000_000 + i),
      String(1_000_000_000_00 + i).padStart(12, '0'),
      `09${String(10_000_000 + i).padStart(8, '0')}`,
      i % 3 ? a.workplaceCell.code : a.residentialCell.code,
      a.commune.code,
      a.area.name,
      'Đang sinh hoạt',
    ]);
  }
  const started = Date.now();
  const job = await preview(t.app, officer, 'lon.csv', csvFile(lines));
  expect(job).toMatchObject({ totalRows: N, validRows: N, errorRows: 0 });
  const done = await commitAndWait(t.app, officer, job.id, 'valid_only');
  expect(done).toMatchObject({ status: 'committed', insertedRows: N, processedRows: N });
  const [counts] = await queryRows<{ members: number; memberships: number; audits: number }>(
    database.db,
    sql`select (select count(*)::int from members) as members,
      (select count(*)::int from unit_memberships where valid_to is null) as memberships,
      (select count(*)::int from audit_log where action = 'member.created') as audits`,
  );
  expect(counts).toEqual({ members: N, memberships: N, audits: N });
  console.info(`20,000 rows: preview + commit in ${Date.now() - started} ms`);
});
