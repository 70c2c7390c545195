import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { evaluationDetailSchema } from '../../../shared/contracts/evaluations';
import { cancelledStatus } from '../../../shared/rules/evaluation';
import { queryRows, type Database } from '../../db/client';
import { isNotValue } from '../../db/sql-values';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

/**
 * The evaluation tests' world, built afresh for each test: one province tree with a workplace cell whose members
 * live in one residential cell, the people acting on each side, and a held meeting An missed without reason.
 * The stages below replay what the people do up to a point of the year, so a test never leans on another's state.
 */

type Who =
  | 'workplace'
  | 'commune'
  | 'secretary'
  | 'front'
  | 'an'
  | 'binh'
  | 'otherCell'
  | 'otherWorkplace'
  | 'otherFront'
  | 'admin';
type MemberKey = 'an' | 'binh' | 'chi' | 'exempt' | 'unplaced' | 'notIntroduced';

export const FULL_GOOD = {
  example: 'good',
  civic: 'leading',
  attendance: 'full',
  contact: 'regular',
  campaigns: 'active',
  proposal: 'commend',
};
export const CHI_WEAK = {
  example: 'yes',
  civic: 'yes',
  attendance: 'none',
  contact: 'irregular',
  campaigns: 'not_active',
  proposal: 'none',
};
export const AN_JUSTIFIED = {
  ratings: FULL_GOOD,
  justifications: { attendance: 'Vắng buổi tháng 5 do đi công tác đột xuất, đã báo miệng chi ủy.' },
  jointMeetingOn: '2026-11-20',
  jointMeetingParticipants: 'Chi ủy, ban công tác Mặt trận khối E1',
};
export const AN_DISPUTE = 'Tôi vắng có báo cáo trước với chi ủy.';
export const AN_DIALOGUE = {
  dialogueOn: '2026-11-22',
  participants: 'Đại diện đảng ủy công ty E, đảng ủy phường E',
  notes: 'Thống nhất ghi nhận vắng có báo cáo',
  outcome: 'revised',
};

export interface Scenario {
  database: Database;
  t: TestApp;
  a: Awaited<ReturnType<typeof newProvinceTree>>;
  s: Record<Who, Session>;
  m: Record<MemberKey, { id: string }>;
  close(): Promise<void>;
}

export async function newScenario(): Promise<Scenario> {
  const database = await createTestDatabase();
  const t = await buildTestApp(database, { sessionTtlHours: 24 * 365 });
  const db = database.db;
  const a = await newProvinceTree(db, 'E');
  const other = await newProvinceTree(db, 'F');
  const placed = {
    residenceCommuneId: a.commune.id,
    residenceCellId: a.residentialCell.id,
    residenceAreaId: a.area.id,
  };
  const cellId = a.workplaceCell.id;
  const m: Scenario['m'] = {
    an: await newMember(db, { fullName: 'Nguyễn Văn An', cardNumber: '71000001', cellId, ...placed }),
    binh: await newMember(db, { fullName: 'Trần Thị Bình', cardNumber: '71000002', cellId, ...placed }),
    chi: await newMember(db, { fullName: 'Lê Thị Chi', cardNumber: '71000003', cellId, ...placed }),
    exempt: await newMember(db, {
      fullName: 'Phạm Văn Miễn',
      cardNumber: '71000004',
      cellId,
      ...placed,
      category: 'exempt',
    }),
    unplaced: await newMember(db, {
      fullName: 'Hoàng Văn Chờ',
      cardNumber: '71000005',
      cellId,
      residenceCommuneId: a.commune.id,
    }),
    notIntroduced: await newMember(db, {
      fullName: 'Đỗ Văn Mật',
      cardNumber: '71000006',
      cellId,
      category: 'not_introduced',
    }),
  };
  await newUser(db, {
    username: 'workplace',
    grants: [{ role: 'committee_officer', unitId: a.workplace.id, position: 'secretary' }],
  });
  await newUser(db, { username: 'commune', grants: [{ role: 'committee_officer', unitId: a.commune.id }] });
  await newUser(db, {
    username: 'secretary',
    grants: [{ role: 'cell_secretary', unitId: a.residentialCell.id }],
  });
  await newUser(db, { username: 'front', grants: [{ role: 'front_head', unitId: a.residentialCell.id }] });
  await newUser(db, { username: 'an', memberId: m.an.id, grants: [{ role: 'member' }] });
  await newUser(db, { username: 'binh', memberId: m.binh.id, grants: [{ role: 'member' }] });
  await newUser(db, {
    username: 'other.cell',
    grants: [{ role: 'cell_secretary', unitId: other.residentialCell.id }],
  });
  await newUser(db, {
    username: 'other.workplace',
    grants: [{ role: 'committee_officer', unitId: other.workplace.id }],
  });
  await newUser(db, {
    username: 'other.front',
    grants: [{ role: 'front_head', unitId: other.residentialCell.id }],
  });
  await newUser(db, { username: 'admin', grants: [{ role: 'admin' }] });
  const s: Scenario['s'] = {
    workplace: await loginAs(t.app, 'workplace'),
    commune: await loginAs(t.app, 'commune'),
    secretary: await loginAs(t.app, 'secretary'),
    front: await loginAs(t.app, 'front'),
    an: await loginAs(t.app, 'an'),
    binh: await loginAs(t.app, 'binh'),
    otherCell: await loginAs(t.app, 'other.cell'),
    otherWorkplace: await loginAs(t.app, 'other.workplace'),
    otherFront: await loginAs(t.app, 'other.front'),
    admin: await loginAs(t.app, 'admin'),
  };
  // the record the form is judged on: An missed a held meeting without reason
  const [mt] = await queryRows<{ id: string }>(
    db,
    sql`insert into meetings (cell_id, title, starts_at, ends_at, place, status, check_in_code, held_at)
        values (${a.residentialCell.id}, 'Sinh hoạt 6 tháng đầu năm', '2026-05-10T01:00:00Z', '2026-05-10T03:00:00Z', 'Nhà văn hóa', 'held', 'x', '2026-05-10T03:00:00Z') returning id`,
  );
  await db.execute(sql`insert into meeting_attendances (meeting_id, member_id, unit_id, status) values
    (${mt!.id}, ${m.an.id}, ${a.residentialCell.id}, 'absent_unexcused'), (${mt!.id}, ${m.binh.id}, ${a.residentialCell.id}, 'present')`);
  return {
    database,
    t,
    a,
    s,
    m,
    close: async () => {
      await t.app.close();
      await database.close();
    },
  };
}

