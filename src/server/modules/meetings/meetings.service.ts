import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from '../../db/client';
import type { Clock } from '../../context';
import type {
  AttendanceRow,
  ContributionBody,
  CreateMeetingBody,
  MeetingDetail,
  MeetingListItem,
  MinutesBody,
  RsvpBody,
  UpdateMeetingBody,
} from '../../../shared/contracts/meetings';
import { canMeeting, meetingTransition, type MeetingAction, type MeetingStatus } from '../../../shared/rules/meeting';
import { meetingEntryProblem, meetingTimesProblem } from '../../../shared/rules/meeting-schedule';
import { checkInWindowOf } from '../../../shared/rules/check-in-code';
import { vnDateTime } from '../../../shared/rules/vietnam-calendar';
import { reg213LifeRules, type AttendanceStatus, type ResidenceLifeRules } from '../../../shared/rules/residence-rules';
import type { Actor } from '../../http/actor';
import { Conflict, Forbidden, Invalid, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { decodeCursor, encodeCursor } from '../members/members.repository';
import { notifyEach, type Notice } from '../notifications/notifications.service';
import { reportAbsenceRuns } from './absences';
import { timedCheckInCodes } from './check-in-codes';
import { cellManageScope, meetingReadScope } from './meetings.access';
import { existingMeeting } from './scheduling-keys';
import { addExpectedMembers, findCellForMeeting, insertMeeting } from './meetings.repository';
import { isAscending, meetingWhenSql, type MeetingWhen } from './meeting-queues';

export interface MeetingDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
  rules?: ResidenceLifeRules;
}

export const rulesOf = (deps: MeetingDeps) => deps.rules ?? reg213LifeRules;

export interface MeetingRow {
  id: string;
  cellId: string;
  cellName: string;
  cellPath: string;
  kind: 'regular' | 'extraordinary';
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  agenda: string | null;
  topics: { title: string; directedTopicId: string | null }[];
  status: MeetingStatus;
  checkInCode: string;
  checkInKey: string;
  heldAt: Date | null;
  minutesSummary: string | null;
  minutesDecisions: string | null;
  minutesLockAt: Date | null;
  cancelReason: string | null;
  updatedAt: Date;
  canManage: boolean;
}

const d = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

export async function loadMeeting(db: Executor, actor: Actor, id: string, lock = false): Promise<MeetingRow> {
  const [row] = await queryRows<MeetingRow>(
    db,
    sql`select mt.id, mt.cell_id as "cellId", c.name as "cellName", c.path::text as "cellPath", mt.kind, mt.title,
          mt.starts_at as "startsAt", mt.ends_at as "endsAt", mt.place, mt.agenda, mt.topics, mt.status, mt.check_in_code as "checkInCode", mt.check_in_key as "checkInKey",
          mt.held_at as "heldAt", mt.minutes_summary as "minutesSummary", mt.minutes_decisions as "minutesDecisions",
          mt.minutes_lock_at as "minutesLockAt", mt.cancel_reason as "cancelReason", mt.updated_at as "updatedAt",
          ${cellManageScope(actor, sql`mt.cell_id`)} as "canManage"
        from meetings mt join org_units c on c.id = mt.cell_id
        where mt.id = ${id} and ${meetingReadScope(actor)} ${lock ? sql`for update of mt` : sql``}`,
  );
  if (!row) throw new NotFound('meeting_not_found');
  return { ...row, startsAt: d(row.startsAt)!, endsAt: d(row.endsAt)!, heldAt: d(row.heldAt), minutesLockAt: d(row.minutesLockAt), updatedAt: d(row.updatedAt)! };
}

export function requireManage(m: MeetingRow) {
  if (!m.canManage) throw new Forbidden('meeting_manage_only');
}

function requireTransition(action: MeetingAction, m: MeetingRow) {
  if (!canMeeting(action, m.status)) throw new Conflict('meeting_wrong_state', { action, status: m.status });
}

/** The contract refuses these already; services called directly (seed, bench) are held to the same rule. */
function checkTimes(startsAt: string, endsAt: string) {
  const problem = meetingTimesProblem(startsAt, endsAt);
  if (problem) throw new Invalid('validation_failed', { [problem.field]: problem.key });
}

/** After this moment the minutes change only by an amendment with a reason (rule set `minutesLockDays`). */
function minutesLockAfter(deps: MeetingDeps, from: Date): Date {
  return new Date(from.getTime() + rulesOf(deps).minutesLockDays * 86_400_000);
}

