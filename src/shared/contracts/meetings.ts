import { z } from 'zod';
import { meetingQueues, meetingStatuses } from '../rules/meeting';
import { meetingEntries, meetingTimesProblem } from '../rules/meeting-schedule';
import { attendanceStatuses } from '../rules/residence-rules';
import { optionalText, pageQuerySchema, pageSchema } from './common';

/** Residential cell life: meetings, attendance, minutes (Art. 2.3, 4.3, 4.4). */

export const meetingStatusSchema = z.enum(meetingStatuses);
export const meetingKindSchema = z.enum(['regular', 'extraordinary']);
export const attendanceStatusSchema = z.enum(attendanceStatuses);
export const rsvpSchema = z.enum(['attending', 'not_attending']);


export const meetingPaths = {
  list: '/api/meetings',
  detail: (id: string) => `/api/meetings/${id}`,
  hold: (id: string) => `/api/meetings/${id}/hold`,
  cancel: (id: string) => `/api/meetings/${id}/cancel`,
  rsvp: (id: string) => `/api/meetings/${id}/rsvp`,
  checkIn: (id: string) => `/api/meetings/${id}/check-in`,
  attendance: (id: string) => `/api/meetings/${id}/attendance`,
  minutes: (id: string) => `/api/meetings/${id}/minutes`,
  contributions: (id: string) => `/api/meetings/${id}/contributions`,
  attachments: (id: string) => `/api/meetings/${id}/attachments`,
  attachment: (id: string, attachmentId: string) => `/api/meetings/${id}/attachments/${attachmentId}`,
  register: (id: string) => `/api/meetings/${id}/register.pdf`,
  mine: '/api/meetings/mine',
  compliance: '/api/meetings/compliance',
  memberRecord: (memberId: string) => `/api/meetings/members/${memberId}/record`,
  directedTopics: '/api/directed-topics',
  calendarToken: '/api/meetings/calendar-token',
  calendarFeed: (token: string) => `/api/calendar/${token}.ics`,
  runJobs: '/api/meetings/jobs/run',
} as const;

const topicSchema = z.object({ title: z.string().trim().min(3, 'field.required').max(300), directedTopicId: z.uuid().nullable().default(null) });

const meetingFields = z.object({
  cellId: z.uuid(),
  /** `schedule`: ahead, members are invited; `record`: it already took place, entered as held, no invitations */
  entry: z.enum(meetingEntries).default('schedule'),
  kind: meetingKindSchema.default('regular'),
  title: z.string().trim().min(3, 'field.required').max(200),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  place: z.string().trim().min(2, 'field.required').max(300),
  agenda: optionalText(4000),
  topics: z.array(topicSchema).max(20).default([]),
});

/** The end after the start (the form, the contract and the server say the same). */
function refineTimes(b: { startsAt?: string; endsAt?: string }, ctx: z.RefinementCtx) {
  const problem = b.startsAt && b.endsAt ? meetingTimesProblem(b.startsAt, b.endsAt) : null;
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.key });
}

export const createMeetingBodySchema = meetingFields.superRefine(refineTimes);
export type CreateMeetingBody = z.infer<typeof createMeetingBodySchema>;

export const updateMeetingBodySchema = meetingFields
  .omit({ cellId: true, entry: true })
  .partial()
  .extend({ expectedUpdatedAt: z.string().optional() })
  .superRefine(refineTimes);
export type UpdateMeetingBody = z.infer<typeof updateMeetingBodySchema>;

/** Self check-in by QR opens and closes at these moments (the meeting's rule set; the web enables its buttons by them). */
const checkInWindowSchema = z.object({ checkInOpensAt: z.string(), checkInClosesAt: z.string() });
export type CheckInWindow = z.infer<typeof checkInWindowSchema>;

export const meetingListItemSchema = checkInWindowSchema.extend({
  id: z.uuid(),
  cellId: z.uuid(),
  cellName: z.string(),
  kind: meetingKindSchema,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  status: meetingStatusSchema,
  invited: z.number().int(),
  attending: z.number().int(),
  notAttending: z.number().int(),
  present: z.number().int(),
});
export type MeetingListItem = z.infer<typeof meetingListItemSchema>;

