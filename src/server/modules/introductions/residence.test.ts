import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../../shared/contracts/common';
import {
  createLettersResponseSchema,
  letterDetailSchema,
  myResidenceSchema,
  noticeListResponseSchema,
  reportMoveResponseSchema,
  requestListResponseSchema,
  residentsResponseSchema,
  transitionResultSchema,
  workplaceSummarySchema,
  type NoticeKind,
} from '../../../shared/contracts/introductions';
import { queryRows, type Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

/**
 * The residence side of the hand-off: notices from the workplace (Art. 3.1, 3.2), the member's move (Art. 2.7)
 * and "known here, no letter" requests from the commune (Art. 4.1).
 */

let database: Database;
let t: TestApp;
let a: Awaited<ReturnType<typeof newProvinceTree>>;
let b: Awaited<ReturnType<typeof newProvinceTree>>;
type Who =
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
let s: Record<Who, Session>;
type M = { id: string; fullName: string; cardNumber: string };
const m: Record<string, M> = {};

const post = async (who: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: who.headers, payload: payload as object });
const get = async (who: Session, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

async function ok<T>(res: Awaited<ReturnType<typeof post>>, status = 200): Promise<T> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

async function letterOf(memberId: string) {
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

async function memberRow(memberId: string) {
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

async function memberships(memberId: string) {
  return queryRows<{ kind: string; unitId: string; validFrom: string; validTo: string | null }>(
    database.db,
    sql`select kind, unit_id as "unitId", valid_from::text as "validFrom", valid_to::text as "validTo"
        from unit_memberships where member_id = ${memberId} order by kind, valid_from, created_at`,
  );
}

async function notificationsOf(username: string, kind: string) {
  return queryRows<{ params: Record<string, string | number | null>; link: string | null }>(
    database.db,
    sql`select n.params, n.link from notifications n join users u on u.id = n.user_id
        where u.username = ${username} and n.kind = ${kind} order by n.created_at, n.id`,
  );
}

/** Letters issued, placed in residential cell A1 and acknowledged, through the API. */
async function handOff(members: M[], upTo: 'draft' | 'issued' | 'acknowledged' = 'acknowledged') {
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

const residentsOfCell = async (who: Session, cellId: string) =>
  residentsResponseSchema.parse(
    await ok(await get(who, `/api/introductions/residents?cellId=${cellId}&limit=200`)),
  ).items;

beforeAll(async () => {
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
  await newUser(db, {
    username: 'signer',
    grants: [{ role: 'committee_officer', unitId: a.workplace.id, position: 'secretary' }],
  });
  await newUser(db, {
    username: 'staff',
    grants: [{ role: 'committee_officer', unitId: a.workplace.id, position: 'staff' }],
  });
  await newUser(db, {
    username: 'other.workplace',
    grants: [{ role: 'committee_officer', unitId: b.workplace.id, position: 'secretary' }],
  });
  await newUser(db, {
    username: 'commune',
    email: 'phuong.a@example.vn',
    grants: [{ role: 'committee_officer', unitId: a.commune.id, position: 'staff' }],
  });
  await newUser(db, {
    username: 'commune.b',
    grants: [{ role: 'committee_officer', unitId: b.commune.id, position: 'staff' }],
  });
  await newUser(db, { username: 'cell', grants: [{ role: 'cell_secretary', unitId: a.residentialCell.id }] });
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
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

// ── notices ──────────────────────────────────────────────────────────────────

describe('notices to the residence side', () => {
  const notice = (who: Session, body: Record<string, unknown>) =>
    post(who, '/api/introductions/notices', { effectiveDate: '2026-11-20', ...body });

  it.each([
    {
      key: 'away',
      kind: 'often_away',
      label: 'Thường xuyên đi vắng',
      periodFrom: '2026-12-01',
      periodTo: '2027-06-30',
      exemptFrom: '2026-12-01',
    },
    {
      key: 'mobile',
      kind: 'mobile',
      label: 'Làm việc lưu động',
      periodFrom: '2027-01-01',
      periodTo: null,
      exemptFrom: '2027-01-01',
    },
    // no period given: exempt from the effective date, open-ended
    {
      key: 'duty',
      kind: 'special_duty',
      label: 'Làm nhiệm vụ đặc biệt',
      periodFrom: null,
      periodTo: null,
      exemptFrom: '2026-11-20',
    },
  ])(
    '$kind: the member becomes exempt for the period, still introduced',
    async ({ key, kind, label, periodFrom, periodTo, exemptFrom }) => {
      const member = m[key]!;
      const res = await notice(s.staff, {
        memberId: member.id,
        kind,
        periodFrom,
        periodTo,
        note: 'Công tác tại Trường Sa',
      });
      const { id } = await ok<{ id: string }>(res, 201);
      expect(id).toBeTruthy();
      expect(await memberRow(member.id)).toMatchObject({
        category: 'exempt',
        exemptFrom,
        exemptTo: periodTo,
        status: 'active',
        residenceCellId: a.residentialCell.id,
      });
      const resident = (await residentsOfCell(s.cell, a.residentialCell.id)).find(
        (r) => r.memberId === member.id,
      );
      expect(resident).toMatchObject({ category: 'exempt', letterStatus: 'acknowledged' });
      expect(resident!.categoryReason).toContain(label);
      expect(resident!.categoryReason).toContain('Trường Sa');
      // Delivered at once to the commune and the cell where the member lives.
      for (const who of ['commune', 'cell']) {
        expect((await notificationsOf(who, 'residence_notice')).at(-1)).toMatchObject({
          params: { member: member.fullName, kind, issuer: a.workplace.name },
          link: '/introductions/inbox',
        });
      }
    },
  );

  it('position change: the new job title shows on the residence side', async () => {
    await ok(
      await notice(s.staff, {
        memberId: m.promoted!.id,
        kind: 'position_change',
        newJobTitle: 'Phó Giám đốc',
      }),
      201,
    );
    expect((await memberRow(m.promoted!.id)).jobTitle).toBe('Phó Giám đốc');
    const resident = (await residentsOfCell(s.cell, a.residentialCell.id)).find(
      (r) => r.memberId === m.promoted!.id,
    );
    expect(resident).toMatchObject({ jobTitle: 'Phó Giám đốc', category: 'active' });
  });

  it('job transfer: a new workplace cell from the effective date, the residence cell keeps the member, the new committee is told', async () => {
    const member = m.transferred!;
    const before = await memberships(member.id);
    await ok(
      await notice(s.signer, {
        memberId: member.id,
        kind: 'job_transfer',
        newCellId: b.workplaceCell.id,
        effectiveDate: '2026-11-15',
      }),
      201,
    );
    expect(await memberRow(member.id)).toMatchObject({
      cellId: b.workplaceCell.id,
      status: 'active',
      residenceCellId: a.residentialCell.id,
      residenceCommuneId: a.commune.id,
    });
    const after = await memberships(member.id);
    expect(after).toHaveLength(before.length + 1);
    expect(after.filter((x) => x.kind === 'party_cell')).toEqual([
      { kind: 'party_cell', unitId: a.workplaceCell.id, validFrom: '2011-03-01', validTo: '2026-11-15' },
      { kind: 'party_cell', unitId: b.workplaceCell.id, validFrom: '2026-11-15', validTo: null },
    ]);
    expect(after.filter((x) => x.kind === 'residence_cell')).toEqual([
      expect.objectContaining({ unitId: a.residentialCell.id, validTo: null }),
    ]);
    expect((await letterOf(member.id)).status).toBe('acknowledged');
    const resident = (await residentsOfCell(s.cell, a.residentialCell.id)).find(
      (r) => r.memberId === member.id,
    );
    expect(resident).toMatchObject({
      workplaceCommitteeId: b.workplace.id,
      workplaceCommitteeName: b.workplace.name,
      workplaceCellName: b.workplaceCell.name,
    });
    expect(await notificationsOf('other.workplace', 'residence_notice')).toEqual([
      {
        params: { member: member.fullName, kind: 'job_transfer', issuer: a.workplace.name },
        link: `/members/${member.id}`,
      },
    ]);
    // The old committee no longer acts for the member; the new one does.
    expect(
      (await notice(s.staff, { memberId: member.id, kind: 'position_change', newJobTitle: 'Kế toán' }))
        .statusCode,
    ).toBe(404);
    t.clock.advance(60_000);
    await ok(
      await notice(s.otherWorkplace, {
        memberId: member.id,
        kind: 'position_change',
        newJobTitle: 'Kế toán',
      }),
      201,
    );
    const listed = noticeListResponseSchema.parse(
      await ok(await get(s.cell, `/api/introductions/notices?side=residence&memberId=${member.id}`)),
    ).items;
    expect(listed.map((x) => [x.kind, x.issuingUnitName])).toEqual([
      ['position_change', b.workplace.name],
      ['job_transfer', a.workplace.name],
    ]);
    expect(listed[1]).toMatchObject({ newCellName: b.workplaceCell.name, effectiveDate: '2026-11-15' });
  });

  it.each([
    { key: 'expelled', kind: 'expelled', letterBefore: 'acknowledged', letterAfter: 'ended' },
    { key: 'removed', kind: 'removed', letterBefore: 'draft', letterAfter: 'cancelled' },
    { key: 'left', kind: 'left', letterBefore: 'issued', letterAfter: 'ended' },
  ] as { key: string; kind: NoticeKind; letterBefore: string; letterAfter: string }[])(
    '$kind: residence activity ends, history is kept, the $letterBefore letter becomes $letterAfter',
    async ({ key, kind, letterBefore, letterAfter }) => {
      const member = m[key]!;
      const before = await memberships(member.id);
      const letter = await letterOf(member.id);
      expect(letter.status).toBe(letterBefore);
      await ok(await notice(s.staff, { memberId: member.id, kind, note: 'Quyết định số 12-QĐ/ĐU' }), 201);
      expect(await memberRow(member.id)).toMatchObject({ status: kind, residenceCellId: null });
      const after = await memberships(member.id);
      // Nothing deleted, everything closed, and no period ends before it began.
      expect(after.map((x) => [x.kind, x.unitId, x.validFrom])).toEqual(
        before.map((x) => [x.kind, x.unitId, x.validFrom]),
      );
      expect(after.every((x) => x.validTo !== null && x.validTo >= x.validFrom)).toBe(true);
      expect(await letterOf(member.id)).toMatchObject({ id: letter.id, status: letterAfter });
      if (letterAfter === 'ended') expect((await letterOf(member.id)).endReason).toBe(kind);
      // The member drops out of the residence lists.
      expect((await residentsOfCell(s.commune, a.residentialCell.id)).map((r) => r.memberId)).not.toContain(
        member.id,
      );
      expect((await notificationsOf('commune', 'residence_notice')).at(-1)).toMatchObject({
        params: { member: member.fullName, kind },
      });
    },
  );

  it('the commune and the cell see the notices for the people living there, and mark them seen', async () => {
    const forCommune = noticeListResponseSchema.parse(
      await ok(await get(s.commune, '/api/introductions/notices?side=residence&limit=200')),
    ).items;
    expect(forCommune.map((x) => x.kind).sort()).toEqual(
      [
        'expelled',
        'job_transfer',
        'left',
        'mobile',
        'often_away',
        'position_change',
        'position_change',
        'removed',
        'special_duty',
      ].sort(),
    );
    expect(forCommune.every((x) => x.residenceCommuneName === a.commune.name && x.seenAt === null)).toBe(
      true,
    );
    // The cell sees those placed with it (Xóa's and Rời's letters never reached the cell).
    const forCell = noticeListResponseSchema.parse(
      await ok(await get(s.cell, '/api/introductions/notices?side=residence&limit=200')),
    ).items;
    expect(forCell).toHaveLength(7);
    expect(forCell.map((x) => x.memberName)).not.toContain(m.removed!.fullName);
    // Others see nothing of it.
    expect(
      noticeListResponseSchema.parse(
        await ok(await get(s.communeB, '/api/introductions/notices?side=residence')),
      ).items,
    ).toEqual([]);
    expect(
      noticeListResponseSchema.parse(
        await ok(await get(s.cellB, '/api/introductions/notices?side=residence')),
      ).items,
    ).toEqual([]);
    // The workplace sees what it sent.
    const sent = noticeListResponseSchema.parse(
      await ok(await get(s.staff, '/api/introductions/notices?side=workplace&limit=200')),
    ).items;
    expect(sent).toHaveLength(8);

    const first = forCell[0]!;
    expect((await post(s.communeB, `/api/introductions/notices/${first.id}/seen`, {})).statusCode).toBe(404);
    await ok(await post(s.cell, `/api/introductions/notices/${first.id}/seen`, {}));
    await ok(await post(s.cell, `/api/introductions/notices/${first.id}/seen`, {}));
    const unseen = noticeListResponseSchema.parse(
      await ok(await get(s.cell, '/api/introductions/notices?side=residence&unseen=true&limit=200')),
    ).items;
    expect(unseen).toHaveLength(6);
    expect(unseen.map((x) => x.id)).not.toContain(first.id);
    const seen = noticeListResponseSchema
      .parse(await ok(await get(s.commune, '/api/introductions/notices?side=residence&limit=200')))
      .items.find((x) => x.id === first.id);
    expect(seen!.seenAt).toBe(t.clock.now().toISOString());
  });

  it('refuses what the workplace may not notify', async () => {
    // a member outside the committee
    expect(
      (
        await notice(s.staff, {
          memberId: m.outsider!.id,
          kind: 'position_change',
          newJobTitle: 'Trưởng phòng',
        })
      ).statusCode,
    ).toBe(404);
    // missing details
    const noTitle = await notice(s.staff, { memberId: m.an!.id, kind: 'position_change' });
    expect(noTitle.statusCode).toBe(422);
    expect(errorResponseSchema.parse(noTitle.json()).error.fields).toHaveProperty('newJobTitle');
    const noCell = await notice(s.staff, { memberId: m.an!.id, kind: 'job_transfer' });
    expect(noCell.statusCode).toBe(422);
    expect(errorResponseSchema.parse(noCell.json()).error.fields).toHaveProperty('newCellId');
    expect(
      (await notice(s.staff, { memberId: m.an!.id, kind: 'job_transfer', newCellId: a.workplaceCell.id }))
        .statusCode,
    ).toBe(422);
    expect(
      (await notice(s.staff, { memberId: m.an!.id, kind: 'job_transfer', newCellId: b.residentialCell.id }))
        .statusCode,
    ).toBe(422);
    expect(
      (
        await notice(s.staff, {
          memberId: m.an!.id,
          kind: 'often_away',
          periodFrom: '2027-01-01',
          periodTo: '2026-12-01',
        })
      ).statusCode,
    ).toBe(422);
    // a member no longer active
    const expelled = await notice(s.staff, { memberId: m.expelled!.id, kind: 'left' });
    expect(expelled.statusCode).toBe(409);
    expect(errorResponseSchema.parse(expelled.json()).error.code).toBe('member_not_active');
    // the residence side does not send notices
    expect(
      (await notice(s.cell, { memberId: m.an!.id, kind: 'position_change', newJobTitle: 'Tổ trưởng' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await notice(s.commune, { memberId: m.an!.id, kind: 'position_change', newJobTitle: 'Tổ trưởng' }))
        .statusCode,
    ).toBe(404);
    // nothing changed for An
    expect(await memberRow(m.an!.id)).toMatchObject({
      jobTitle: null,
      category: 'active',
      cellId: a.workplaceCell.id,
    });
  });
});

// ── the member's move (Art. 2.7) ──────────────────────────────────────────────

describe('a member reports a move', () => {
  const move = (who: Session, body: Record<string, unknown>) => post(who, '/api/introductions/moves', body);

  it('hands the member over: old cell, commune and workplace told, old letter ended, a draft to the new commune', async () => {
    t.clock.set(new Date('2026-12-01T03:00:00Z'));
    const oldLetter = await letterOf(m.an!.id);
    const res = await move(s.an, {
      movedOn: '2026-11-30',
      residenceCommuneId: b.commune.id,
      residenceAreaId: b.area.id,
      residenceStreet: 'Số 12 Trần Phú',
    });
    const { moveId, draftLetterId } = reportMoveResponseSchema.parse(await ok(res, 201));
    expect(moveId).toBeTruthy();
    expect(draftLetterId).toBeTruthy();
    for (const who of ['commune', 'cell', 'signer', 'staff'])
      expect(await notificationsOf(who, 'member_moved'), who).toEqual([
        expect.objectContaining({
          params: { member: 'Nguyễn Văn An', date: '2026-11-30', commune: b.commune.name },
        }),
      ]);
    expect(await notificationsOf('staff', 'draft_after_move')).toEqual([
      expect.objectContaining({ link: `/introductions/letters/${draftLetterId}` }),
    ]);
    expect(await notificationsOf('commune.b', 'member_moved')).toEqual([]);
    expect(
      letterDetailSchema.parse(await ok(await get(s.staff, `/api/introductions/letters/${oldLetter.id}`))),
    ).toMatchObject({ status: 'ended', endReason: 'moved' });

    const mine = myResidenceSchema.parse(await ok(await get(s.an, '/api/introductions/mine')));
    expect(mine).toMatchObject({ residenceCommuneId: b.commune.id, stage: 'draft', cell: null });
    expect(mine.residenceAddress).toBe(`Số 12 Trần Phú, ${b.area.name}, ${b.commune.name}`);
    expect(mine.currentLetter).toMatchObject({
      id: draftLetterId,
      status: 'draft',
      receivingCommuneId: b.commune.id,
    });
    expect(mine.moves).toEqual([
      expect.objectContaining({
        id: moveId,
        movedOn: '2026-11-30',
        fromAddress: `Số 5 Lê Lợi, ${a.area.name}, ${a.commune.name}`,
        fromCellName: a.residentialCell.name,
        toAddress: `Số 12 Trần Phú, ${b.area.name}, ${b.commune.name}`,
        draftLetterId,
      }),
    ]);
    expect(mine.residenceHistory).toEqual([
      { unitName: a.residentialCell.name, validFrom: '2026-11-23', validTo: '2026-11-30' },
    ]);
    // The old residence side no longer lists the member.
    expect((await residentsOfCell(s.cell, a.residentialCell.id)).map((r) => r.memberId)).not.toContain(
      m.an!.id,
    );
  });

  it('once the new commune places the member, the history shows both places', async () => {
    const draft = (await letterOf(m.an!.id)).id;
    expect(
      transitionResultSchema.parse(
        await ok(await post(s.signer, '/api/introductions/letters/issue', { letterIds: [draft] })),
      ).changed,
    ).toBe(1);
    await ok(
      await post(s.communeB, '/api/introductions/letters/place', {
        placements: [{ letterId: draft, cellId: b.residentialCell.id }],
      }),
    );
    const mine = myResidenceSchema.parse(await ok(await get(s.an, '/api/introductions/mine')));
    expect(mine.stage).toBe('awaiting_acknowledgement');
    expect(mine.cell).toMatchObject({ cellId: b.residentialCell.id });
    expect(mine.residenceHistory).toEqual([
      { unitName: b.residentialCell.name, validFrom: '2026-12-01', validTo: null },
      { unitName: a.residentialCell.name, validFrom: '2026-11-23', validTo: '2026-11-30' },
    ]);
    expect(mine.letters.map((l) => [l.receivingCommuneId, l.status])).toEqual([
      [b.commune.id, 'placed'],
      [a.commune.id, 'ended'],
    ]);
  });

  it('refuses a move in the future, to the same place, or by someone who is not the member', async () => {
    const future = await move(s.be, {
      movedOn: '2026-12-02',
      residenceCommuneId: b.commune.id,
      residenceStreet: 'Số 1 Hai Bà Trưng',
    });
    expect(future.statusCode).toBe(422);
    expect(errorResponseSchema.parse(future.json()).error.fields).toHaveProperty('movedOn');
    const same = await move(s.be, {
      movedOn: '2026-11-30',
      residenceCommuneId: a.commune.id,
      residenceAreaId: a.area.id,
      residenceStreet: 'Số 5 Lê Lợi',
    });
    expect(same.statusCode).toBe(409);
    expect(
      (
        await move(s.staff, {
          movedOn: '2026-11-30',
          residenceCommuneId: b.commune.id,
          residenceStreet: 'Số 1 Hai Bà Trưng',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await move(s.admin, {
          movedOn: '2026-11-30',
          residenceCommuneId: b.commune.id,
          residenceStreet: 'Số 1 Hai Bà Trưng',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await move(s.be, {
          movedOn: '2026-11-30',
          residenceCommuneId: b.residentialCell.id,
          residenceStreet: 'Số 1 Hai Bà Trưng',
        })
      ).statusCode,
    ).toBe(422);
    expect(
      (
        await move(s.be, {
          movedOn: '2026-11-30',
          residenceCommuneId: b.commune.id,
          residenceAreaId: a.area.id,
          residenceStreet: 'Số 1 Hai Bà Trưng',
        })
      ).statusCode,
    ).toBe(422);
    // Bé stayed where she was.
    expect((await letterOf(m.be!.id)).status).toBe('acknowledged');
    expect(await memberRow(m.be!.id)).toMatchObject({
      residenceCommuneId: a.commune.id,
      residenceCellId: a.residentialCell.id,
    });
  });

  it('takes "today" as the date in Vietnam (UTC+7), not in UTC', async () => {
    // 18:00 UTC on 1 December is 01:00 on 2 December in Hà Nội.
    t.clock.set(new Date('2026-12-01T18:00:00Z'));
    const res = await move(s.be, {
      movedOn: '2026-12-02',
      residenceCommuneId: b.commune.id,
      residenceStreet: 'Số 1 Hai Bà Trưng',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(
      (
        await move(s.chi, {
          movedOn: '2026-12-03',
          residenceCommuneId: b.commune.id,
          residenceStreet: 'Số 2 Hai Bà Trưng',
        })
      ).statusCode,
    ).toBe(422);
  });

  it('a move reported late, dated before the placement, leaves no period ending before it began', async () => {
    // Chi was placed on 23/11 but says she moved out on 20/11.
    const res = await move(s.chi, {
      movedOn: '2026-11-20',
      residenceCommuneId: b.commune.id,
      residenceStreet: 'Số 2 Hai Bà Trưng',
    });
    await ok(res, 201);
    const history = myResidenceSchema.parse(
      await ok(await get(s.chi, '/api/introductions/mine')),
    ).residenceHistory;
    expect(history).toHaveLength(1);
    expect(history[0]!.validTo! >= history[0]!.validFrom).toBe(true);
  });
});

// ── "known here, no letter" ───────────────────────────────────────────────────

describe('"known here, no letter" requests', () => {
  let dungRequest: string;

  it('the commune asks with a card number; the request goes to the member’s own committee', async () => {
    const res = await post(s.communeB, '/api/introductions/requests', {
      communeId: b.commune.id,
      fullName: 'Phạm Văn Dũng',
      cardNumber: m.dung!.cardNumber,
      residenceAreaId: b.area.id,
      residenceStreet: 'Số 3 Hùng Vương',
      note: 'Thuê nhà ở đây từ tháng 9',
    });
    const body = await ok<{ id: string; workplaceUnitName: string }>(res, 201);
    expect(body.workplaceUnitName).toBe(a.workplace.name);
    dungRequest = body.id;
    for (const who of ['signer', 'staff'])
      expect(await notificationsOf(who, 'introduction_requested')).toEqual([
        expect.objectContaining({ params: { member: 'Phạm Văn Dũng', commune: b.commune.name } }),
      ]);
    expect(await notificationsOf('other.workplace', 'introduction_requested')).toEqual([]);
    const sent = requestListResponseSchema.parse(
      await ok(await get(s.communeB, '/api/introductions/requests?side=commune')),
    ).items;
    expect(sent).toEqual([
      expect.objectContaining({
        id: dungRequest,
        status: 'open',
        memberId: m.dung!.id,
        residenceAddress: `Số 3 Hùng Vương, ${b.area.name}, ${b.commune.name}`,
      }),
    ]);
    expect(
      workplaceSummarySchema.parse(
        await ok(await get(s.staff, `/api/introductions/workplace/summary?unitId=${a.workplace.id}`)),
      ).openRequests,
    ).toBe(1);
  });

  it('refuses a request with neither card nor workplace, a duplicate, and one for another commune', async () => {
    const neither = await post(s.communeB, '/api/introductions/requests', {
      communeId: b.commune.id,
      fullName: 'Người Không Rõ',
    });
    expect(neither.statusCode).toBe(422);
    // a card number nobody holds, and no workplace to send it to
    expect(
      (
        await post(s.communeB, '/api/introductions/requests', {
          communeId: b.commune.id,
          fullName: 'Người Không Rõ',
          cardNumber: '99999999',
        })
      ).statusCode,
    ).toBe(422);
    const dup = await post(s.communeB, '/api/introductions/requests', {
      communeId: b.commune.id,
      fullName: 'Phạm Văn Dũng',
      cardNumber: m.dung!.cardNumber,
    });
    expect(dup.statusCode).toBe(409);
    expect(
      (
        await post(s.communeB, '/api/introductions/requests', {
          communeId: a.commune.id,
          fullName: 'Phạm Văn Dũng',
          workplaceUnitId: a.workplace.id,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await post(s.staff, '/api/introductions/requests', {
          communeId: b.commune.id,
          fullName: 'Phạm Văn Dũng',
          workplaceUnitId: a.workplace.id,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      requestListResponseSchema.parse(
        await ok(await get(s.communeB, '/api/introductions/requests?side=commune')),
      ).items,
    ).toHaveLength(1);
  });

  it('another workplace neither sees nor answers it', async () => {
    expect(
      requestListResponseSchema.parse(
        await ok(await get(s.otherWorkplace, '/api/introductions/requests?side=workplace')),
      ).items,
    ).toEqual([]);
    expect(
      (
        await post(s.otherWorkplace, `/api/introductions/requests/${dungRequest}/fulfil`, {
          memberId: m.dung!.id,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await post(s.otherWorkplace, `/api/introductions/requests/${dungRequest}/decline`, {
          note: 'Không phải của chúng tôi',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('the workplace fulfils it: a letter to that commune, the member’s residence corrected, the request closed', async () => {
    const listed = requestListResponseSchema.parse(
      await ok(await get(s.staff, '/api/introductions/requests?side=workplace&status=open')),
    ).items;
    expect(listed.map((r) => r.id)).toEqual([dungRequest]);
    const oldLetter = await letterOf(m.dung!.id);
    const { letterId } = await ok<{ letterId: string }>(
      await post(s.staff, `/api/introductions/requests/${dungRequest}/fulfil`, { memberId: m.dung!.id }),
    );
    const letter = letterDetailSchema.parse(
      await ok(await get(s.staff, `/api/introductions/letters/${letterId}`)),
    );
    expect(letter).toMatchObject({
      status: 'draft',
      receivingCommuneId: b.commune.id,
      residenceAddress: `Số 3 Hùng Vương, ${b.area.name}, ${b.commune.name}`,
      previousLetterId: oldLetter.id,
    });
    expect(await letterOf(m.dung!.id)).toMatchObject({ id: letterId });
    expect(
      letterDetailSchema.parse(await ok(await get(s.staff, `/api/introductions/letters/${oldLetter.id}`)))
        .status,
    ).toBe('ended');
    expect(await memberRow(m.dung!.id)).toMatchObject({
      residenceCommuneId: b.commune.id,
      residenceAreaId: b.area.id,
      residenceStreet: 'Số 3 Hùng Vương',
      residenceCellId: null,
    });
    // The old residence cell's membership is closed too: the member no longer lives there.
    expect(
      (await memberships(m.dung!.id)).filter((x) => x.kind === 'residence_cell' && x.validTo === null),
    ).toEqual([]);
    const [request] = requestListResponseSchema.parse(
      await ok(await get(s.communeB, '/api/introductions/requests?side=commune')),
    ).items;
    expect(request).toMatchObject({ status: 'fulfilled', letterId, memberId: m.dung!.id });
    expect(
      (await post(s.staff, `/api/introductions/requests/${dungRequest}/fulfil`, { memberId: m.dung!.id }))
        .statusCode,
    ).toBe(409);
  });

  it('issuing at once needs the secretary: a staff member is refused before anything changes', async () => {
    const { id } = await ok<{ id: string }>(
      await post(s.commune, '/api/introductions/requests', {
        communeId: a.commune.id,
        fullName: 'Hoàng Thị Em',
        cardNumber: m.em!.cardNumber,
        residenceStreet: 'Số 8 Lê Lợi',
      }),
      201,
    );
    const refused = await post(s.staff, `/api/introductions/requests/${id}/fulfil`, {
      memberId: m.em!.id,
      issue: true,
    });
    expect(refused.statusCode).toBe(403);
    const [request] = requestListResponseSchema.parse(
      await ok(await get(s.commune, '/api/introductions/requests?side=commune&status=open')),
    ).items;
    expect(request).toMatchObject({ id, status: 'open', letterId: null });
    expect(
      await queryRows(database.db, sql`select id from introduction_letters where member_id = ${m.em!.id}`),
    ).toEqual([]);
    const { letterId } = await ok<{ letterId: string }>(
      await post(s.signer, `/api/introductions/requests/${id}/fulfil`, { memberId: m.em!.id, issue: true }),
    );
    expect(
      letterDetailSchema.parse(await ok(await get(s.commune, `/api/introductions/letters/${letterId}`))),
    ).toMatchObject({ status: 'issued', receivingCommuneId: a.commune.id });
  });

  it('the workplace declines with a note; the commune officer who asked is told', async () => {
    const { id } = await ok<{ id: string }>(
      await post(s.commune, '/api/introductions/requests', {
        communeId: a.commune.id,
        fullName: 'Hà Thị Xuân',
        workplaceUnitId: a.workplace.id,
        phone: '0912345678',
      }),
      201,
    );
    expect(
      (await post(s.staff, `/api/introductions/requests/${id}/decline`, { note: ' x ' })).statusCode,
    ).toBe(422);
    await ok(
      await post(s.staff, `/api/introductions/requests/${id}/decline`, {
        note: 'Đồng chí đã nghỉ hưu, chuyển sinh hoạt về địa phương',
      }),
    );
    expect(await notificationsOf('commune', 'request_declined')).toEqual([
      { params: { member: 'Hà Thị Xuân', workplace: a.workplace.name }, link: '/introductions/inbox' },
    ]);
    const declined = requestListResponseSchema.parse(
      await ok(await get(s.commune, '/api/introductions/requests?side=commune&status=declined')),
    ).items;
    expect(declined).toEqual([
      expect.objectContaining({
        id,
        declineNote: 'Đồng chí đã nghỉ hưu, chuyển sinh hoạt về địa phương',
        memberId: null,
      }),
    ]);
    expect(
      (await post(s.staff, `/api/introductions/requests/${id}/decline`, { note: 'Lần nữa' })).statusCode,
    ).toBe(409);
  });
});

// ── once defects, now rules ────────────────────────────────────────────────────────────

describe('signing rights, transfers and the Vietnamese calendar', () => {
  it(
    'after a job transfer, the new committee can open the member’s letter shown in its queue',
    async () => {
      const letter = await letterOf(m.transferred!.id);
      expect((await get(s.otherWorkplace, `/api/introductions/letters/${letter.id}`)).statusCode).toBe(200);
    },
  );

  it('creating with "issue at once" without the right to sign leaves nothing behind', async () => {
    const x = await newMember(database.db, {
      fullName: 'Cao Văn Ký',
      cardNumber: '43000201',
      cellId: a.workplaceCell.id,
      residenceCommuneId: a.commune.id,
    });
    expect(
      (await post(s.staff, '/api/introductions/letters', { memberIds: [x.id], issue: true })).statusCode,
    ).toBe(403);
    expect(
      await queryRows(database.db, sql`select id from introduction_letters where member_id = ${x.id}`),
    ).toEqual([]);
  });

  it(
    're-sending with "issue at once" without the right to sign leaves the rejected letter as it was',
    async () => {
      const x = await newMember(database.db, {
        fullName: 'Cao Văn Gửi',
        cardNumber: '43000202',
        cellId: a.workplaceCell.id,
        residenceCommuneId: a.commune.id,
      });
      const created = createLettersResponseSchema.parse(
        await ok(await post(s.signer, '/api/introductions/letters', { memberIds: [x.id], issue: true })),
      );
      await ok(
        await post(s.commune, '/api/introductions/letters/reject', {
          letterIds: created.letterIds,
          reason: 'not_our_area',
        }),
      );
      const res = await post(s.staff, `/api/introductions/letters/${created.letterIds[0]}/resend`, {
        receivingCommuneId: b.commune.id,
        issue: true,
      });
      expect(res.statusCode).toBe(403);
      expect(await letterOf(x.id)).toMatchObject({ id: created.letterIds[0], status: 'rejected' });
    },
  );

  it('a letter issued at 01:00 on 1 January (Hà Nội) opens the new year’s series', async () => {
    t.clock.set(new Date('2026-12-31T18:00:00Z'));
    const x = await newMember(database.db, {
      fullName: 'Cao Văn Tết',
      cardNumber: '43000203',
      cellId: a.workplaceCell.id,
      residenceCommuneId: a.commune.id,
    });
    const created = createLettersResponseSchema.parse(
      await ok(await post(s.signer, '/api/introductions/letters', { memberIds: [x.id], issue: true })),
    );
    const [row] = await queryRows<{ year: number; number: number }>(
      database.db,
      sql`select year, number from introduction_letters where id = ${created.letterIds[0]}`,
    );
    expect(row).toEqual({ year: 2027, number: 1 });
  });
});
