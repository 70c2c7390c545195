import type {
  HomeCard,
  HomeItem,
  HomeItemKey,
  HomeLink,
  HomeMeeting,
  HomeToday,
} from '../../../shared/contracts/home';
import { evaluationTransition, releasedStatuses } from '../../../shared/rules/evaluation';
import {
  halfYearDays,
  previousHalfYear,
  vnDay,
  vnHalfYear,
  vnYear,
  type HalfYear,
} from '../../../shared/rules/vietnam-calendar';
import { superiorUnitTypes } from '../../../shared/rules/yearly-report';
import type { Db } from '../../db/client';
import type { Clock } from '../../context';
import { grantsWith, type Actor, type Grant } from '../../http/actor';
import { listCycles } from '../evaluations/requests.service';
import { workplaceSummary } from '../introductions/queues.service';
import { cellCompliance } from '../meetings/compliance.service';
import { listMeetings } from '../meetings/meetings.service';
import { subtreeFigures } from '../reports/dashboard.service';
import { submissions } from '../reports/yearly-reports.service';
import * as repo from './home.repository';

/**
 * Today's work on the home page (issue 11): one card per role the actor holds, each count with the list that
 * shows exactly those items. Cards come only from the actor's grants and every count is taken within the
 * actor's reach (the modules' access scopes): deny by default, nothing outside is counted.
 */

export interface HomeDeps {
  db: Db;
  clock: Clock;
  config: { publicUrl: string; documentSecret: string; overdueDays: number };
}

interface Now {
  at: Date;
  today: string;
  year: number;
  half: HalfYear;
}

function item(
  key: HomeItemKey,
  count: number,
  link: HomeLink,
  extra: Partial<Omit<HomeItem, 'key' | 'count' | 'link'>> = {},
): HomeItem {
  return { key, count, link, date: null, year: null, half: null, done: false, meeting: null, ...extra };
}

const link = (to: string, search: HomeLink['search'] = {}): HomeLink => ({ to, search });
const iso = (v: Date | string) => new Date(v).toISOString();

function toMeeting(m: {
  id: string;
  title: string;
  startsAt: Date | string;
  endsAt: Date | string;
  place: string;
  rsvp?: HomeMeeting['rsvp'];
}): HomeMeeting {
  return {
    id: m.id,
    title: m.title,
    startsAt: iso(m.startsAt),
    endsAt: iso(m.endsAt),
    place: m.place,
    rsvp: m.rsvp ?? null,
  };
}

function card(role: HomeCard['role'], grant: Grant | null, items: HomeItem[]): HomeCard {
  return { role, unitId: grant?.unitId ?? null, unitName: grant?.unitName ?? null, items };
}

/** Art. 4.3, 4.4: the residential cell's secretary — meetings, attendance, the yearly forms, warnings. */
async function cellCard(deps: HomeDeps, actor: Actor, g: Grant, now: Now): Promise<HomeCard> {
  const cellId = g.unitId!;
  const meetingDeps = { db: deps.db, clock: deps.clock, publicUrl: deps.config.publicUrl };
  const [meetings, next, compliance, forms, warnings] = await Promise.all([
    repo.meetingQueueCounts(deps.db, actor, cellId, now.at),
    listMeetings(meetingDeps, actor, { cellId, when: 'week', limit: 1 }),
    cellCompliance(meetingDeps, actor, cellId, now.year),
    repo.evaluationQueueCounts(deps.db, actor, { side: 'cell', year: now.year, unitId: cellId }, [
      'toDraft',
      'awaitingFront',
      'toSign',
    ] as const),
    repo.warningQueueCount(deps.db, actor, { cellId }, 'due', now.today),
  ]);
  // Art. 4.3: at least one regular meeting each half-year — with none this week, the next is due by its end
  const thisHalf = compliance.cells
    .find((c) => c.cellId === cellId)
    ?.halves.find((h) => h.half === now.half.half);
  const met = thisHalf?.state === 'met';
  const formItem = (key: HomeItemKey, queue: keyof typeof forms) =>
    item(key, forms[queue].count, link('/evaluations', { side: 'cell', cellId, queue }), {
      date: forms[queue].due,
      year: now.year,
    });
  return card('cell', g, [
    item('meetingsThisWeek', meetings.week, link('/meetings', { cellId, tab: 'upcoming', queue: 'week' }), {
      meeting: next.items[0] ? toMeeting({ ...next.items[0], rsvp: null }) : null,
      date: met ? null : halfYearDays(now.half).to,
      half: now.half.half,
      year: now.half.year,
      done: met,
    }),
    item(
      'attendanceToRecord',
      meetings.toRecord,
      link('/meetings', { cellId, tab: 'past', queue: 'toRecord' }),
    ),
    formItem('formsToDraft', 'toDraft'),
    formItem('formsAwaitingFront', 'awaitingFront'),
    formItem('formsToSign', 'toSign'),
    item('warningsDue', warnings.count, link('/warnings', { tab: 'cell', queue: 'due' }), {
      date: warnings.due,
    }),
  ]);
}

