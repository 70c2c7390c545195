import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import {
  createLettersResponseSchema,
  residentsResponseSchema,
} from '../../../shared/contracts/introductions';
import { queryRows, type Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { newIntroductionOfficers } from './officers.fixture';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

export type { Session };

/**
 * The data of the residence-side tests (residence-*.test.ts): notices from the workplace (Art. 3.1, 3.2), the
 * member's move (Art. 2.7) and "known here, no letter" requests from the commune (Art. 4.1). Each test file
 * builds its own database with `setupResidence`.
 */

export let database: Database;
export let t: TestApp;
export let a: Awaited<ReturnType<typeof newProvinceTree>>;
export let b: Awaited<ReturnType<typeof newProvinceTree>>;
export type Who =
  | 'signer'
  | 'staff'
  | 'commune'
  | 'communeB'
  | 'cell'
  | 'cellB'
  | 'otherWorkplace'
  | 'admin'
  | 'an'
  | 'be'
  | 'chi';
export let s: Record<Who, Session>;
export type M = { id: string; fullName: string; cardNumber: string };
export const m: Record<string, M> = {};

export const post = async (who: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: who.headers, payload: payload as object });
export const get = async (who: Session, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

export async function ok<T>(res: Awaited<ReturnType<typeof post>>, status = 200): Promise<T> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

export async function letterOf(memberId: string) {
  const [row] = await queryRows<{
    id: string;
    status: string;
    endReason: string | null;
    receivingCommuneId: string;
  }>(
    database.db,
    sql`select id, status, end_reason as "endReason", receiving_commune_id as "receivingCommuneId" from introduction_letters
        where member_id = ${memberId} order by created_at desc limit 1`,
  );
  return row!;
}

export async function memberRow(memberId: string) {
  const [row] = await queryRows<{
    status: string;
    cellId: string;
    category: string;
    categoryReason: string | null;
    exemptFrom: string | null;
    exemptTo: string | null;
    jobTitle: string | null;
    residenceCommuneId: string | null;
    residenceAreaId: string | null;
    residenceStreet: string | null;
    residenceCellId: string | null;
  }>(
    database.db,
    sql`select status, cell_id as "cellId", category, category_reason as "categoryReason", exempt_from::text as "exemptFrom",
          exempt_to::text as "exemptTo", job_title as "jobTitle", residence_commune_id as "residenceCommuneId",
          residence_area_id as "residenceAreaId", residence_street as "residenceStreet", residence_cell_id as "residenceCellId"
        from members where id = ${memberId}`,
  );
  return row!;
}

export async function memberships(memberId: string) {
  return queryRows<{ kind: string; unitId: string; validFrom: string; validTo: string | null }>(
    database.db,
    sql`select kind, unit_id as "unitId", valid_from::text as "validFrom", valid_to::text as "validTo"
        from unit_memberships where member_id = ${memberId} order by kind, valid_from, created_at`,
  );
}

export async function notificationsOf(username: string, kind: string) {
  return queryRows<{ params: Record<string, string | number | null>; link: string | null }>(
    database.db,
    sql`select n.params, n.link from notifications n join users u on u.id = n.user_id
        where u.username = ${username} and n.kind = ${kind} order by n.created_at, n.id`,
  );
}

/** Letters issued, placed in residential cell A1 and acknowledged, through the API. */
export async function handOff(members: M[], upTo: 'draft' | 'issued' | 'acknowledged' = 'acknowledged') {
  const created = createLettersResponseSchema.parse(
    await ok(
      await post(s.signer, '/api/introductions/letters', {
        memberIds: members.map((x) => x.id),
        issue: upTo !== 'draft',
      }),
    ),
  );
  expect(created.created).toBe(members.length);
  if (upTo !== 'acknowledged') return;
  const placements = created.letterIds.map((letterId) => ({ letterId, cellId: a.residentialCell.id }));
  await ok(await post(s.commune, '/api/introductions/letters/place', { placements }));
  await ok(await post(s.cell, '/api/introductions/letters/acknowledge', { letterIds: created.letterIds }));
}

export const residentsOfCell = async (who: Session, cellId: string) =>
  residentsResponseSchema.parse(
    await ok(await get(who, `/api/introductions/residents?cellId=${cellId}&limit=200`)),
  ).items;

/** One database per test file: two provinces, the officers, and members introduced and placed in cell A1. */
export async function setupResidence() {
  database = await createTestDatabase();
  t = await buildTestApp(database, { sessionTtlHours: 24 * 365 });
  const db = database.db;
  a = await newProvinceTree(db, 'A');
  b = await newProvinceTree(db, 'B');
  const people: [string, string][] = [
    ['away', 'Nguyễn Văn Vắng'],
    ['mobile', 'Trần Văn Động'],
    ['duty', 'Lê Văn Đặc'],
    ['promoted', 'Phạm Văn Thăng'],
    ['transferred', 'Hoàng Văn Chuyển'],
    ['expelled', 'Vũ Văn Trừ'],
    ['removed', 'Đỗ Văn Xóa'],
    ['left', 'Bùi Văn Rời'],
    ['an', 'Nguyễn Văn An'],
    ['be', 'Trần Thị Bé'],
    ['chi', 'Lê Thị Chi'],
    ['dung', 'Phạm Văn Dũng'],
    ['em', 'Hoàng Thị Em'],
  ];
  let n = 43000001;
  for (const [key, fullName] of people)
    m[key] = await newMember(db, {
      fullName,
      cardNumber: String(n++),
      cellId: a.workplaceCell.id,
      residenceCommuneId: a.commune.id,
      residenceAreaId: a.area.id,
      residenceStreet: 'Số 5 Lê Lợi',
    });
  m.outsider = await newMember(db, {
    fullName: 'Lý Văn Ngoài',
    cardNumber: '43000099',
    cellId: b.workplaceCell.id,
    residenceCommuneId: a.commune.id,
  });
  await newIntroductionOfficers(db, a, b, { communeEmail: 'phuong.a@example.vn' });
  await newUser(db, {
    username: 'cell.b',
    grants: [{ role: 'cell_secretary', unitId: b.residentialCell.id }],
  });
  await newUser(db, { username: 'admin', grants: [{ role: 'admin' }] });
  for (const key of ['an', 'be', 'chi'] as const)
    await newUser(db, { username: key, memberId: m[key]!.id, grants: [{ role: 'member' }] });
  s = {
    signer: await loginAs(t.app, 'signer'),
    staff: await loginAs(t.app, 'staff'),
    otherWorkplace: await loginAs(t.app, 'other.workplace'),
    commune: await loginAs(t.app, 'commune'),
    communeB: await loginAs(t.app, 'commune.b'),
    cell: await loginAs(t.app, 'cell'),
    cellB: await loginAs(t.app, 'cell.b'),
    admin: await loginAs(t.app, 'admin'),
    an: await loginAs(t.app, 'an'),
    be: await loginAs(t.app, 'be'),
    chi: await loginAs(t.app, 'chi'),
  };
  // Everyone is introduced and placed in cell A1 on 23/11/2026, except: Xóa has a draft, Rời an issued letter.
  await handOff(
    ['away', 'mobile', 'duty', 'promoted', 'transferred', 'expelled', 'an', 'be', 'chi', 'dung'].map(
      (k) => m[k]!,
    ),
  );
  await handOff([m.removed!], 'draft');
  await handOff([m.left!], 'issued');
}

export async function closeResidence() {
  await t.app.close();
  await database.close();
}
