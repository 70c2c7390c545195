/**
 * Times cell life at city size (BENCH_CELLS residential cells, default 324 like Vinh city, BENCH_PER_CELL
 * working members each, default 65): two held meetings per cell with one attendance row per member, then
 * the compliance table for the whole city, a member's record, scheduling a meeting for a 165-member cell
 * and the absence-run check after holding it. Fresh PGlite under tmp/bench-meetings (or DATABASE_URL).
 * Always exits 0: the table is for reading.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../src/server/db/client';
import { loadEnv } from '../src/server/env';
import type { Actor } from '../src/server/http/actor';
import { reportAbsenceRuns } from '../src/server/modules/meetings/absences';
import { cellCompliance, memberRecord } from '../src/server/modules/meetings/compliance.service';
import { createMeeting } from '../src/server/modules/meetings/meetings.service';
import { reg213LifeRules } from '../src/server/db/reference-data';

const TARGET_MS = 1_000;
const cells = Number(process.env.BENCH_CELLS ?? 324);
const perCell = Number(process.env.BENCH_PER_CELL ?? 65);
const env = loadEnv();
const dir = path.resolve('tmp/bench-meetings');
if (!env.DATABASE_URL) rmSync(dir, { recursive: true, force: true });
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: dir });
const clock = { now: () => new Date() };

try {
  await database.migrate();
  const db = database.db;
  const tag = randomUUID().slice(0, 8);
  const ids = { province: randomUUID(), commune: randomUUID(), workplace: randomUUID(), wcell: randomUUID() };
  const p = (...xs: string[]) => xs.map((x) => x.replace(/-/g, '')).join('.');
  const started = performance.now();
  await db.execute(sql`insert into org_units (id, parent_id, path, depth, code, name, type) values
    (${ids.province}, null, ${p(ids.province)}::ltree, 0, ${`BM-${tag}-P`}, 'Tỉnh bench', 'province_committee'),
    (${ids.commune}, ${ids.province}, ${p(ids.province, ids.commune)}::ltree, 1, ${`BM-${tag}-C`}, 'Phường bench', 'commune_committee'),
    (${ids.workplace}, ${ids.province}, ${p(ids.province, ids.workplace)}::ltree, 1, ${`BM-${tag}-W`}, 'Đảng ủy bench', 'workplace_committee'),
    (${ids.wcell}, ${ids.workplace}, ${p(ids.province, ids.workplace, ids.wcell)}::ltree, 2, ${`BM-${tag}-WC`}, 'Chi bộ bench', 'workplace_cell')`);
  await db.execute(sql`insert into org_units (id, parent_id, path, depth, code, name, type)
    select x.id, ${ids.commune}, (${p(ids.province, ids.commune)} || '.' || replace(x.id::text, '-', ''))::ltree, 2, ${`BM-${tag}-R`} || x.g, 'Chi bộ khối ' || x.g, 'residential_cell'
    from (select gen_random_uuid() as id, g from generate_series(1, ${cells}) g) x`);
  await db.execute(sql`insert into members (full_name, sex, date_of_birth, card_number, cell_id, residence_commune_id, residence_cell_id)
    select 'Nguyễn Văn Bench ' || c.code || '-' || g, 'male', '1980-01-01', (800000000 + row_number() over ())::text, ${ids.wcell}, ${ids.commune}, c.id
    from org_units c cross join generate_series(1, ${perCell}) g where c.parent_id = ${ids.commune}`);
  // Two held regular meetings per cell this year, one row per member: present, some absent without reason.
  await db.execute(sql`insert into meetings (cell_id, title, starts_at, ends_at, place, status, check_in_code, held_at)
    select c.id, 'Họp ' || h, now() - (h * 40) * interval '1 day', now() - (h * 40) * interval '1 day' + interval '2 hours', 'Nhà văn hóa', 'held', md5(random()::text), now() - (h * 40) * interval '1 day'
    from org_units c cross join generate_series(1, 2) h where c.parent_id = ${ids.commune}`);
  await db.execute(sql`insert into meeting_attendances (meeting_id, member_id, unit_id, status)
    select mt.id, mb.id, mt.cell_id, (case when random() < 0.2 then 'absent_unexcused' else 'present' end)::attendance_status
    from meetings mt join members mb on mb.residence_cell_id = mt.cell_id join org_units c on c.id = mt.cell_id where c.parent_id = ${ids.commune}`);
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from meeting_attendances`);
  console.log(`Seeded ${cells} cells × ${perCell} members, ${n.toLocaleString('en')} attendance rows in ${((performance.now() - started) / 1000).toFixed(1)} s (${database.kind})`);

  const admin: Actor = {
    userId: randomUUID(), username: 'bench', displayName: 'Bench', email: null, phone: null, memberId: null, locale: 'vi',
    grants: [{ id: 'g', role: 'admin', unitId: null, unitPath: null, unitName: null, unitType: null, position: null, residentialAreaId: null }],
    sessionId: 's', csrfToken: 'c', requestId: 'r', ip: '127.0.0.1',
  };
  await db.execute(sql`insert into users (id, username, display_name, password_hash) values (${admin.userId}, ${`bench-${admin.userId}`}, 'Bench', 'x')`);
  const deps = { db, clock, publicUrl: 'http://localhost:3000' };
  const [someMember] = await queryRows<{ id: string }>(db, sql`select id from members where residence_commune_id = ${ids.commune} limit 1`);
  // A big cell (165 working members, Vinh's largest) for scheduling and the absence check.
  const [big] = await queryRows<{ id: string }>(db, sql`select id from org_units where parent_id = ${ids.commune} order by code limit 1`);
  await db.execute(sql`insert into members (full_name, sex, date_of_birth, card_number, cell_id, residence_commune_id, residence_cell_id)
    select 'Trần Thị Lớn ' || g, 'female', '1985-01-01', (790000000 + g)::text, ${ids.wcell}, ${ids.commune}, ${big!.id} from generate_series(1, ${165 - perCell}) g`);

  const table: { step: string; ms: string; result: string }[] = [];
  async function time(step: string, fn: () => Promise<unknown>) {
    const t = performance.now();
    await fn();
    const ms = performance.now() - t;
    table.push({ step, ms: ms.toFixed(0), result: ms < TARGET_MS ? 'PASS' : 'FAIL' });
  }
  await time(`compliance table, whole commune (${cells} cells)`, () => cellCompliance(deps, admin, ids.commune));
  await time('a member’s record for the year', () => memberRecord(deps, admin, someMember!.id));
  let meetingId = '';
  await time('schedule a meeting for a 165-member cell (rows + invitations)', async () => {
    const m = await createMeeting(deps, admin, {
      cellId: big!.id, entry: 'schedule', kind: 'regular', title: 'Bench', place: 'Nhà văn hóa', agenda: null, topics: [],
      // ahead: a meeting already over is recorded as held, not scheduled
      startsAt: new Date(Date.now() + 1_800_000).toISOString(), endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    meetingId = m.meeting.id;
  });
  await db.execute(sql`update meetings set status = 'held' where id = ${meetingId}`);
  await db.execute(sql`update meeting_attendances set status = 'absent_unexcused' where meeting_id = ${meetingId}`);
  await time('absence-run check after holding it (165 absent)', () => db.transaction((tx) => reportAbsenceRuns(tx, meetingId, reg213LifeRules)));
  console.log(`\nCell life at ${cells} cells (target per step < ${TARGET_MS} ms)\n`);
  console.table(table);
} finally {
  await database.close();
}