export const attendanceRowSchema = z.object({
  memberId: z.uuid(),
  fullName: z.string(),
  phone: z.string().nullable(),
  category: z.enum(['active', 'exempt', 'not_introduced']),
  workplaceCommitteeName: z.string().nullable(),
  rsvp: rsvpSchema.nullable(),
  rsvpReason: z.string().nullable(),
  status: attendanceStatusSchema,
  reason: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  method: z.enum(['secretary', 'self_qr']).nullable(),
  /** a self check-in made while the phone was offline and sent later (decision 0010) */
  checkedInOffline: z.boolean(),
  /** the row's version: ticks made offline send it back, so a newer change on the server wins */
  updatedAt: z.string(),
});
export type AttendanceRow = z.infer<typeof attendanceRowSchema>;

export const contributionSchema = z.object({
  id: z.uuid(),
  memberId: z.uuid().nullable(),
  speakerName: z.string().nullable(),
  kind: z.enum(['opinion', 'proposal']),
  topic: z.string().nullable(),
  content: z.string(),
  createdAt: z.string(),
});

/** Photos and files attached to the minutes (types and size limited; see ATTACHMENT_RULES). */
export const attachmentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  /** the display name of whoever uploaded it */
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;
export const ATTACHMENT_RULES = {
  maxBytes: 10 * 1024 * 1024,
  maxPerMeeting: 20,
  /** extensions people pick from; the server checks the content, not the name */
  accept: ['.jpg', '.jpeg', '.png', '.webp', '.pdf', '.docx', '.xlsx'],
} as const;

export const meetingDetailSchema = meetingListItemSchema.extend({
  agenda: z.string().nullable(),
  topics: z.array(z.object({ title: z.string(), directedTopicId: z.uuid().nullable() })),
  heldAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  minutesSummary: z.string().nullable(),
  minutesDecisions: z.string().nullable(),
  minutesLockAt: z.string().nullable(),
  minutesLocked: z.boolean(),
  attendance: z.array(attendanceRowSchema),
  contributions: z.array(contributionSchema),
  attachments: z.array(attachmentSchema),
  amendments: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable(), reason: z.string(), at: z.string(), by: z.string().nullable() })),
  /** for the secretary: the URL the QR at the meeting encodes (self check-in) */
  checkInUrl: z.string().nullable(),
  /** for the secretary: the QR's changing codes over the check-in window, each from its moment (decision 0010) */
  checkInCodes: z.array(z.object({ from: z.string(), code: z.string() })).nullable(),
  canManage: z.boolean(),
  /** the actor's own row, when they are invited */
  mine: attendanceRowSchema.nullable(),
  updatedAt: z.string(),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const meetingListQuerySchema = pageQuerySchema.extend({
  cellId: z.uuid().optional(),
  /** upcoming (scheduled, not yet ended) or past; or one of the cell's queues: ahead this week, held but not recorded */
  when: z.enum(['upcoming', 'past', 'all', ...meetingQueues]).default('all'),
  status: meetingStatusSchema.optional(),
});
export const meetingListResponseSchema = pageSchema(meetingListItemSchema);

export const cancelMeetingBodySchema = z.object({ reason: z.string().trim().min(3, 'field.required').max(1000) });
export const rsvpBodySchema = z
  .object({ rsvp: rsvpSchema, reason: optionalText(500) })
  .refine((b) => b.rsvp === 'attending' || !!b.reason, { message: 'meetings.reasonRequired', path: ['reason'] });
export type RsvpBody = z.infer<typeof rsvpBodySchema>;
export const checkInBodySchema = z.object({
  code: z.string().trim().min(6).max(64),
  /** sent later from the phone's queue: when the QR was scanned offline (checked against the code, decision 0010) */
  scannedAt: z.iso.datetime({ offset: true }).optional(),
});
export type CheckInBody = z.infer<typeof checkInBodySchema>;