/** Users (with accounts) of the members invited to a meeting, except those who said they cannot come. */
async function inviteeUsers(db: Executor, meetingId: string, opts: { skipDeclined?: boolean } = {}) {
  return queryRows<{ userId: string }>(
    db,
    sql`select u.id as "userId" from meeting_attendances a join users u on u.member_id = a.member_id and u.is_active
        where a.meeting_id = ${meetingId} ${opts.skipDeclined ? sql`and a.rsvp is distinct from 'not_attending'` : sql``}`,
  );
}

// dd/mm/yyyy HH:mm in Vietnam, for email texts (in-app notices carry the ISO moment and format it themselves)
export { vnDateTime };

// ── scheduling ────────────────────────────────────────────────────────────────

/**
 * Art. 4.3: the cell enters a meeting with its working members. Scheduled ahead, every working member placed
 * in the cell gets an attendance row now (exempt members pre-marked as excused) and an invitation in-app and by
 * email. Recorded after it took place (`entry: 'record'`), the same rows, held at once and nobody invited; its
 * minutes lock as any held meeting's do (the rule set's days after its end), so a record entered later than
 * that is written as amendments with their reasons.
 */
export async function createMeeting(deps: MeetingDeps, actor: Actor, body: CreateMeetingBody): Promise<{ meeting: MeetingDetail; created: boolean }> {
  checkTimes(body.startsAt, body.endsAt);
  const now = deps.clock.now();
  const problem = meetingEntryProblem(body.entry, body.startsAt, body.endsAt, now);
  if (problem) throw new Invalid('validation_failed', { [problem.field]: problem.key });
  const { to: status } = meetingTransition(body.entry);
  const held = status === 'held';
  const { id, created } = await deps.db.transaction(async (tx) => {
    const cell = await findCellForMeeting(tx, body.cellId, cellManageScope(actor, sql`c.id`));
    if (!cell || !cell.allowed) throw new NotFound();
    if (cell.type !== 'residential_cell' || cell.status !== 'active') throw new Invalid('validation_failed', { cellId: 'meetings.cellInvalid' });
    const meetingId = await insertMeeting(tx, {
      body,
      status,
      heldAt: held ? body.startsAt : null,
      minutesLockAt: held ? minutesLockAfter(deps, new Date(body.endsAt)).toISOString() : null,
      createdBy: actor.userId,
    });
    // Issue 12: the same meeting scheduled again answers the first; nobody is invited twice.
    if (!meetingId) return { id: await existingMeeting(tx, body), created: false };
    const expected = await addExpectedMembers(tx, meetingId, body.cellId);
    await writeAudit(tx, actor, {
      action: held ? 'meeting.recorded' : 'meeting.created',
      entityType: 'meeting',
      entityId: meetingId,
      unitId: body.cellId,
      after: { ...body, status, expected: expected.length, invited: held ? 0 : expected.length },
    });
    if (held) return { id: meetingId, created: true };
    const users = await inviteeUsers(tx, meetingId);
    await notifyEach(
      tx,
      users.map((u): Notice => ({
        userId: u.userId,
        kind: 'meeting_invited',
        params: { title: body.title, cell: cell.name, date: body.startsAt, when: vnDateTime(new Date(body.startsAt)), place: body.place },
        link: `/meetings/${meetingId}`,
      })),
      { email: true },
    );
    return { id: meetingId, created: true };
  });
  return { meeting: await getMeeting(deps, actor, id), created };
}