/** Art. 4.4: the Front working committee head co-signs the forms agreed at the joint meeting. */
async function frontCard(deps: HomeDeps, actor: Actor, g: Grant, now: Now): Promise<HomeCard> {
  const { awaitingFront } = await repo.evaluationQueueCounts(
    deps.db,
    actor,
    { side: 'front', year: now.year, unitId: g.unitId! },
    ['awaitingFront'] as const,
  );
  return card('front', g, [
    item(
      'formsToCoSign',
      awaitingFront.count,
      link('/evaluations', { side: 'front', queue: 'awaitingFront' }),
      { date: awaitingFront.due, year: now.year },
    ),
  ]);
}

/** The working member: the next meeting and the answer to it (Art. 2.3), the self-report (2.7), warnings, the comment (3.5). */
async function memberCard(deps: HomeDeps, actor: Actor, memberId: string, now: Now): Promise<HomeCard> {
  const [next, year, warnings] = await Promise.all([
    repo.nextMeetingOf(deps.db, memberId, now.at),
    // the self-report can be written until the cell signs: while the form is in a state the cell drafts from
    repo.memberYear(deps.db, memberId, now.year, {
      open: evaluationTransition('draft').from,
      released: releasedStatuses,
    }),
    repo.warningQueueCount(deps.db, actor, { memberId }, 'unresolved', now.today),
  ]);
  const selfReportDue = year.openDue !== null && !year.selfReported;
  return card('member', null, [
    item('nextMeeting', next?.upcoming ?? 0, link('/meetings', { tab: 'mine' }), {
      meeting: next ? toMeeting(next) : null,
    }),
    item('selfReportDue', selfReportDue ? 1 : 0, link('/my-evaluation'), {
      date: year.openDue,
      year: now.year,
      done: year.selfReported,
    }),
    item('openWarnings', warnings.count, link('/warnings', { tab: 'mine', queue: 'unresolved' }), {
      date: warnings.due,
    }),
    item('commentReleased', year.released, link('/my-evaluation'), { year: now.year }),
  ]);
}

/** Art. 4.1, 4.3, 4.5: the commune committee receives and places, follows its cells' meetings, confirms the forms. */
async function communeCard(deps: HomeDeps, actor: Actor, g: Grant, now: Now): Promise<HomeCard> {
  const communeId = g.unitId!;
  const missed = previousHalfYear(now.half);
  const figureDeps = { db: deps.db, clock: deps.clock, overdueDays: deps.config.overdueDays };
  const [letters, forms, figures] = await Promise.all([
    repo.incomingLetterCounts(deps.db, actor, communeId),
    repo.evaluationQueueCounts(deps.db, actor, { side: 'commune', year: now.year, unitId: communeId }, [
      'toConfirm',
    ] as const),
    subtreeFigures(figureDeps, actor, communeId, missed.year),
  ]);
  const inbox = (status: string) =>
    link('/introductions/inbox', { unitId: communeId, tab: 'incoming', status });
  const cellsMissed = figures.residence[`cellsNotMetH${missed.half}`] ?? 0;
  return card('commune', g, [
    item('lettersToReceive', letters.toReceive, inbox('issued')),
    item('membersToPlace', letters.toPlace, inbox('received')),
    item(
      'formsToConfirm',
      forms.toConfirm.count,
      link('/evaluations', { side: 'commune', queue: 'toConfirm' }),
      { date: forms.toConfirm.due, year: now.year },
    ),
    item(
      'cellsMissedHalfYear',
      cellsMissed,
      link('/reports/list', {
        figure: 'cellsNotMet',
        side: 'residence',
        unitId: communeId,
        year: missed.year,
        half: missed.half,
        scope: 'tree',
      }),
      { year: missed.year, half: missed.half, date: halfYearDays(now.half).to },
    ),
  ]);
}

