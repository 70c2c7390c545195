import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { isValue, oneOf } from '../../db/sql-values';
import type { EvaluationQueue, EvaluationStatus } from '../../../shared/rules/evaluation';
import { transitionFor } from '../../../shared/rules/introduction-letter';
import type { MeetingQueue, WarningQueue } from '../../../shared/rules/meeting';
import type { Actor } from '../../http/actor';
import { warningQueueSql } from '../cell-life/warning-queues';
import { warningReadScope } from '../cell-life/warnings.access';
import { evaluationQueueSql, evaluationScopeSql, type EvaluationScope } from '../evaluations/evaluation-queues';
import { letterReadScope, letterSideColumn } from '../introductions/introductions.access';
import { meetingWhenSql } from '../meetings/meeting-queues';
import { meetingReadScope } from '../meetings/meetings.access';

/**
 * Counts for the home page, one statement per kind of record. Each counts with the conditions of the list its
 * number links to (the owning module's scope and queue definitions), so the number and the list agree.
 * Indexed: evaluations by (cell|commune|workplace, year, status), meetings by (cell, starts_at), warnings by
 * (cell, status) or member, letters by (receiving commune, status).
 */

const and = (conditions: SQL[]) => sql.join(conditions.map((c) => sql`(${c})`), sql` and `);
const inSubtreeOf = (column: SQL, unitId: string) =>
  sql`${column} in (select u.id from org_units u where u.path <@ (select p.path from org_units p where p.id = ${unitId}))`;

export interface QueueCount {
  count: number;
  /** the earliest due date of the queue's forms */
  due: string | null;
}

/** Evaluations of one side's list, counted per work queue. */
export async function evaluationQueueCounts<Q extends EvaluationQueue>(
  db: Executor,
  actor: Actor,
  scope: Omit<EvaluationScope, 'queue' | 'status'>,
  queues: readonly Q[],
): Promise<Record<Q, QueueCount>> {
  const columns = queues.map(
    (q, i) => sql`count(*) filter (where ${evaluationQueueSql(q)})::int as ${sql.identifier(`n${i}`)},
      to_char(min(e.due_date) filter (where ${evaluationQueueSql(q)}), 'YYYY-MM-DD') as ${sql.identifier(`d${i}`)}`,
  );
  const [row] = await queryRows<Record<string, number | string | null>>(
    db,
    sql`select ${sql.join(columns, sql`, `)}
        from evaluations e join evaluation_versions v on v.evaluation_id = e.id and v.version = e.version
        where ${and(evaluationScopeSql(actor, scope))}`,
  );
  return Object.fromEntries(queues.map((q, i) => [q, { count: Number(row?.[`n${i}`] ?? 0), due: (row?.[`d${i}`] as string | null) ?? null }])) as Record<Q, QueueCount>;
}

/** A cell's meetings per queue, as the meeting list of that cell shows them. */
export async function meetingQueueCounts(db: Executor, actor: Actor, cellId: string, now: Date): Promise<Record<MeetingQueue, number>> {
  const [row] = await queryRows<Record<MeetingQueue, number>>(
    db,
    sql`select count(*) filter (where ${meetingWhenSql('week', now)})::int as week,
          count(*) filter (where ${meetingWhenSql('toRecord', now)})::int as "toRecord"
        from meetings mt where mt.cell_id = ${cellId} and ${meetingReadScope(actor)}`,
  );
  return row ?? { week: 0, toRecord: 0 };
}

/** Warnings in a queue, as the warning list shows them (of a cell, or the member's own), with the nearest deadline. */
export async function warningQueueCount(
  db: Executor,
  actor: Actor,
  of: { cellId: string } | { memberId: string },
  queue: WarningQueue,
  today: string,
): Promise<QueueCount> {
  const owner = 'cellId' in of ? sql`w.cell_id = ${of.cellId}` : sql`w.member_id = ${of.memberId}`;
  const [row] = await queryRows<QueueCount>(
    db,
    sql`select count(*)::int as count, min(w.deadline)::text as due
        from member_warnings w join members mb on mb.id = w.member_id
        where ${and([warningReadScope(actor), owner, warningQueueSql(queue, today)])}`,
  );
  return row ?? { count: 0, due: null };
}

/** Art. 4.1: letters addressed to a commune (and the communes below it) waiting to be received, and to be placed. */
export async function incomingLetterCounts(db: Executor, actor: Actor, communeId: string) {
  const [row] = await queryRows<{ toReceive: number; toPlace: number }>(
    db,
    sql`select count(*) filter (where ${isValue(sql`l.status`, transitionFor('issue').to)})::int as "toReceive",
          count(*) filter (where ${isValue(sql`l.status`, transitionFor('receive').to)})::int as "toPlace"
        from introduction_letters l
        where ${and([letterReadScope(actor), inSubtreeOf(letterSideColumn('commune'), communeId)])}`,
  );
  return row ?? { toReceive: 0, toPlace: 0 };
}

export interface MemberMeetingRow {
  id: string;
  title: string;
  startsAt: Date | string;
  endsAt: Date | string;
  place: string;
  rsvp: 'attending' | 'not_attending' | null;
  upcoming: number;
}

/** The member's upcoming invitations (the meetings page's "upcoming"), the soonest first with their count. */
export async function nextMeetingOf(db: Executor, memberId: string, now: Date): Promise<MemberMeetingRow | undefined> {
  const [row] = await queryRows<MemberMeetingRow>(
    db,
    sql`select mt.id, mt.title, mt.starts_at as "startsAt", mt.ends_at as "endsAt", mt.place, a.rsvp, count(*) over ()::int as upcoming
        from meeting_attendances a join meetings mt on mt.id = a.meeting_id
        where a.member_id = ${memberId} and ${meetingWhenSql('upcoming', now)}
        order by mt.starts_at, mt.id limit 1`,
  );
  return row;
}

/**
 * The member's evaluations of a year as their own page shows them: the yearly one still with the cell (the
 * self-report can still be written) and whether it was written, and how many comments were released.
 */
export async function memberYear(
  db: Executor,
  memberId: string,
  year: number,
  statuses: { open: readonly EvaluationStatus[]; released: readonly EvaluationStatus[] },
) {
  const [row] = await queryRows<{ openDue: string | null; selfReported: boolean; released: number }>(
    db,
    sql`select
          (select to_char(min(e.due_date), 'YYYY-MM-DD') from evaluations e
            where e.member_id = ${memberId} and e.year = ${year} and e.kind = 'yearly' and ${oneOf(sql`e.status`, statuses.open)}) as "openDue",
          exists (select 1 from self_reports s where s.member_id = ${memberId} and s.year = ${year} and s.submitted_at is not null) as "selfReported",
          (select count(*)::int from evaluations e
            where e.member_id = ${memberId} and e.year = ${year} and ${oneOf(sql`e.status`, statuses.released)}) as released`,
  );
  return row ?? { openDue: null, selfReported: false, released: 0 };
}
