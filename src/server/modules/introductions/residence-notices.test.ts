import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMember } from '../../../../tests/fixtures/factories';
import { noticeListResponseSchema, type NoticeKind } from '../../../shared/contracts/introductions';
import { errorResponseSchema } from '../../../shared/contracts/common';
import {
  closeResidence,
  database,
  handOff,
  setupResidence,
  m,
  type Session,
  t,
  a,
  b,
  s,
  post,
  get,
  ok,
  letterOf,
  memberRow,
  memberships,
  notificationsOf,
  residentsOfCell,
} from './residence.fixture';

/** Notices from the workplace to the residence side (Art. 3.1, 3.2). */

beforeAll(setupResidence);
afterAll(closeResidence);

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
    // Two members of its own: one placed in cell A1, one whose letter is still a draft (not with the cell).
    const newcomer = (fullName: string, cardNumber: string) =>
      newMember(database.db, {
        fullName,
        cardNumber,
        cellId: a.workplaceCell.id,
        residenceCommuneId: a.commune.id,
        residenceAreaId: a.area.id,
      });
    const placed = await newcomer('Cao Văn Thấy', '43000401');
    const drafted = await newcomer('Cao Văn Chờ', '43000402');
    await handOff([placed]);
    await handOff([drafted], 'draft');
    const ids: string[] = [];
    for (const x of [placed, drafted])
      ids.push(
        (
          await ok<{ id: string }>(
            await notice(s.staff, { memberId: x.id, kind: 'position_change', newJobTitle: 'Trưởng phòng' }),
            201,
          )
        ).id,
      );
    const mine = <T extends { id: string }>(items: T[]) => items.filter((x) => ids.includes(x.id));
    const list = async (who: Session, query: string) =>
      noticeListResponseSchema.parse(
        await ok(await get(who, `/api/introductions/notices?${query}&limit=200`)),
      ).items;

    const forCommune = mine(await list(s.commune, 'side=residence'));
    expect(forCommune.map((x) => x.memberName).sort()).toEqual([drafted.fullName, placed.fullName].sort());
    expect(forCommune.every((x) => x.residenceCommuneName === a.commune.name && x.seenAt === null)).toBe(
      true,
    );
    // The cell sees those placed with it (the draft never reached the cell).
    const forCell = mine(await list(s.cell, 'side=residence'));
    expect(forCell.map((x) => x.memberName)).toEqual([placed.fullName]);
    // Others see nothing of it.
    expect(mine(await list(s.communeB, 'side=residence'))).toEqual([]);
    expect(mine(await list(s.cellB, 'side=residence'))).toEqual([]);
    // The workplace sees what it sent.
    expect(mine(await list(s.staff, 'side=workplace'))).toHaveLength(2);

    const first = forCell[0]!;
    expect((await post(s.communeB, `/api/introductions/notices/${first.id}/seen`, {})).statusCode).toBe(404);
    await ok(await post(s.cell, `/api/introductions/notices/${first.id}/seen`, {}));
    await ok(await post(s.cell, `/api/introductions/notices/${first.id}/seen`, {}));
    expect((await list(s.cell, 'side=residence&unseen=true')).map((x) => x.id)).not.toContain(first.id);
    const seen = (await list(s.commune, 'side=residence')).find((x) => x.id === first.id);
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
