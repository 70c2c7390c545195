import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { oneOf, isValue } from '../../db/sql-values';
import type { AttendanceRow, CheckInWindow, MeetingListItem } from '../../../shared/contracts/meetings';
import { attendedStatuses } from '../../../shared/rules/attendance';
import type { MeetingStatus } from '../../../shared/rules/meeting';
import { attendingRsvp, declinedRsvp, type RsvpAnswer } from '../../../shared/rules/meeting-rsvp';
import type { AttendanceStatus } from '../../../shared/rules/residence-rules';

/** Queries that read meetings: the detail's parts, the lists, the member's own meetings (rules in meeting-reads.service.ts). */

const attendanceSelect = sql`select a.member_id as "memberId", mb.full_name as "fullName", mb.phone, mb.category,
    w.name as "workplaceCommitteeName", a.rsvp, a.rsvp_reason as "rsvpReason", a.status, a.reason,
    a.checked_in_at as "checkedInAt", a.method, a.checked_in_offline as "checkedInOffline", a.updated_at as "updatedAt"
  from meeting_attendances a join members mb on mb.id = a.member_id
  join org_units wc on wc.id = mb.cell_id
  left join org_units w on w.id = (select x.id from org_units x where x.path @> wc.path and x.id <> wc.id
    and x.type not in ('residential_cell', 'workplace_cell') order by x.depth desc limit 1)`;

export type AttendanceDbRow = AttendanceRow & { checkedInAt: string | Date | null; updatedAt: string | Date };

export async function meetingAttendance(db: Executor, meetingId: string): Promise<AttendanceDbRow[]> {
  return queryRows<AttendanceDbRow>(
    db,
    sql`${attendanceSelect} where a.meeting_id = ${meetingId} order by mb.sort_key collate "C", mb.id`,
  );
}

export async function meetingContributions(db: Executor, meetingId: string) {
  return queryRows<{
    id: string;
    memberId: string | null;
    speakerName: string | null;
    kind: 'opinion' | 'proposal';
    topic: string | null;
    content: string;
    createdAt: string;
  }>(
    db,
    sql`select c.id, c.member_id as "memberId", coalesce(c.speaker_name, mb.full_name) as "speakerName", c.kind, c.topic, c.content, c.created_at as "createdAt"
        from meeting_contributions c left join members mb on mb.id = c.member_id where c.meeting_id = ${meetingId} order by c.created_at, c.id`,
  );
}

export async function minutesAmendments(db: Executor, meetingId: string) {
  return queryRows<{
    field: string;
    before: string | null;
    after: string | null;
    reason: string;
    at: string;
    by: string | null;
  }>(
    db,
    sql`select a.field, a.before, a.after, a.reason, a.created_at as at, u.display_name as by
        from minutes_amendments a left join users u on u.id = a.created_by where a.meeting_id = ${meetingId} order by a.created_at`,
  );
}

export async function meetingAttachments(db: Executor, meetingId: string) {
  return queryRows<{
    id: string;
    fileName: string;
    mimeType: string;
    sizeBytes: number;
    uploadedBy: string | null;
    createdAt: string;
  }>(
    db,
    sql`select a.id, a.file_name as "fileName", a.mime_type as "mimeType", a.size_bytes as "sizeBytes", u.display_name as "uploadedBy",
          a.created_at as "createdAt"
        from meeting_attachments a left join users u on u.id = a.uploaded_by where a.meeting_id = ${meetingId} order by a.created_at, a.id`,
  );
}

export interface MeetingListFilter {
  readScope: SQL;
  /** which meetings by time and status (meeting-queues.ts) */
  when: SQL;
  cellId?: string;
  status?: MeetingStatus;
  ascending: boolean;
  cursor: { k: string; id: string } | null;
  limit: number;
}

const countOn = (condition: SQL) =>
  sql`(select count(*)::int from meeting_attendances a where a.meeting_id = mt.id and ${condition})`;

export async function listMeetingRows(db: Executor, f: MeetingListFilter) {
  const where: SQL[] = [f.readScope, f.when];
  if (f.cellId) where.push(sql`mt.cell_id = ${f.cellId}`);
  if (f.status) where.push(sql`mt.status = ${f.status}`);
  const asc = f.ascending;
  if (f.cursor)
    where.push(
      asc
        ? sql`(mt.starts_at, mt.id) > (${f.cursor.k}::timestamptz, ${f.cursor.id}::uuid)`
        : sql`(mt.starts_at, mt.id) < (${f.cursor.k}::timestamptz, ${f.cursor.id}::uuid)`,
    );
  return queryRows<
    Omit<MeetingListItem, 'startsAt' | 'endsAt' | keyof CheckInWindow> & {
      startsAt: string;
      endsAt: string;
      ruleSetId: string;
    }
  >(
    db,
    sql`select mt.id, mt.cell_id as "cellId", c.name as "cellName", mt.kind, mt.title, mt.starts_at as "startsAt", mt.ends_at as "endsAt",
          mt.place, mt.status, mt.rule_set_id as "ruleSetId",
          (select count(*)::int from meeting_attendances a where a.meeting_id = mt.id) as invited,
          ${countOn(isValue(sql`a.rsvp`, attendingRsvp))} as attending,
          ${countOn(isValue(sql`a.rsvp`, declinedRsvp))} as "notAttending",
          ${countOn(oneOf(sql`a.status`, attendedStatuses))} as present
        from meetings mt join org_units c on c.id = mt.cell_id
        where ${sql.join(
          where.map((w) => sql`(${w})`),
          sql` and `,
        )}
        order by mt.starts_at ${asc ? sql`asc` : sql`desc`}, mt.id ${asc ? sql`asc` : sql`desc`} limit ${f.limit}`,
  );
}

export interface MyMeetingRow {
  id: string;
  title: string;
  cellName: string;
  startsAt: string;
  endsAt: string;
  place: string;
  status: MeetingStatus;
  kind: 'regular' | 'extraordinary';
  rsvp: RsvpAnswer | null;
  rsvpReason: string | null;
  attendance: AttendanceStatus;
  checkedInAt: string | null;
  ruleSetId: string;
}

/** The meetings a member is invited to, newest first. */
export async function memberMeetingRows(
  db: Executor,
  memberId: string,
  limit: number,
): Promise<MyMeetingRow[]> {
  return queryRows<MyMeetingRow>(
    db,
    sql`select mt.id, mt.title, c.name as "cellName", mt.starts_at as "startsAt", mt.ends_at as "endsAt", mt.place, mt.status, mt.kind, mt.rule_set_id as "ruleSetId",
          a.rsvp, a.rsvp_reason as "rsvpReason", a.status as attendance, a.checked_in_at as "checkedInAt"
        from meeting_attendances a join meetings mt on mt.id = a.meeting_id join org_units c on c.id = mt.cell_id
        where a.member_id = ${memberId} order by mt.starts_at desc limit ${limit}`,
  );
}

/** The commune over the cell and the cell's secretary, for the printed register. */
export async function registerHeading(db: Executor, cellId: string) {
  const [cell] = await queryRows<{ commune: string | null; secretary: string | null }>(
    db,
    sql`select p.name as commune, (select u.display_name from role_grants rg join users u on u.id = rg.user_id
          where rg.unit_id = c.id and rg.role = 'cell_secretary' and rg.revoked_at is null limit 1) as secretary
        from org_units c left join org_units p on p.id = c.parent_id where c.id = ${cellId}`,
  );
  return cell;
}
