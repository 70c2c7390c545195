import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  letterDetailSchema,
  requestListResponseSchema,
  workplaceSummarySchema,
} from '../../../shared/contracts/introductions';
import { queryRows } from '../../db/client';
import {
  closeResidence,
  type M,
  setupResidence,
  m,
  database,
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
} from './residence.fixture';

/** "Known here, no letter" requests from the commune (Art. 4.1). */

beforeAll(setupResidence);
afterAll(closeResidence);

describe('"known here, no letter" requests', () => {
  /** Commune B asks for a member of A's committee living at Số 3 Hùng Vương; each test asks for its own member. */
  async function ask(member: M) {
    const res = await post(s.communeB, '/api/introductions/requests', {
      communeId: b.commune.id,
      fullName: member.fullName,
      cardNumber: member.cardNumber,
      residenceAreaId: b.area.id,
      residenceStreet: 'Số 3 Hùng Vương',
      note: 'Thuê nhà ở đây từ tháng 9',
    });
    return (await ok<{ id: string }>(res, 201)).id;
  }

  it('the commune asks with a card number; the request goes to the member’s own committee', async () => {
    const openRequests = async () =>
      workplaceSummarySchema.parse(
        await ok(await get(s.staff, `/api/introductions/workplace/summary?unitId=${a.workplace.id}`)),
      ).openRequests;
    const openBefore = await openRequests();
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
    const dungRequest = body.id;
    for (const who of ['signer', 'staff'])
      expect(
        (await notificationsOf(who, 'introduction_requested')).filter(
          (n) => n.params.member === 'Phạm Văn Dũng',
        ),
      ).toEqual([expect.objectContaining({ params: { member: 'Phạm Văn Dũng', commune: b.commune.name } })]);
    expect(await notificationsOf('other.workplace', 'introduction_requested')).toEqual([]);
    const sent = requestListResponseSchema.parse(
      await ok(await get(s.communeB, '/api/introductions/requests?side=commune')),
    ).items;
    expect(sent.filter((r) => r.id === dungRequest)).toEqual([
      expect.objectContaining({
        id: dungRequest,
        status: 'open',
        memberId: m.dung!.id,
        residenceAddress: `Số 3 Hùng Vương, ${b.area.name}, ${b.commune.name}`,
      }),
    ]);
    expect(await openRequests()).toBe(openBefore + 1);
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
    await ask(m.promoted!);
    const dup = await post(s.communeB, '/api/introductions/requests', {
      communeId: b.commune.id,
      fullName: m.promoted!.fullName,
      cardNumber: m.promoted!.cardNumber,
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
      requestListResponseSchema
        .parse(await ok(await get(s.communeB, '/api/introductions/requests?side=commune')))
        .items.filter((r) => r.fullName === m.promoted!.fullName),
    ).toHaveLength(1);
  });

  it('another workplace neither sees nor answers it', async () => {
    const request = await ask(m.duty!);
    expect(
      requestListResponseSchema.parse(
        await ok(await get(s.otherWorkplace, '/api/introductions/requests?side=workplace')),
      ).items,
    ).toEqual([]);
    expect(
      (
        await post(s.otherWorkplace, `/api/introductions/requests/${request}/fulfil`, {
          memberId: m.duty!.id,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await post(s.otherWorkplace, `/api/introductions/requests/${request}/decline`, {
          note: 'Không phải của chúng tôi',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('the workplace fulfils it: a letter to that commune, the member’s residence corrected, the request closed', async () => {
    const request = await ask(m.mobile!);
    const listed = requestListResponseSchema.parse(
      await ok(await get(s.staff, '/api/introductions/requests?side=workplace&status=open')),
    ).items;
    expect(listed.map((r) => r.id)).toContain(request);
    const oldLetter = await letterOf(m.mobile!.id);
    const { letterId } = await ok<{ letterId: string }>(
      await post(s.staff, `/api/introductions/requests/${request}/fulfil`, { memberId: m.mobile!.id }),
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
    expect(await letterOf(m.mobile!.id)).toMatchObject({ id: letterId });
    expect(
      letterDetailSchema.parse(await ok(await get(s.staff, `/api/introductions/letters/${oldLetter.id}`)))
        .status,
    ).toBe('ended');
    expect(await memberRow(m.mobile!.id)).toMatchObject({
      residenceCommuneId: b.commune.id,
      residenceAreaId: b.area.id,
      residenceStreet: 'Số 3 Hùng Vương',
      residenceCellId: null,
    });
    // The old residence cell's membership is closed too: the member no longer lives there.
    expect(
      (await memberships(m.mobile!.id)).filter((x) => x.kind === 'residence_cell' && x.validTo === null),
    ).toEqual([]);
    const closed = requestListResponseSchema
      .parse(await ok(await get(s.communeB, '/api/introductions/requests?side=commune')))
      .items.find((r) => r.id === request);
    expect(closed).toMatchObject({ status: 'fulfilled', letterId, memberId: m.mobile!.id });
    expect(
      (await post(s.staff, `/api/introductions/requests/${request}/fulfil`, { memberId: m.mobile!.id }))
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
    const open = requestListResponseSchema
      .parse(await ok(await get(s.commune, '/api/introductions/requests?side=commune&status=open')))
      .items.find((r) => r.id === id);
    expect(open).toMatchObject({ id, status: 'open', letterId: null });
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