/** Art. 3.1, 3.4, 3.5: the workplace committee introduces its members, opens the year's cycle, reads and releases the comments. */
async function workplaceCard(deps: HomeDeps, actor: Actor, g: Grant, now: Now): Promise<HomeCard> {
  const unitId = g.unitId!;
  const letterDeps = { db: deps.db, clock: deps.clock, config: deps.config };
  const [summary, cycles, forms] = await Promise.all([
    workplaceSummary(letterDeps, actor, unitId),
    listCycles(
      {
        db: deps.db,
        clock: deps.clock,
        publicUrl: deps.config.publicUrl,
        documentSecret: deps.config.documentSecret,
      },
      actor,
      { unitId, year: now.year },
    ),
    repo.evaluationQueueCounts(deps.db, actor, { side: 'workplace', year: now.year, unitId }, [
      'toRelease',
      'disputed',
    ] as const),
  ]);
  const cycle = cycles.items.find((c) => c.workplaceUnitId === unitId);
  const requests = (queue: string) => link('/evaluations/workplace', { unitId, tab: 'requests', queue });
  return card('workplace', g, [
    item(
      'membersNotIntroduced',
      summary.totals.not_introduced,
      link('/introductions', { unitId, tab: 'queue' }),
    ),
    item('cycleNotOpened', cycle ? 0 : 1, link('/evaluations/workplace', { unitId }), {
      done: !!cycle,
      date: cycle?.dueDate ?? null,
      year: now.year,
    }),
    item('commentsReceived', forms.toRelease.count, requests('toRelease'), { year: now.year }),
    item('openDisputes', forms.disputed.count, requests('disputed'), { year: now.year }),
  ]);
}

/** Art. 5: a committee with committees below follows their yearly reports (none below: no card). */
async function superiorCard(deps: HomeDeps, actor: Actor, g: Grant, now: Now): Promise<HomeCard | null> {
  const figureDeps = { db: deps.db, clock: deps.clock, overdueDays: deps.config.overdueDays };
  const s = await submissions(figureDeps, actor, { unitId: g.unitId!, year: now.year });
  if (s.counts.expected === 0) return null;
  const reports = (state: string) =>
    link('/reports/yearly', { tab: 'incoming', unitId: g.unitId!, year: now.year, state });
  const pending = s.counts.expected - s.counts.submitted - s.counts.received;
  const extra = { date: s.deadline?.dueDate ?? null, year: now.year };
  return card('superior', g, [
    item('reportsToReceive', s.counts.submitted, reports('submitted'), extra),
    item('reportsLate', s.counts.late, reports('late'), extra),
    item('reportsNotSubmitted', pending, reports('pending'), { ...extra, done: pending === 0 }),
  ]);
}

export async function todaysWork(deps: HomeDeps, actor: Actor): Promise<HomeToday> {
  const at = deps.clock.now();
  const now: Now = { at, today: vnDay(at), year: vnYear(at), half: vnHalfYear(at) };
  const officer = grantsWith(actor, 'committee_officer');
  const isType = (g: Grant, types: readonly string[]) => types.includes(g.unitType ?? '');
  const cards = await Promise.all([
    ...grantsWith(actor, 'cell_secretary').map((g) => cellCard(deps, actor, g, now)),
    ...grantsWith(actor, 'front_head').map((g) => frontCard(deps, actor, g, now)),
    ...(actor.memberId && actor.grants.some((g) => g.role === 'member')
      ? [memberCard(deps, actor, actor.memberId, now)]
      : []),
    ...officer.filter((g) => isType(g, ['commune_committee'])).map((g) => communeCard(deps, actor, g, now)),
    ...officer
      .filter((g) => isType(g, ['workplace_committee']))
      .map((g) => workplaceCard(deps, actor, g, now)),
    ...officer.filter((g) => isType(g, superiorUnitTypes)).map((g) => superiorCard(deps, actor, g, now)),
  ]);
  return { today: now.today, cards: cards.filter((c): c is HomeCard => c !== null) };
}