// ── requests the tests send ─────────────────────────────────────────────────

export function requests(sc: Scenario) {
  const send = (who: Session, method: 'POST' | 'PUT', url: string, payload: object = {}) =>
    sc.t.app.inject({ method, url, headers: who.headers, payload });
  const get = (who: Session, url: string) =>
    sc.t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  return {
    post: (who: Session, url: string, payload: object = {}) => send(who, 'POST', url, payload),
    put: (who: Session, url: string, payload: object = {}) => send(who, 'PUT', url, payload),
    get,
    detail: async (who: Session, id: string) =>
      evaluationDetailSchema.parse((await get(who, `/api/evaluations/${id}`)).json()),
    /** the member's latest evaluation that is not cancelled */
    idOf: async (memberId: string) =>
      (
        await queryRows<{ id: string }>(
          sc.database.db,
          sql`select id from evaluations where member_id = ${memberId} and ${isNotValue(sql`status`, cancelledStatus)}
              order by requested_at desc limit 1`,
        )
      )[0]!.id,
    notes: (username: string, kind: string) =>
      queryRows<{ params: Record<string, unknown> }>(
        sc.database.db,
        sql`select n.params from notifications n join users u on u.id = n.user_id where u.username = ${username} and n.kind = ${kind}`,
      ),
  };
}

// ── the stages of the year, each one after the one before ──────────────────

async function ok(res: Promise<{ statusCode: number; body: string }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBeLessThan(300);
}

/** The workplace opens the 2026 cycle (due 20/12). */
export async function cycleOpened(sc: Scenario) {
  const body = { unitId: sc.a.workplace.id, year: 2026, dueDate: '2026-12-20' };
  await ok(requests(sc).post(sc.s.workplace, '/api/evaluations/cycles', body));
}

/** … it asks on demand for the exempt member; Chờ is placed in the cell. */
export async function requested(sc: Scenario) {
  await cycleOpened(sc);
  const { post } = requests(sc);
  await ok(
    post(sc.s.workplace, '/api/evaluations/on-demand', { memberId: sc.m.exempt.id, purpose: 'appointment' }),
  );
  const { assignPendingCells } = await import('./placement');
  await sc.database.db.execute(
    sql`update members set residence_cell_id = ${sc.a.residentialCell.id} where id = ${sc.m.unplaced.id}`,
  );
  await assignPendingCells(sc.database.db, [sc.m.unplaced.id]);
}

