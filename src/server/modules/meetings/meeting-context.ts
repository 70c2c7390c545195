import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import type { Clock } from '../../context';
import {
  canMeeting,
  canRecordMeeting,
  type MeetingAction,
  type MeetingRecord,
} from '../../../shared/rules/meeting';
import type { ResidenceLifeRules } from '../../../shared/rules/residence-rules';
import type { Actor } from '../../http/actor';
import { Conflict, Forbidden, NotFound } from '../../http/errors';
import { lifeRulesOf } from '../rule-sets/rule-sets.service';
import { findOwnAttendance } from './attendance.repository';
import { cellManageScope, meetingReadScope } from './meetings.access';
import { findMeeting, type MeetingRow } from './meetings.repository';

/** What every meeting service shares: its dependencies, loading a meeting in the actor's reach, the guards. */

export interface MeetingDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
}

export type { MeetingRow };

/** The cell-life rules a meeting is bound to: its rule set's data (decision 0006; cached, rule sets never change). */
export const rulesOf = (db: Executor, m: { ruleSetId: string }) => lifeRulesOf(db, m.ruleSetId);

/** The meeting if the actor reads it (else 404), with whether they run it; locked for a change when asked. */
export async function loadMeeting(db: Executor, actor: Actor, id: string, lock = false): Promise<MeetingRow> {
  const row = await findMeeting(
    db,
    id,
    { readScope: meetingReadScope(actor), manageScope: cellManageScope(actor, sql`mt.cell_id`) },
    lock,
  );
  if (!row) throw new NotFound('meeting_not_found');
  return row;
}

export function requireManage(m: MeetingRow) {
  if (!m.canManage) throw new Forbidden('meeting_manage_only');
}

export function requireTransition(action: MeetingAction, m: MeetingRow) {
  if (!canMeeting(action, m.status)) throw new Conflict('meeting_wrong_state', { action, status: m.status });
}

/** Something recorded on the meeting (an answer, a check-in, the minutes) in a status that does not take it. */
export function requireRecord(record: MeetingRecord, m: MeetingRow) {
  if (!canRecordMeeting(record, m.status))
    throw new Conflict('meeting_wrong_state', { action: record, status: m.status });
}

/** After this moment the minutes change only by an amendment with a reason (rule set `minutesLockDays`). */
export function minutesLockAfter(rules: ResidenceLifeRules, from: Date): Date {
  return new Date(from.getTime() + rules.minutesLockDays * 86_400_000);
}

export function minutesLocked(deps: MeetingDeps, m: MeetingRow): boolean {
  return !!m.minutesLockAt && deps.clock.now() > m.minutesLockAt;
}

/** The actor's own row on the meeting's list, locked; only an invited member has one. */
export async function ownRow(tx: Executor, actor: Actor, m: MeetingRow) {
  if (!actor.memberId) throw new Forbidden('meeting_members_only');
  const row = await findOwnAttendance(tx, m.id, actor.memberId);
  if (!row) throw new NotFound('meeting_not_found');
  return row;
}
