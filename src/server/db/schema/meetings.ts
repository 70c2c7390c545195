import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { ruleSets } from './evaluations';
import { members } from './members';
import { orgUnits } from './org-units';
import {
  cancelledMeetingStatus,
  newWarningStatus,
  type MeetingStatus,
  type WarningStatus,
} from '../../../shared/rules/meeting';
import { isNotValue, isValue } from '../sql-values';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** See src/shared/rules/meeting.ts for the transitions between these states. */
export const meetingStatusEnum = pgEnum('meeting_status', ['scheduled', 'held', 'cancelled']);
export const meetingKindEnum = pgEnum('meeting_kind', ['regular', 'extraordinary']);
export const attendanceStatusEnum = pgEnum('attendance_status', [
  'present',
  'late',
  'absent_excused',
  'absent_unexcused',
  'excused_exempt',
  'unrecorded',
]);
export const rsvpEnum = pgEnum('rsvp', ['attending', 'not_attending']);
export const checkInMethodEnum = pgEnum('check_in_method', ['secretary', 'self_qr']);

/** Art. 4.3: a residential cell meets its working members (at least once per half-year). */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid().primaryKey().defaultRandom(),
    cellId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    kind: meetingKindEnum().notNull().default('regular'),
    title: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    place: text().notNull(),
    agenda: text(),
    /** topics on which opinions are wanted; `directedTopicId` when the commune directed it */
    topics: jsonb().$type<{ title: string; directedTopicId: string | null }[]>().notNull().default([]),
    status: meetingStatusEnum().notNull().default('scheduled'),
    /** secret in the QR shown at the meeting: self check-in needs it (and the member's own session) */
    checkInCode: text().notNull(),
    /**
     * never leaves the server: signs the QR's changing codes, which prove when the QR was shown, so a check-in
     * sent later from a phone that was offline is accepted only for the minutes the code was on screen (decision 0010)
     */
    checkInKey: text()
      .notNull()
      .default(sql`gen_random_uuid()::text`),
    heldAt: timestamp({ withTimezone: true }),
    minutesSummary: text(),
    minutesDecisions: text(),
    /** after this moment minutes change only by audited amendment */
    minutesLockAt: timestamp({ withTimezone: true }),
    cancelReason: text(),
    /** reminder offsets (days before) already sent */
    remindedDays: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    /** the rule set in force on the meeting's day, whose life rules apply (scheduling sets it; the default is
     * for bulk loads made before a successor regulation exists) */
    ruleSetId: text()
      .notNull()
      .default('reg-213-2020')
      .references(() => ruleSets.code),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.cellId, t.startsAt),
    index('meetings_upcoming')
      .on(t.startsAt)
      .where(isValue(sql`status`, 'scheduled' satisfies MeetingStatus)),
    // Issue 12 natural key: a cell's meeting is its start and title; scheduling it again answers the first.
    uniqueIndex('meetings_natural_key')
      .on(t.cellId, t.startsAt, t.title)
      .where(isNotValue(sql`status`, cancelledMeetingStatus)),
  ],
);

/** One row per expected member, never only for those present; the unit is stored so history survives moves. */
export const meetingAttendances = pgTable(
  'meeting_attendances',
  {
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    unitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    rsvp: rsvpEnum(),
    rsvpReason: text(),
    rsvpAt: timestamp({ withTimezone: true }),
    status: attendanceStatusEnum().notNull().default('unrecorded'),
    reason: text(),
    checkedInAt: timestamp({ withTimezone: true }),
    method: checkInMethodEnum(),
    /** a self check-in made while the phone was offline and sent later (decision 0010) */
    checkedInOffline: boolean().notNull().default(false),
    recordedBy: uuid().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] }), index().on(t.memberId, t.meetingId)],
);

export const contributionKindEnum = pgEnum('meeting_contribution_kind', ['opinion', 'proposal']);

/** Opinions and proposals in the minutes, and who gave them. */
export const meetingContributions = pgTable(
  'meeting_contributions',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id),
    memberId: uuid().references(() => members.id),
    speakerName: text(),
    kind: contributionKindEnum().notNull().default('opinion'),
    topic: text(),
    content: text().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.meetingId), index().on(t.memberId)],
);