export async function updateMeeting(deps: MeetingDeps, actor: Actor, id: string, body: UpdateMeetingBody): Promise<MeetingDetail> {
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id, true);
    requireManage(m);
    requireTransition('edit', m);
    const { expectedUpdatedAt, ...changes } = body;
    if (expectedUpdatedAt && expectedUpdatedAt !== m.updatedAt.toISOString()) throw new Conflict('stale_update');
    const nextStart = new Date(changes.startsAt ?? m.startsAt);
    const nextEnd = new Date(changes.endsAt ?? m.endsAt);
    checkTimes(nextStart.toISOString(), nextEnd.toISOString());
    // Moved to a time already over, it would stay "upcoming" with invitations to the past: record it as held instead.
    const moved = nextStart.getTime() !== m.startsAt.getTime() || nextEnd.getTime() !== m.endsAt.getTime();
    const past = moved ? meetingEntryProblem('edit', nextStart, nextEnd, deps.clock.now()) : null;
    if (past) throw new Invalid('validation_failed', { [past.field]: past.key });
    await tx.execute(sql`update meetings set
        kind = coalesce(${changes.kind ?? null}::meeting_kind, kind), title = coalesce(${changes.title ?? null}, title),
        starts_at = coalesce(${changes.startsAt ?? null}::timestamptz, starts_at), ends_at = coalesce(${changes.endsAt ?? null}::timestamptz, ends_at),
        place = coalesce(${changes.place ?? null}, place),
        agenda = ${changes.agenda === undefined ? sql`agenda` : sql`${changes.agenda}`},
        topics = ${changes.topics === undefined ? sql`topics` : sql`${JSON.stringify(changes.topics)}::jsonb`},
        reminded_days = ${changes.startsAt ? sql`'{}'::integer[]` : sql`reminded_days`},
        updated_at = ${deps.clock.now().toISOString()}::timestamptz
      where id = ${id}`);
    await writeAudit(tx, actor, { action: 'meeting.edit', entityType: 'meeting', entityId: id, unitId: m.cellId, before: { title: m.title, startsAt: m.startsAt, place: m.place }, after: changes });
    if (changes.startsAt || changes.place) {
      const users = await inviteeUsers(tx, id);
      const startsAt = new Date(changes.startsAt ?? m.startsAt);
      await notifyEach(
        tx,
        users.map((u): Notice => ({
          userId: u.userId,
          kind: 'meeting_changed',
          params: { title: changes.title ?? m.title, date: startsAt.toISOString(), when: vnDateTime(startsAt), place: changes.place ?? m.place },
          link: `/meetings/${id}`,
        })),
        { email: true },
      );
    }
  });
  return getMeeting(deps, actor, id);
}

export async function cancelMeeting(deps: MeetingDeps, actor: Actor, id: string, reason: string): Promise<MeetingDetail> {
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id, true);
    requireManage(m);
    if (m.status === 'cancelled') return;
    requireTransition('cancel', m);
    await tx.execute(sql`update meetings set status = ${meetingTransition('cancel').to}, cancel_reason = ${reason},
      updated_at = ${deps.clock.now().toISOString()}::timestamptz where id = ${id}`);
    await writeAudit(tx, actor, { action: 'meeting.cancel', entityType: 'meeting', entityId: id, unitId: m.cellId, before: { status: m.status }, after: { status: 'cancelled', reason } });
    const users = await inviteeUsers(tx, id);
    await notifyEach(
      tx,
      users.map((u): Notice => ({ userId: u.userId, kind: 'meeting_cancelled', params: { title: m.title, date: m.startsAt.toISOString(), when: vnDateTime(m.startsAt), reason }, link: `/meetings/${id}` })),
      { email: true },
    );
  });
  return getMeeting(deps, actor, id);
}

/** The secretary records that the meeting took place; minutes lock after the rule set's days. */
export async function holdMeeting(deps: MeetingDeps, actor: Actor, id: string): Promise<MeetingDetail> {
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id, true);
    requireManage(m);
    if (m.status === 'held') return;
    requireTransition('hold', m);
    const now = deps.clock.now();
    if (now < m.startsAt) throw new Conflict('meeting_not_started');
    const lockAt = minutesLockAfter(deps, m.endsAt);
    await tx.execute(sql`update meetings set status = ${meetingTransition('hold').to}, held_at = ${m.startsAt.toISOString()}::timestamptz,
      minutes_lock_at = ${lockAt.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz where id = ${id}`);
    // Nobody recorded is nobody present: the register never shows only those who came.
    await tx.execute(sql`update meeting_attendances set status = 'absent_unexcused', updated_at = ${now.toISOString()}::timestamptz
      where meeting_id = ${id} and status = 'unrecorded' and rsvp is distinct from 'not_attending'`);
    await tx.execute(sql`update meeting_attendances set status = 'absent_excused', reason = coalesce(reason, rsvp_reason),
      updated_at = ${now.toISOString()}::timestamptz where meeting_id = ${id} and status = 'unrecorded' and rsvp = 'not_attending'`);
    await writeAudit(tx, actor, { action: 'meeting.hold', entityType: 'meeting', entityId: id, unitId: m.cellId, before: { status: m.status }, after: { status: 'held' } });
    await reportAbsenceRuns(tx, id, rulesOf(deps));
  });
  return getMeeting(deps, actor, id);
}

// ── reading ───────────────────────────────────────────────────────────────────