/** … An submits the self-report. */
export async function selfReported(sc: Scenario) {
  await requested(sc);
  const body = { year: 2026, duties: { '1': 'Gương mẫu', '6': 'Góp 2 ngày công làm đường' }, submit: true };
  await ok(requests(sc).put(sc.s.an, '/api/self-reports/mine', body));
}

/** Draft, co-sign and sign one form; returns its id. */
export async function signFor(sc: Scenario, memberId: string, form: object) {
  const { idOf, post, put } = requests(sc);
  const id = await idOf(memberId);
  await ok(put(sc.s.secretary, `/api/evaluations/${id}/form`, form));
  await ok(post(sc.s.front, `/api/evaluations/${id}/front-sign`));
  await ok(post(sc.s.secretary, `/api/evaluations/${id}/sign`));
  return id;
}

/** … the cell signs An's form, the attendance flag justified. */
export async function anSigned(sc: Scenario) {
  await selfReported(sc);
  await signFor(sc, sc.m.an.id, AN_JUSTIFIED);
}

/** … Bình and Chi are signed; the commune returns Chi's and confirms An's and Bình's (delivered). */
export async function delivered(sc: Scenario) {
  await anSigned(sc);
  const { post } = requests(sc);
  const binhId = await signFor(sc, sc.m.binh.id, {
    ratings: { ...FULL_GOOD, proposal: 'none' },
    jointMeetingOn: '2026-11-20',
    jointMeetingParticipants: 'Chi ủy, Mặt trận',
  });
  const chiId = await signFor(sc, sc.m.chi.id, {
    ratings: CHI_WEAK,
    jointMeetingOn: '2026-11-20',
    jointMeetingParticipants: 'Chi ủy, Mặt trận',
  });
  await ok(
    post(sc.s.commune, '/api/evaluations/return', {
      evaluationIds: [chiId],
      reason: 'Chưa ghi rõ ý kiến khác',
    }),
  );
  await ok(
    post(sc.s.commune, '/api/evaluations/confirm', {
      evaluationIds: [await requests(sc).idOf(sc.m.an.id), binhId],
    }),
  );
}

/** … the workplace accepts An's proposal and scores An 92 and Chi 75. */
export async function classified(sc: Scenario) {
  await delivered(sc);
  const { idOf, post, put } = requests(sc);
  await ok(
    post(sc.s.workplace, `/api/evaluations/${await idOf(sc.m.an.id)}/proposal-answer`, {
      answer: 'accepted',
      note: 'Khen thưởng cuối năm',
    }),
  );
  const items = [
    { memberId: sc.m.an.id, score: 92 },
    { memberId: sc.m.chi.id, score: 75 },
  ];
  await ok(put(sc.s.workplace, '/api/evaluations/classifications', { year: 2026, items }));
}

/** … Chi's corrected form (a negative comment) is signed and confirmed. */
export async function chiDelivered(sc: Scenario) {
  await classified(sc);
  const form = {
    ratings: { ...CHI_WEAK, attendance: 'partial' },
    otherComments: 'Ít liên hệ với tổ dân phố.',
    jointMeetingOn: '2026-11-21',
    jointMeetingParticipants: 'Chi ủy, Mặt trận',
  };
  const chiId = await signFor(sc, sc.m.chi.id, form);
  await ok(requests(sc).post(sc.s.commune, '/api/evaluations/confirm', { evaluationIds: [chiId] }));
}

/** … An's comment is released, disputed, and the dialogue agrees to revise it (a new version with the cell). */
export async function anRevised(sc: Scenario) {
  await chiDelivered(sc);
  const { idOf, post } = requests(sc);
  const anId = await idOf(sc.m.an.id);
  await ok(post(sc.s.workplace, '/api/evaluations/release', { evaluationIds: [anId] }));
  await ok(post(sc.s.an, `/api/evaluations/${anId}/dispute`, { reason: AN_DISPUTE }));
  await ok(post(sc.s.workplace, `/api/evaluations/${anId}/dialogue`, AN_DIALOGUE));
}

export type Stage = (sc: Scenario) => Promise<void>;
export type Requests = ReturnType<typeof requests>;

/** A new world, brought to `stage`, with its parts at hand for the test's own variables. */
export async function world(stage?: Stage) {
  const sc = await newScenario();
  await stage?.(sc);
  return { sc, s: sc.s, m: sc.m, a: sc.a, http: requests(sc) };
}