export const meetingAttachments = pgTable(
  'meeting_attachments',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id),
    fileName: text().notNull(),
    mimeType: text().notNull(),
    sizeBytes: integer().notNull(),
    content: bytea().notNull(),
    uploadedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.meetingId)],
);

/** Changes to locked minutes: kept, never overwritten silently. */
export const minutesAmendments = pgTable(
  'minutes_amendments',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id),
    field: text().notNull(),
    before: text(),
    after: text(),
    reason: text().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.meetingId, t.createdAt)],
);

/** The commune directs a topic to all its cells (Art. 4.3: "topics needing their opinions"). */
export const directedTopics = pgTable(
  'directed_topics',
  {
    id: uuid().primaryKey().defaultRandom(),
    communeId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    title: text().notNull(),
    description: text(),
    activeFrom: date().notNull(),
    activeTo: date(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.communeId, t.activeFrom)],
);

/** A run of unexcused absences reported once (Art. 4.4), keyed by the meeting that completed the run. */
export const attendanceAlerts = pgTable(
  'attendance_alerts',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id),
    consecutive: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('attendance_alerts_once').on(t.memberId, t.meetingId)],
);

/** A half-year without the required meetings, flagged to the commune once. */
export const cellComplianceAlerts = pgTable(
  'cell_compliance_alerts',
  {
    cellId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    year: integer().notNull(),
    half: integer().notNull(),
    held: integer().notNull(),
    required: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cellId, t.year, t.half] })],
);

// ── activities and contributions (Art. 2.4–2.6) ────────────────────────────────

export const activityKindEnum = pgEnum('activity_kind', [
  'construction',
  'culture',
  'relief',
  'security',
  'environment',
  'other',
]);
export const contributionRoleEnum = pgEnum('contribution_role', ['led', 'mobilised', 'took_part']);
export const contributionStatusEnum = pgEnum('contribution_status', ['proposed', 'confirmed', 'rejected']);

export const activities = pgTable(
  'activities',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** the residential cell or the commune that runs it */
    unitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    kind: activityKindEnum().notNull().default('other'),
    title: text().notNull(),
    description: text(),
    startsOn: date().notNull(),
    endsOn: date(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.unitId, t.startsOn)],
);

export const activityContributions = pgTable(
  'activity_contributions',
  {
    id: uuid().primaryKey().defaultRandom(),
    activityId: uuid()
      .notNull()
      .references(() => activities.id),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    role: contributionRoleEnum().notNull().default('took_part'),
    workDays: numeric({ precision: 6, scale: 1 }),
    moneyVnd: bigint({ mode: 'number' }),
    expertise: text(),
    inKind: text(),
    note: text(),
    status: contributionStatusEnum().notNull().default('confirmed'),
    proposedBy: uuid().references(() => users.id),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.activityId), index().on(t.memberId, t.createdAt)],
);

// ── warnings (Art. 4.4) ────────────────────────────────────────────────────────

export const warningKindEnum = pgEnum('warning_kind', ['reminder', 'warning']);
export const warningStatusEnum = pgEnum('warning_status', ['open', 'resolved', 'escalated', 'withdrawn']);

export const memberWarnings = pgTable(
  'member_warnings',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    cellId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    kind: warningKindEnum().notNull(),
    reason: text().notNull(),
    deadline: date().notNull(),
    status: warningStatusEnum().notNull().default('open'),
    memberReply: text(),
    repliedAt: timestamp({ withTimezone: true }),
    resolution: text(),
    escalatedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.memberId, t.createdAt),
    index().on(t.cellId, t.status),
    index('member_warnings_due')
      .on(t.deadline)
      .where(isValue(sql`status`, 'open' satisfies WarningStatus)),
    // Issue 12 natural key: one open reminder or warning of a member for one reason.
    uniqueIndex('member_warnings_one_open')
      .on(t.memberId, t.kind, sql`md5(${t.reason})`)
      .where(isValue(sql`status`, newWarningStatus)),
  ],
);

/** A member's calendar feed token (iCalendar URL that needs no session). */
export const calendarTokens = pgTable('calendar_tokens', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id),
  tokenHash: text().notNull().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