const attendanceSelect = sql`select a.member_id as "memberId", mb.full_name as "fullName", mb.phone, mb.category,
    w.name as "workplaceCommitteeName", a.rsvp, a.rsvp_reason as "rsvpReason", a.status, a.reason,
    a.checked_in_at as "checkedInAt", a.method, a.checked_in_offline as "checkedInOffline", a.updated_at as "updatedAt"
  from meeting_attendances a join members mb on mb.id = a.member_id
  join org_units wc on wc.id = mb.cell_id
  left join org_units w on w.id = (select x.id from org_units x where x.path @> wc.path and x.id <> wc.id
    and x.type not in ('residential_cell', 'workplace_cell') order by x.depth desc limit 1)`;

function toRow(r: AttendanceRow & { checkedInAt: string | Date | null; updatedAt: string | Date }): AttendanceRow {
  return { ...r, checkedInAt: r.checkedInAt ? new Date(r.checkedInAt).toISOString() : null, updatedAt: new Date(r.updatedAt).toISOString() };
}

export async function getMeeting(deps: MeetingDeps, actor: Actor, id: string): Promise<MeetingDetail> {
  const m = await loadMeeting(deps.db, actor, id);
  const [attendance, contributions, amendments, attachments] = await Promise.all([
    queryRows<AttendanceRow>(deps.db, sql`${attendanceSelect} where a.meeting_id = ${id} order by mb.sort_key collate "C", mb.id`),
    queryRows<{ id: string; memberId: string | null; speakerName: string | null; kind: 'opinion' | 'proposal'; topic: string | null; content: string; createdAt: string }>(
      deps.db,
      sql`select c.id, c.member_id as "memberId", coalesce(c.speaker_name, mb.full_name) as "speakerName", c.kind, c.topic, c.content, c.created_at as "createdAt"
          from meeting_contributions c left join members mb on mb.id = c.member_id where c.meeting_id = ${id} order by c.created_at, c.id`,
    ),
    queryRows<{ field: string; before: string | null; after: string | null; reason: string; at: string; by: string | null }>(
      deps.db,
      sql`select a.field, a.before, a.after, a.reason, a.created_at as at, u.display_name as by
          from minutes_amendments a left join users u on u.id = a.created_by where a.meeting_id = ${id} order by a.created_at`,
    ),
    queryRows<{ id: string; fileName: string; mimeType: string; sizeBytes: number; uploadedBy: string | null; createdAt: string }>(
      deps.db,
      sql`select a.id, a.file_name as "fileName", a.mime_type as "mimeType", a.size_bytes as "sizeBytes", u.display_name as "uploadedBy",
            a.created_at as "createdAt"
          from meeting_attachments a left join users u on u.id = a.uploaded_by where a.meeting_id = ${id} order by a.created_at, a.id`,
    ),
  ]);
  const rows = attendance.map(toRow);
  // Members see only their own row; managers and readers of the cell see the register.
  const visibleRows = m.canManage || actor.grants.some((g) => g.role !== 'member') ? rows : rows.filter((r) => r.memberId === actor.memberId);
  const now = deps.clock.now();
  return {
    id: m.id,
    cellId: m.cellId,
    cellName: m.cellName,
    kind: m.kind,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    place: m.place,
    status: m.status,
    invited: rows.length,
    attending: rows.filter((r) => r.rsvp === 'attending').length,
    notAttending: rows.filter((r) => r.rsvp === 'not_attending').length,
    present: rows.filter((r) => r.status === 'present' || r.status === 'late').length,
    agenda: m.agenda,
    topics: m.topics,
    heldAt: m.heldAt?.toISOString() ?? null,
    cancelReason: m.cancelReason,
    minutesSummary: m.minutesSummary,
    minutesDecisions: m.minutesDecisions,
    minutesLockAt: m.minutesLockAt?.toISOString() ?? null,
    minutesLocked: !!m.minutesLockAt && now > m.minutesLockAt,
    attendance: visibleRows,
    contributions: contributions.map((c) => ({ ...c, createdAt: new Date(c.createdAt).toISOString() })),
    amendments: amendments.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
    attachments: attachments.map((a) => ({ ...a, createdAt: new Date(a.createdAt).toISOString() })),
    checkInUrl: m.canManage ? `${deps.publicUrl.replace(/\/$/, '')}/meetings/${m.id}/check-in?code=${m.checkInCode}` : null,
    checkInCodes: m.canManage ? timedCheckInCodes(m.checkInKey, m.id, checkInWindowOf(m.startsAt, m.endsAt, rulesOf(deps))) : null,
    canManage: m.canManage,
    mine: rows.find((r) => r.memberId === actor.memberId) ?? null,
    updatedAt: m.updatedAt.toISOString(),
  };
}

