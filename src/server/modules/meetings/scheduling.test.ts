import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../../shared/contracts/common';
import { meetingDetailSchema } from '../../../shared/contracts/meetings';
import { queryRows, type Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

/** Art. 4.3: when a meeting may be entered, and how — ahead (invitations) or afterwards (recorded as held). */

let database: Database;
let t: TestApp;
let cellId: string;
let secretary: Session;

const HOUR = 3600_000;
const at = (offsetHours: number) => new Date(t.clock.now().getTime() + offsetHours * HOUR).toISOString();
const enter = (payload: object, locale: 'vi' | 'en' = 'vi') =>
  t.app.inject({
    method: 'POST',
    url: '/api/meetings',
    headers: { ...secretary.headers, 'accept-language': locale },
    payload: { cellId, title: 'Sinh hoạt chi bộ', place: 'Nhà văn hóa khối 2', ...payload },
  });
const refusal = (body: string) => errorResponseSchema.parse(JSON.parse(body)).error;
const invitations = () =>
  queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from notifications where kind = 'meeting_invited'`,
  ).then((r) => r[0]!.n);

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  const tree = await newProvinceTree(database.db, 'S');
  cellId = tree.residentialCell.id;
  const placed = {
    residenceCommuneId: tree.commune.id,
    residenceCellId: cellId,
    cellId: tree.workplaceCell.id,
  };
  const an = await newMember(database.db, { fullName: 'Nguyễn Văn An', ...placed });
  await newMember(database.db, { fullName: 'Trần Thị Bình', ...placed });
  await newUser(database.db, { username: 'an', memberId: an.id, grants: [{ role: 'member' }] });
  await newUser(database.db, { username: 'secretary', grants: [{ role: 'cell_secretary', unitId: cellId }] });
  secretary = await loginAs(t.app, 'secretary');
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('the end of a meeting', () => {
  it('must come after its start, refused with a message in the user’s language', async () => {
    const vi = await enter({ startsAt: at(48), endsAt: at(47) });
    expect(vi.statusCode).toBe(422);
    expect(refusal(vi.body).fields).toEqual({ endsAt: 'Giờ kết thúc phải sau giờ bắt đầu.' });
    const en = await enter({ startsAt: at(48), endsAt: at(48) }, 'en');
    expect(refusal(en.body).fields).toEqual({ endsAt: 'The end must come after the start.' });
  });

  it('is refused on a change too', async () => {
    const m = meetingDetailSchema.parse((await enter({ startsAt: at(48), endsAt: at(50) })).json());
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/meetings/${m.id}`,
      headers: secretary.headers,
      payload: { startsAt: at(48), endsAt: at(46) },
    });
    expect(res.statusCode).toBe(422);
    expect(refusal(res.body).fields).toEqual({ endsAt: 'Giờ kết thúc phải sau giờ bắt đầu.' });
  });
});

describe('a meeting in the past', () => {
  it('cannot be scheduled (no invitations to the past); the message points to recording it', async () => {
    const before = await invitations();
    const res = await enter({ startsAt: at(-24 * 180), endsAt: at(-24 * 180 + 2) });
    expect(res.statusCode).toBe(422);
    expect(refusal(res.body).fields?.startsAt).toContain('Ghi lại buổi đã họp');
    expect(await invitations()).toBe(before);
  });

  it('is recorded as held: straight to held, attendance to fill in, nobody invited, and audited', async () => {
    const before = await invitations();
    const res = await enter({ entry: 'record', startsAt: at(-26), endsAt: at(-24) });
    expect(res.statusCode, res.body).toBe(201);
    const m = meetingDetailSchema.parse(res.json());
    expect(m.status).toBe('held');
    expect(m.heldAt).toBe(at(-26));
    expect(m.attendance.map((r) => [r.fullName, r.status])).toEqual([
      ['Nguyễn Văn An', 'unrecorded'],
      ['Trần Thị Bình', 'unrecorded'],
    ]);
    // its minutes lock the rule set's days after it ended, like any held meeting's
    expect(m.minutesLocked).toBe(false);
    expect(m.minutesLockAt).toBe(new Date(new Date(at(-24)).getTime() + 7 * 24 * HOUR).toISOString());
    expect(await invitations()).toBe(before);
    const [audit] = await queryRows<{ action: string; after: { status: string; invited: number } }>(
      database.db,
      sql`select action, after from audit_log where entity_id = ${m.id}`,
    );
    expect(audit).toMatchObject({ action: 'meeting.recorded', after: { status: 'held', invited: 0 } });
  });

  it('a meeting ahead cannot be recorded as held', async () => {
    const res = await enter({ entry: 'record', startsAt: at(2), endsAt: at(4) }, 'en');
    expect(res.statusCode).toBe(422);
    expect(refusal(res.body).fields?.startsAt).toMatch(/has not taken place yet/);
  });

  it('a scheduled meeting cannot be moved to a time already over', async () => {
    const m = meetingDetailSchema.parse((await enter({ startsAt: at(30), endsAt: at(32) })).json());
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/meetings/${m.id}`,
      headers: secretary.headers,
      payload: { startsAt: at(-5), endsAt: at(-3) },
    });
    expect(res.statusCode).toBe(422);
    expect(refusal(res.body).fields?.startsAt).toContain('Ghi nhận đã họp');
  });

  it('a meeting under way can still be scheduled (its end is ahead)', async () => {
    expect((await enter({ startsAt: at(-0.5), endsAt: at(1) })).statusCode).toBe(201);
  });
});
