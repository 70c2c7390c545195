import { z } from 'zod';
import { isoDateSchema } from './common';
import { rsvpSchema } from './meetings';

/**
 * Today's work on the home page (issue 11): for each role the actor holds, one card with the counts of what
 * waits for them, each count with the list that shows exactly those items (a web path and its search
 * params), so the number can be checked.
 */

export const homePaths = { today: '/api/home/today' } as const;

/** Whose work a card is: the residential cell's secretary, the Front head, the member, the commune, the workplace, a superior committee. */
export const homeRoles = ['cell', 'front', 'member', 'commune', 'workplace', 'superior'] as const;
export type HomeRole = (typeof homeRoles)[number];

export const homeItemKeys = [
  // the residential cell (Art. 4.3, 4.4)
  'meetingsThisWeek',
  'attendanceToRecord',
  'formsToDraft',
  'formsAwaitingFront',
  'formsToSign',
  'warningsDue',
  // the Front working committee head (Art. 4.4)
  'formsToCoSign',
  // the working member (Art. 2.3, 2.7, 3.5)
  'nextMeeting',
  'selfReportDue',
  'openWarnings',
  'commentReleased',
  // the commune committee (Art. 4.1, 4.3, 4.5)
  'lettersToReceive',
  'membersToPlace',
  'formsToConfirm',
  'cellsMissedHalfYear',
  // the workplace committee (Art. 3.1, 3.4, 3.5)
  'membersNotIntroduced',
  'cycleNotOpened',
  'commentsReceived',
  'openDisputes',
  // the committee above (Art. 5): the yearly reports of the committees below
  'reportsToReceive',
  'reportsLate',
  'reportsNotSubmitted',
] as const;
export type HomeItemKey = (typeof homeItemKeys)[number];

/** Where a count leads: a path of the web app (its parameters filled in) and the search params of the list. */
export const homeLinkSchema = z.object({
  to: z.string().startsWith('/'),
  search: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type HomeLink = z.infer<typeof homeLinkSchema>;

export const homeMeetingSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  /** the member's answer to the invitation (member card only) */
  rsvp: rsvpSchema.nullable(),
});
export type HomeMeeting = z.infer<typeof homeMeetingSchema>;

export const homeItemSchema = z.object({
  key: z.enum(homeItemKeys),
  count: z.number().int().min(0),
  link: homeLinkSchema,
  /** the day it is due by, or — with nothing to do — the day the next step is due (yyyy-mm-dd) */
  date: isoDateSchema.nullable(),
  /** the year (and half-year) it concerns */
  year: z.number().int().nullable(),
  half: z.union([z.literal(1), z.literal(2)]).nullable(),
  /** what stands behind an empty count: the rule is met (the cell met this half-year, the cycle is open) */
  done: z.boolean(),
  /** the next meeting, when the item is about meetings */
  meeting: homeMeetingSchema.nullable(),
});
export type HomeItem = z.infer<typeof homeItemSchema>;

export const homeCardSchema = z.object({
  role: z.enum(homeRoles),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  items: z.array(homeItemSchema),
});
export type HomeCard = z.infer<typeof homeCardSchema>;

export const homeTodaySchema = z.object({
  /** Vietnam's calendar day the counts are for */
  today: isoDateSchema,
  cards: z.array(homeCardSchema),
});
export type HomeToday = z.infer<typeof homeTodaySchema>;
