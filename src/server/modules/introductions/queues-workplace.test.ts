import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  workplaceMembersResponseSchema,
  workplaceSummarySchema,
  type QueueItem,
} from '../../../shared/contracts/introductions';
import { closeQueues, setupQueues, a, an, b, get, hai, khanh, long, names, s, walk } from './queues.fixture';

/** The workplace side of the queues (Art. 3.1): the summary and the queue of members by stage. */

beforeAll(setupQueues);
afterAll(closeQueues);

describe('the workplace summary', () => {
  it('counts the committee’s working members by residence commune and stage', async () => {
    const summary = workplaceSummarySchema.parse(
      (await get(s.staff, `/api/introductions/workplace/summary?unitId=${a.workplace.id}`)).json(),
    );
    expect(summary.unitName).toBe(a.workplace.name);
    expect(summary.totals).toEqual({
      not_introduced: 2, // Hải (no residence) and Long (second cell)
      draft: 1,
      awaiting_receipt: 1,
      awaiting_placement: 1,
      awaiting_acknowledgement: 1,
      placed: 1,
      rejected: 1,
      not_to_introduce: 1, // Khánh: counted, never chased (Guide 33)
    });
    expect(summary.overdue).toBe(0);
    const byCommune = summary.communes.map((c) => ({ id: c.communeId, total: c.total }));
    // Communes by name; members with no residence recorded last, under no commune.
    expect(byCommune).toEqual([
      { id: a.commune.id, total: 6 },
      { id: b.commune.id, total: 2 },
      { id: null, total: 1 },
    ]);
    const communeA = summary.communes[0]!;
    expect(communeA.counts).toMatchObject({
      placed: 1,
      awaiting_acknowledgement: 1,
      awaiting_receipt: 1,
      rejected: 1,
      not_to_introduce: 1,
      not_introduced: 1,
      draft: 0,
    });
    expect(summary.communes[1]!.counts).toMatchObject({ awaiting_placement: 1, draft: 1 });
    expect(summary.communes[2]).toMatchObject({
      communeName: null,
      counts: expect.objectContaining({ not_introduced: 1 }),
    });
  });

  it('opens on the officer’s own committee when no unit is given', async () => {
    const summary = workplaceSummarySchema.parse(
      (await get(s.staff, '/api/introductions/workplace/summary')).json(),
    );
    expect(summary.unitId).toBe(a.workplace.id);
  });
});

describe('the workplace queue', () => {
  const queue = (query: string) => `/api/introductions/workplace/members?unitId=${a.workplace.id}${query}`;
  const parse = (body: unknown) => workplaceMembersResponseSchema.parse(body);

  it('filters by stage', async () => {
    const ids = (items: QueueItem[]) => items.map((i) => i.memberId);
    expect(ids(parse((await get(s.staff, queue('&stage=not_introduced'))).json()).items).sort()).toEqual(
      [hai.id, long.id].sort(),
    );
    expect(ids(parse((await get(s.staff, queue('&stage=not_to_introduce'))).json()).items)).toEqual([
      khanh.id,
    ]);
    const rejected = parse((await get(s.staff, queue('&stage=rejected'))).json()).items;
    expect(rejected).toEqual([
      expect.objectContaining({
        fullName: 'Vũ Thị Giang',
        letterStatus: 'rejected',
        rejectReason: 'wrong_address',
        rejectNote: 'Không có số nhà này',
      }),
    ]);
    const waiting = parse((await get(s.staff, queue('&stage=awaiting_receipt'))).json()).items;
    expect(waiting).toEqual([
      expect.objectContaining({
        fullName: 'Lê Văn Cường',
        letterNumber: expect.stringMatching(/-GGT\/ĐU$/),
        overdue: false,
      }),
    ]);
    const ack = parse((await get(s.staff, queue('&stage=awaiting_acknowledgement'))).json()).items;
    expect(ack).toEqual([
      expect.objectContaining({ fullName: 'Trần Thị Bình', residenceCellName: a.residentialCell.name }),
    ]);
  });

  it('filters by residence commune, "none" for members with no residence recorded', async () => {
    expect(
      names(parse((await get(s.staff, queue(`&communeId=${b.commune.id}`))).json()).items).sort(),
    ).toEqual(['Hoàng Văn Em', 'Phạm Thị Dung'].sort());
    expect(parse((await get(s.staff, queue('&communeId=none'))).json()).items).toEqual([
      expect.objectContaining({
        memberId: hai.id,
        residenceCommuneId: null,
        residenceCommuneName: null,
        stage: 'not_introduced',
      }),
    ]);
    expect(
      names(parse((await get(s.staff, queue(`&communeId=${a.commune.id}&stage=draft`))).json()).items),
    ).toEqual([]);
  });

  it('finds a member typed without diacritics, or by card number', async () => {
    const found = parse((await get(s.staff, queue('&q=nguyen%20van%20an'))).json()).items;
    expect(found.map((i) => i.memberId)).toEqual([an.id]);
    expect(found[0]).toMatchObject({
      stage: 'placed',
      residenceCommuneId: a.commune.id,
      cellName: a.workplaceCell.name,
    });
    expect(names(parse((await get(s.staff, queue('&q=VU%20THI'))).json()).items)).toEqual(['Vũ Thị Giang']);
    expect(names(parse((await get(s.staff, queue('&q=41000004'))).json()).items)).toEqual(['Phạm Thị Dung']);
  });

  it('walks every page one by one, each member once, in the same order as one big page', async () => {
    const whole = parse((await get(s.staff, queue('&limit=200'))).json());
    expect(whole.nextCursor).toBeNull();
    expect(whole.items).toHaveLength(9);
    const pages = await walk<QueueItem>(s.staff, queue(''), parse);
    expect(pages.map((i) => i.memberId)).toEqual(whole.items.map((i) => i.memberId));
    expect(new Set(pages.map((i) => i.memberId)).size).toBe(9);
    // Vietnamese order: by given name first (An, Bình, Cường, Dung, Em, Giang, Hải, Khánh, Long).
    expect(names(pages)).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Lê Văn Cường',
      'Phạm Thị Dung',
      'Hoàng Văn Em',
      'Vũ Thị Giang',
      'Đỗ Văn Hải',
      'Bùi Văn Khánh',
      'Ngô Văn Long',
    ]);
    // with a filter too
    const commune = await walk<QueueItem>(s.staff, queue(`&communeId=${a.commune.id}`), parse);
    expect(commune).toHaveLength(6);
  });
});
