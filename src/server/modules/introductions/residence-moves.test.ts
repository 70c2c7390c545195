import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMember, newUser } from '../../../../tests/fixtures/factories';
import { loginAs } from '../../../../tests/fixtures/app';
import {
  letterDetailSchema,
  myResidenceSchema,
  reportMoveResponseSchema,
  transitionResultSchema,
} from '../../../shared/contracts/introductions';
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
  notificationsOf,
  residentsOfCell,
} from './residence.fixture';

/** The member reports a move of residence (Art. 2.7). */

beforeAll(setupResidence);
afterAll(closeResidence);

describe('a member reports a move', () => {
  const move = (who: Session, body: Record<string, unknown>) => post(who, '/api/introductions/moves', body);

  it('hands the member over: old cell, commune and workplace told, old letter ended, a draft to the new commune; once placed there, the history shows both places', async () => {
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
    // (other tests move other members: only An's notices count here)
    const about = async (who: string, kind: string) =>
      (await notificationsOf(who, kind)).filter((n) => n.params.member === 'Nguyễn Văn An');
    for (const who of ['commune', 'cell', 'signer', 'staff'])
      expect(await about(who, 'member_moved'), who).toEqual([
        expect.objectContaining({
          params: { member: 'Nguyễn Văn An', date: '2026-11-30', commune: b.commune.name },
        }),
      ]);
    expect(await about('staff', 'draft_after_move')).toEqual([
      expect.objectContaining({ link: `/introductions/letters/${draftLetterId}` }),
    ]);
    expect(await about('commune.b', 'member_moved')).toEqual([]);
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

    // The new commune places An: the history shows both places.
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
    const placed = myResidenceSchema.parse(await ok(await get(s.an, '/api/introductions/mine')));
    expect(placed.stage).toBe('awaiting_acknowledgement');
    expect(placed.cell).toMatchObject({ cellId: b.residentialCell.id });
    expect(placed.residenceHistory).toEqual([
      { unitName: b.residentialCell.name, validFrom: '2026-12-01', validTo: null },
      { unitName: a.residentialCell.name, validFrom: '2026-11-23', validTo: '2026-11-30' },
    ]);
    expect(placed.letters.map((l) => [l.receivingCommuneId, l.status])).toEqual([
      [b.commune.id, 'placed'],
      [a.commune.id, 'ended'],
    ]);
  });

  it('refuses a move in the future, to the same place, or by someone who is not the member', async () => {
    t.clock.set(new Date('2026-12-01T03:00:00Z'));
    // A member of her own, placed in cell A1 (the other tests move An, Bé and Chi).
    const x = await newMember(database.db, {
      fullName: 'Cao Thị Ở',
      cardNumber: '43000301',
      cellId: a.workplaceCell.id,
      residenceCommuneId: a.commune.id,
      residenceAreaId: a.area.id,
      residenceStreet: 'Số 5 Lê Lợi',
    });
    await newUser(database.db, { username: 'o', memberId: x.id, grants: [{ role: 'member' }] });
    const o = await loginAs(t.app, 'o');
    await handOff([x]);
    const future = await move(o, {
      movedOn: '2026-12-02',
      residenceCommuneId: b.commune.id,
      residenceStreet: 'Số 1 Hai Bà Trưng',
    });
    expect(future.statusCode).toBe(422);
    expect(errorResponseSchema.parse(future.json()).error.fields).toHaveProperty('movedOn');
    const same = await move(o, {
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
        await move(o, {
          movedOn: '2026-11-30',
          residenceCommuneId: b.residentialCell.id,
          residenceStreet: 'Số 1 Hai Bà Trưng',
        })
      ).statusCode,
    ).toBe(422);
    expect(
      (
        await move(o, {
          movedOn: '2026-11-30',
          residenceCommuneId: b.commune.id,
          residenceAreaId: a.area.id,
          residenceStreet: 'Số 1 Hai Bà Trưng',
        })
      ).statusCode,
    ).toBe(422);
    // She stayed where she was.
    expect((await letterOf(x.id)).status).toBe('acknowledged');
    expect(await memberRow(x.id)).toMatchObject({
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
    t.clock.set(new Date('2026-12-01T03:00:00Z'));
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
