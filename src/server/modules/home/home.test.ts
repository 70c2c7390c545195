import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationCycles } from '../../db/schema';
import { cardOf, counts, ev, get, home, listed, s, setUpHome, tearDownHome, today } from './home.fixture';

/** The counts and lists each role reads; nothing here changes the world except where a test says so. */
beforeAll(setUpHome);
afterAll(tearDownHome);

describe('each role sees its work, and each count is the length of its list', () => {
  it('the cell secretary: meetings this week, attendance to record, forms to draft and to sign, warnings due', async () => {
    const c = await cardOf(s.secretary, 'cell');
    expect(c.unitId).toBe(home.a.residentialCell.id);
    expect(counts(c)).toEqual({
      meetingsThisWeek: 1,
      attendanceToRecord: 1,
      formsToDraft: 3,
      formsAwaitingFront: 1,
      formsToSign: 1,
      warningsDue: 1,
    });
    const week = c.items.find((i) => i.key === 'meetingsThisWeek')!;
    expect(week.meeting?.title).toBe('Sinh hoạt tháng 11');
    // the cell met this half-year (September): nothing is due before the half-year ends
    expect(week.done).toBe(true);
    expect(week.link).toEqual({
      to: '/meetings',
      search: { cellId: home.a.residentialCell.id, tab: 'upcoming', queue: 'week' },
    });
    const cell = home.a.residentialCell.id;
    expect(await listed(s.secretary, `/api/meetings?cellId=${cell}&when=week`)).toBe(1);
    expect(await listed(s.secretary, `/api/meetings?cellId=${cell}&when=toRecord`)).toBe(1);
    for (const [queue, n] of [
      ['toDraft', 3],
      ['awaitingFront', 1],
      ['toSign', 1],
    ] as const)
      expect(
        await listed(s.secretary, `/api/evaluations?side=cell&unitId=${cell}&year=2026&queue=${queue}`),
        queue,
      ).toBe(n);
    expect(await listed(s.secretary, '/api/warnings?queue=due')).toBe(1);
    expect(c.items.find((i) => i.key === 'warningsDue')!.date).toBe('2026-11-27');
  });

  it('the Front head: the forms awaiting her co-signature', async () => {
    const c = await cardOf(s.front, 'front');
    expect(counts(c)).toEqual({ formsToCoSign: 1 });
    expect(c.items[0]!.link).toEqual({
      to: '/evaluations',
      search: { side: 'front', queue: 'awaitingFront' },
    });
    const list = (await get(s.front, '/api/evaluations?side=front&year=2026&queue=awaitingFront')).json() as {
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).toEqual([ev.binh]);
  });

  it('the member: the next meeting and the answer to it, the self-report due, open warnings, the comment released', async () => {
    const an = await cardOf(s.an, 'member');
    expect(counts(an)).toEqual({ nextMeeting: 2, selfReportDue: 1, openWarnings: 1, commentReleased: 0 });
    const next = an.items.find((i) => i.key === 'nextMeeting')!;
    expect(next.meeting).toMatchObject({ title: 'Sinh hoạt tháng 11', rsvp: null });
    expect(an.items.find((i) => i.key === 'selfReportDue')!.date).toBe('2026-12-15');
    const mine = (await get(s.an, '/api/meetings/mine')).json() as {
      items: { status: string; endsAt: string }[];
    };
    expect(
      mine.items.filter((m) => m.status === 'scheduled' && new Date(m.endsAt) >= home.t.clock.now()),
    ).toHaveLength(2);
    expect(await listed(s.an, '/api/warnings?mine=true&queue=unresolved')).toBe(1);
    // a disputed comment was released to her first
    expect(counts(await cardOf(s.hoa, 'member'))).toMatchObject({
      commentReleased: 1,
      selfReportDue: 0,
      nextMeeting: 0,
    });
  });

  it('the commune: letters to receive, members to place, forms to confirm, cells that missed the last half-year', async () => {
    const c = await cardOf(s.commune, 'commune');
    expect(counts(c)).toEqual({
      lettersToReceive: 1,
      membersToPlace: 1,
      formsToConfirm: 1,
      cellsMissedHalfYear: 1,
    });
    const commune = home.a.commune.id;
    expect(
      await listed(s.commune, `/api/introductions/letters?side=commune&unitId=${commune}&status=issued`),
    ).toBe(1);
    expect(
      await listed(s.commune, `/api/introductions/letters?side=commune&unitId=${commune}&status=received`),
    ).toBe(1);
    expect(await listed(s.commune, '/api/evaluations?side=commune&year=2026&queue=toConfirm')).toBe(1);
    const missed = c.items.find((i) => i.key === 'cellsMissedHalfYear')!;
    expect(missed).toMatchObject({ year: 2026, half: 1 });
    const search = new URLSearchParams(Object.entries(missed.link.search).map(([k, v]) => [k, String(v)]));
    expect(missed.link.to).toBe('/reports/list');
    expect(await listed(s.commune, `/api/reports/list?${search}`)).toBe(1);
  });

  it('the workplace: members not introduced, the cycle not opened, comments received, open disputes', async () => {
    const c = await cardOf(s.workplace, 'workplace');
    expect(counts(c)).toEqual({
      membersNotIntroduced: 1,
      cycleNotOpened: 1,
      commentsReceived: 1,
      openDisputes: 1,
    });
    const unit = home.a.workplace.id;
    expect(
      await listed(s.workplace, `/api/introductions/workplace/members?unitId=${unit}&stage=not_introduced`),
    ).toBe(1);
    expect(
      await listed(s.workplace, `/api/evaluations?side=workplace&unitId=${unit}&year=2026&queue=toRelease`),
    ).toBe(1);
    expect(
      await listed(s.workplace, `/api/evaluations?side=workplace&unitId=${unit}&year=2026&queue=disputed`),
    ).toBe(1);
    // once the year's cycle is open the item says so, with its due date
    await home.database.db
      .insert(evaluationCycles)
      .values({ workplaceUnitId: unit, year: 2026, ruleSetCode: 'reg-213-2020', dueDate: '2026-12-15' });
    const opened = (await cardOf(s.workplace, 'workplace')).items.find((i) => i.key === 'cycleNotOpened')!;
    expect(opened).toMatchObject({ count: 0, done: true, date: '2026-12-15' });
  });

  it('the province: the yearly reports of the committees below, to receive, late, not submitted', async () => {
    const c = await cardOf(s.province, 'superior');
    expect(counts(c)).toEqual({ reportsToReceive: 1, reportsLate: 1, reportsNotSubmitted: 1 });
    expect(c.items[0]!.date).toBe('2026-11-20');
    const sub = (
      await get(s.province, `/api/reports/submissions?unitId=${home.a.province.id}&year=2026`)
    ).json() as { items: { state: string; late: boolean }[] };
    expect(sub.items.filter((i) => i.state === 'submitted')).toHaveLength(1);
    expect(sub.items.filter((i) => i.late)).toHaveLength(1);
    // a province officer is no cell, no commune and no workplace
    expect((await today(s.province)).cards.map((x) => x.role)).toEqual(['superior']);
  });
});

describe('nothing outside the actor’s reach', () => {
  it('the other province’s people count their own work only', async () => {
    expect(counts(await cardOf(s.otherSecretary, 'cell'))).toEqual({
      meetingsThisWeek: 1,
      attendanceToRecord: 0,
      formsToDraft: 0,
      formsAwaitingFront: 1,
      formsToSign: 0,
      warningsDue: 1,
    });
    expect(counts(await cardOf(s.otherFront, 'front'))).toEqual({ formsToCoSign: 1 });
    expect(counts(await cardOf(s.otherCommune, 'commune'))).toMatchObject({
      lettersToReceive: 1,
      membersToPlace: 0,
      formsToConfirm: 1,
    });
  });

  it('a card comes from a grant only: an administrator and an account without roles get none', async () => {
    expect((await today(s.admin)).cards).toEqual([]);
    expect((await today(s.nobody)).cards).toEqual([]);
    expect((await home.t.app.inject({ method: 'GET', url: '/api/home/today' })).statusCode).toBe(401);
  });

  it('is documented in the OpenAPI description like every other route', async () => {
    const spec = (await home.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, { get?: { tags?: string[] } }>;
    };
    expect(spec.paths['/api/home/today']?.get?.tags).toEqual(['home']);
  });
});