export const attendanceBodySchema = z.object({
  rows: z
    .array(
      z.object({
        memberId: z.uuid(),
        status: attendanceStatusSchema.exclude(['unrecorded']),
        reason: optionalText(500),
        /** ticks synced after working offline: the row's `updatedAt` they were made on (a newer one wins) */
        baseUpdatedAt: z.iso.datetime({ offset: true }).optional(),
      }),
    )
    .min(1, 'field.required')
    .max(1000),
  /** after the minutes lock, a change needs a reason (an audited amendment) */
  amendmentReason: optionalText(1000),
});
export type AttendanceBody = z.infer<typeof attendanceBodySchema>;
/** The meeting after the tick list was saved, and the members whose offline ticks newer server changes overrode. */
export const attendanceResultSchema = meetingDetailSchema.extend({ overridden: z.array(z.uuid()) });
export type AttendanceResult = z.infer<typeof attendanceResultSchema>;

export const minutesBodySchema = z.object({
  minutesSummary: optionalText(20000),
  minutesDecisions: optionalText(20000),
  amendmentReason: optionalText(1000),
});
export type MinutesBody = z.infer<typeof minutesBodySchema>;

export const contributionBodySchema = z.object({
  memberId: z.uuid().nullish(),
  speakerName: optionalText(200),
  kind: z.enum(['opinion', 'proposal']).default('opinion'),
  topic: optionalText(300),
  content: z.string().trim().min(3, 'field.required').max(4000),
});
export type ContributionBody = z.infer<typeof contributionBodySchema>;

// ── compliance and the member's record ─────────────────────────────────────────

export const complianceQuerySchema = z.object({ unitId: z.uuid().optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
export const cellComplianceSchema = z.object({
  cellId: z.uuid(),
  cellName: z.string(),
  workingMembers: z.number().int(),
  halves: z.array(
    z.object({
      half: z.union([z.literal(1), z.literal(2)]),
      held: z.number().int(),
      required: z.number().int(),
      /** met, missed (half-year over without the meetings), or open (still running) */
      state: z.enum(['met', 'missed', 'open', 'future']),
    }),
  ),
  attendanceRate: z.number().nullable(),
});
export const complianceSchema = z.object({
  year: z.number().int(),
  unitId: z.uuid(),
  unitName: z.string(),
  /** regular meetings required per half-year (Art. 4.3), under the rule set in force at the year's end */
  required: z.number().int(),
  cells: z.array(cellComplianceSchema),
});
export type Compliance = z.infer<typeof complianceSchema>;

export const memberRecordSchema = z.object({
  memberId: z.uuid(),
  fullName: z.string(),
  year: z.number().int(),
  invited: z.number().int(),
  attended: z.number().int(),
  unexcused: z.number().int(),
  rate: z.number().nullable(),
  consecutiveUnexcused: z.number().int(),
  /** a run of this many unexcused absences is reported (Art. 4.4; the rule set in force) */
  reportAfterUnexcused: z.number().int(),
  meetings: z.array(
    z.object({
      meetingId: z.uuid(),
      title: z.string(),
      startsAt: z.string(),
      cellName: z.string(),
      status: attendanceStatusSchema,
      reason: z.string().nullable(),
    }),
  ),
});
export type MemberRecord = z.infer<typeof memberRecordSchema>;
export const memberRecordQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** Topics the commune directs to all its cells live with the cell-life contract. */
export { directedTopicBodySchema, directedTopicListSchema, directedTopicQuerySchema, directedTopicSchema } from './cell-life';
export const calendarTokenSchema = z.object({ url: z.string() });
export const jobsRunSchema = z.object({ reminders: z.number().int(), missedHalfYears: z.number().int(), escalatedWarnings: z.number().int() });

export const myMeetingSchema = checkInWindowSchema.extend({
  id: z.uuid(),
  title: z.string(),
  cellName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  status: meetingStatusSchema,
  kind: meetingKindSchema,
  rsvp: rsvpSchema.nullable(),
  rsvpReason: z.string().nullable(),
  attendance: attendanceStatusSchema,
  checkedInAt: z.string().nullable(),
});
export const myMeetingsSchema = z.object({ items: z.array(myMeetingSchema) });
