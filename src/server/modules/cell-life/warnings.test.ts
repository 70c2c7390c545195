import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  directedTopicListSchema,
  warningItemSchema,
  warningListResponseSchema,
} from '../../../shared/contracts/cell-life';
import { escalateOverdueWarnings } from './warnings.service';
import { cellLifeWorld, DAY, type CellLifeWorld } from './cell-life.fixture';

let w: CellLifeWorld;

beforeAll(async () => {
  w = await cellLifeWorld();
});

afterAll(() => w.close());

const inDays = (days: number) => new Date(w.t.clock.now().getTime() + days * DAY).toISOString().slice(0, 10);

/** The cell's secretary warns a member of the cell (each test its own warning). */
async function warn(memberId: string, reason: string, deadline: string): Promise<string> {
  const res = await w.post(w.s.secretary, '/api/warnings', {
    memberId,
    cellId: w.a.residentialCell.id,
    kind: 'warning',
    reason,
    deadline,
  });
  expect(res.statusCode, res.body).toBe(201);
  return warningItemSchema.parse(res.json()).id;
}

describe('warnings (Art. 4.4)', () => {
  it('the cell warns a member of the cell with a deadline; the member is told and replies', async () => {
    const { s, get, post, notes, a, binh, elsewhere } = w;
    const deadline = inDays(30);
    expect(
      (
        await post(s.secretary, '/api/warnings', {
          memberId: elsewhere.id,
          cellId: a.residentialCell.id,
          kind: 'warning',
          reason: 'Vắng sinh hoạt nhiều lần',
          deadline,
        })
      ).statusCode,
    ).toBe(422);
    expect(
      (
        await post(s.otherCell, '/api/warnings', {
          memberId: binh.id,
          cellId: a.residentialCell.id,
          kind: 'warning',
          reason: 'Vắng sinh hoạt',
          deadline,
        })
      ).statusCode,
    ).toBe(404);
    const warningId = await warn(binh.id, 'Vắng sinh hoạt hai buổi liền', deadline);
    expect(await notes('binh', 'warning_issued')).toHaveLength(1);
    expect(
      (await post(s.an, `/api/warnings/${warningId}/reply`, { reply: 'Không phải của tôi' })).statusCode,
    ).toBe(404);
    const replied = warningItemSchema.parse(
      (
        await post(s.binh, `/api/warnings/${warningId}/reply`, {
          reply: 'Tôi đi công tác, sẽ tham gia đầy đủ.',
        })
      ).json(),
    );
    expect(replied).toMatchObject({ status: 'open', memberReply: 'Tôi đi công tác, sẽ tham gia đầy đủ.' });
    const mine = warningListResponseSchema.parse((await get(s.binh, '/api/warnings?mine=true')).json());
    expect(mine.items.map((x) => x.id)).toEqual([warningId]);
    // another member sees only their own
    const others = warningListResponseSchema.parse((await get(s.an, '/api/warnings?mine=true')).json());
    expect(others.items.filter((x) => x.memberId !== w.an.id)).toEqual([]);
  });

  it('still open at the deadline, it goes to the workplace committee once', async () => {
    const { s, get, post, notes, an, database, t } = w;
    const warningId = await warn(an.id, 'Không đóng đảng phí đúng hạn', inDays(10));
    expect(await escalateOverdueWarnings({ db: database.db, clock: t.clock })).toBe(0);
    t.clock.advance(12 * DAY);
    expect(await escalateOverdueWarnings({ db: database.db, clock: t.clock })).toBe(1);
    expect(await escalateOverdueWarnings({ db: database.db, clock: t.clock })).toBe(0);
    expect(await notes('workplace', 'warning_escalated')).toEqual([
      { params: expect.objectContaining({ member: 'Nguyễn Văn An' }) },
    ]);
    const seen = warningListResponseSchema.parse(
      (await get(s.workplace, `/api/warnings?memberId=${an.id}`)).json(),
    );
    expect(seen.items[0]).toMatchObject({ id: warningId, status: 'escalated' });
    // The cell may still record the improvement; a withdrawn warning cannot be resolved.
    const resolved = warningItemSchema.parse(
      (
        await post(s.secretary, `/api/warnings/${warningId}/resolve`, { resolution: 'Đã tham gia đầy đủ' })
      ).json(),
    );
    expect(resolved.status).toBe('resolved');
    expect((await post(s.secretary, `/api/warnings/${warningId}/withdraw`)).statusCode).toBe(409);
  });
});

describe('topics the commune directs to its cells', () => {
  it('reach every cell of the commune while active', async () => {
    const { s, get, post, notes, a, t } = w;
    const today = new Date(t.clock.now()).toISOString().slice(0, 10);
    const res = await post(s.commune, '/api/directed-topics', {
      communeId: a.commune.id,
      title: 'Lấy ý kiến quy hoạch chợ',
      activeFrom: today,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(
      (
        await post(s.secretary, '/api/directed-topics', {
          communeId: a.commune.id,
          title: 'Không được',
          activeFrom: today,
        })
      ).statusCode,
    ).toBe(404);
    const list = directedTopicListSchema.parse(
      (await get(s.secretary, `/api/directed-topics?cellId=${a.residentialCell.id}`)).json(),
    );
    expect(list.items.map((x) => x.title)).toEqual(['Lấy ý kiến quy hoạch chợ']);
    expect(await notes('secretary', 'topic_directed')).toHaveLength(1);
  });
});