export async function listMeetings(
  deps: MeetingDeps,
  actor: Actor,
  query: { cellId?: string; when: MeetingWhen; status?: MeetingStatus; cursor?: string; limit: number },
) {
  const where: SQL[] = [meetingReadScope(actor), meetingWhenSql(query.when, deps.clock.now())];
  if (query.cellId) where.push(sql`mt.cell_id = ${query.cellId}`);
  if (query.status) where.push(sql`mt.status = ${query.status}`);
  const asc = isAscending(query.when);
  const cursor = decodeCursor(query.cursor);
  if (cursor) where.push(asc ? sql`(mt.starts_at, mt.id) > (${cursor.k}::timestamptz, ${cursor.id}::uuid)` : sql`(mt.starts_at, mt.id) < (${cursor.k}::timestamptz, ${cursor.id}::uuid)`);
  const rows = await queryRows<Omit<MeetingListItem, 'startsAt' | 'endsAt'> & { startsAt: string; endsAt: string }>(
    deps.db,
    sql`select mt.id, mt.cell_id as "cellId", c.name as "cellName", mt.kind, mt.title, mt.starts_at as "startsAt", mt.ends_at as "endsAt",
          mt.place, mt.status,
          (select count(*)::int from meeting_attendances a where a.meeting_id = mt.id) as invited,
          (select count(*)::int from meeting_attendances a where a.meeting_id = mt.id and a.rsvp = 'attending') as attending,
          (select count(*)::int from meeting_attendances a where a.meeting_id = mt.id and a.rsvp = 'not_attending') as "notAttending",
          (select count(*)::int from meeting_attendances a where a.meeting_id = mt.id and a.status in ('present', 'late')) as present
        from meetings mt join org_units c on c.id = mt.cell_id
        where ${sql.join(where.map((w) => sql`(${w})`), sql` and `)}
        order by mt.starts_at ${asc ? sql`asc` : sql`desc`}, mt.id ${asc ? sql`asc` : sql`desc`} limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit).map((r) => ({ ...r, startsAt: new Date(r.startsAt).toISOString(), endsAt: new Date(r.endsAt).toISOString() }));
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.startsAt, id: last.id }) : null };
}

// ── the member's answers ──────────────────────────────────────────────────────

export async function ownRow(tx: Executor, actor: Actor, m: MeetingRow) {
  if (!actor.memberId) throw new Forbidden('meeting_members_only');
  const [row] = await queryRows<{ status: AttendanceStatus; rsvp: string | null }>(
    tx,
    sql`select status, rsvp from meeting_attendances where meeting_id = ${m.id} and member_id = ${actor.memberId} for update`,
  );
  if (!row) throw new NotFound('meeting_not_found');
  return row;
}

/** Will attend / cannot attend with a reason — until the meeting starts. */
export async function answerInvitation(deps: MeetingDeps, actor: Actor, id: string, body: RsvpBody): Promise<MeetingDetail> {
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id, true);
    await ownRow(tx, actor, m);
    if (m.status !== 'scheduled') throw new Conflict('meeting_wrong_state', { action: 'rsvp', status: m.status });
    const now = deps.clock.now();
    if (now >= m.startsAt) throw new Conflict('meeting_rsvp_closed');
    await tx.execute(sql`update meeting_attendances set rsvp = ${body.rsvp}, rsvp_reason = ${body.rsvp === 'attending' ? null : (body.reason ?? null)},
      rsvp_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
      where meeting_id = ${id} and member_id = ${actor.memberId}`);
    await writeAudit(tx, actor, { action: 'meeting.rsvp', entityType: 'meeting', entityId: id, unitId: m.cellId, after: { memberId: actor.memberId, ...body } });
  });
  return getMeeting(deps, actor, id);
}

// ── the secretary's records (check-in and the tick list: attendance.service.ts) ─────────────

export function minutesLocked(deps: MeetingDeps, m: MeetingRow): boolean {
  return !!m.minutesLockAt && deps.clock.now() > m.minutesLockAt;
}

export async function saveMinutes(deps: MeetingDeps, actor: Actor, id: string, body: MinutesBody): Promise<MeetingDetail> {
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id, true);
    requireManage(m);
    if (m.status !== 'held') throw new Conflict('meeting_wrong_state', { action: 'minutes', status: m.status });
    const locked = minutesLocked(deps, m);
    if (locked && !body.amendmentReason) throw new Invalid('validation_failed', { amendmentReason: 'meetings.amendmentReasonRequired' });
    const changes: { field: string; before: string | null; after: string | null }[] = [];
    if (body.minutesSummary !== undefined && body.minutesSummary !== m.minutesSummary) changes.push({ field: 'minutesSummary', before: m.minutesSummary, after: body.minutesSummary });
    if (body.minutesDecisions !== undefined && body.minutesDecisions !== m.minutesDecisions)
      changes.push({ field: 'minutesDecisions', before: m.minutesDecisions, after: body.minutesDecisions });
    if (changes.length === 0) return;
    await tx.execute(sql`update meetings set
        minutes_summary = ${body.minutesSummary === undefined ? sql`minutes_summary` : sql`${body.minutesSummary}`},
        minutes_decisions = ${body.minutesDecisions === undefined ? sql`minutes_decisions` : sql`${body.minutesDecisions}`},
        updated_at = ${deps.clock.now().toISOString()}::timestamptz where id = ${id}`);
    if (locked)
      for (const c of changes)
        await tx.execute(sql`insert into minutes_amendments (meeting_id, field, before, after, reason, created_by)
          values (${id}, ${c.field}, ${c.before}, ${c.after}, ${body.amendmentReason!}, ${actor.userId})`);
    await writeAudit(tx, actor, {
      action: locked ? 'meeting.minutes_amended' : 'meeting.minutes',
      entityType: 'meeting',
      entityId: id,
      unitId: m.cellId,
      before: Object.fromEntries(changes.map((c) => [c.field, c.before])),
      after: { ...Object.fromEntries(changes.map((c) => [c.field, c.after])), amendmentReason: body.amendmentReason ?? null },
    });
  });
  return getMeeting(deps, actor, id);
}

/** An opinion or proposal in the minutes, and who gave it (an invited member, or a named speaker). */
export async function addContribution(deps: MeetingDeps, actor: Actor, id: string, body: ContributionBody): Promise<MeetingDetail> {
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id, true);
    requireManage(m);
    if (m.status !== 'held') throw new Conflict('meeting_wrong_state', { action: 'minutes', status: m.status });
    if (minutesLocked(deps, m)) throw new Conflict('meeting_minutes_locked');
    if (!body.memberId && !body.speakerName) throw new Invalid('validation_failed', { speakerName: 'field.required' });
    if (body.memberId) {
      const [inv] = await queryRows<{ ok: number }>(tx, sql`select 1 as ok from meeting_attendances where meeting_id = ${id} and member_id = ${body.memberId}`);
      if (!inv) throw new Invalid('meeting_member_not_invited');
    }
    const [c] = await queryRows<{ id: string }>(
      tx,
      sql`insert into meeting_contributions (meeting_id, member_id, speaker_name, kind, topic, content, created_by)
          values (${id}, ${body.memberId ?? null}, ${body.speakerName ?? null}, ${body.kind}, ${body.topic ?? null}, ${body.content}, ${actor.userId}) returning id`,
    );
    await writeAudit(tx, actor, { action: 'meeting.contribution', entityType: 'meeting', entityId: id, unitId: m.cellId, after: { id: c!.id, ...body } });
  });
  return getMeeting(deps, actor, id);
}

/** Meetings the member is invited to (their own view). */
export async function myMeetings(deps: MeetingDeps, actor: Actor) {
  if (!actor.memberId) throw new NotFound('meeting_members_only');
  const rows = await queryRows<{ id: string; title: string; cellName: string; startsAt: string; endsAt: string; place: string; status: MeetingStatus; kind: 'regular' | 'extraordinary'; rsvp: 'attending' | 'not_attending' | null; rsvpReason: string | null; attendance: AttendanceStatus; checkedInAt: string | null }>(
    deps.db,
    sql`select mt.id, mt.title, c.name as "cellName", mt.starts_at as "startsAt", mt.ends_at as "endsAt", mt.place, mt.status, mt.kind,
          a.rsvp, a.rsvp_reason as "rsvpReason", a.status as attendance, a.checked_in_at as "checkedInAt"
        from meeting_attendances a join meetings mt on mt.id = a.meeting_id join org_units c on c.id = mt.cell_id
        where a.member_id = ${actor.memberId} order by mt.starts_at desc limit 100`,
  );
  return rows.map((r) => ({
    ...r,
    startsAt: new Date(r.startsAt).toISOString(),
    endsAt: new Date(r.endsAt).toISOString(),
    checkedInAt: r.checkedInAt ? new Date(r.checkedInAt).toISOString() : null,
  }));
}
