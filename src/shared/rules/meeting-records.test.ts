import { describe, expect, it } from 'vitest';
import {
  canRecordMeeting,
  cancelledMeetingStatus,
  heldMeetingStatus,
  isMeetingRepeat,
  meetingActions,
  meetingRecords,
  meetingStatuses,
  openMeetingStatuses,
  type MeetingAction,
  type MeetingRecord,
  type MeetingStatus,
} from './meeting';

/** Written out by hand: A = may be recorded on a meeting in this status, · = refused (409). */
// prettier-ignore
const expected: Record<MeetingRecord, Record<MeetingStatus, 'A' | '·'>> = {
  rsvp: { scheduled: 'A', held: '·', cancelled: '·' },
  checkIn: { scheduled: 'A', held: 'A', cancelled: '·' },
  attendance: { scheduled: 'A', held: 'A', cancelled: '·' },
  minutes: { scheduled: '·', held: 'A', cancelled: '·' },
};

/** R = the step was already taken (a retry that changes nothing). */
// prettier-ignore
const repeats: Record<MeetingAction, Record<MeetingStatus, 'R' | '·'>> = {
  schedule: { scheduled: '·', held: '·', cancelled: '·' },
  record: { scheduled: '·', held: '·', cancelled: '·' },
  edit: { scheduled: '·', held: '·', cancelled: '·' },
  hold: { scheduled: '·', held: 'R', cancelled: '·' },
  cancel: { scheduled: '·', held: '·', cancelled: 'R' },
};

describe('what is recorded on a meeting, by its status', () => {
  const cases = meetingRecords.flatMap((record) =>
    meetingStatuses.map((status) => ({ record, status, want: expected[record][status] })),
  );

  it.each(cases)('$record on a $status meeting: $want', ({ record, status, want }) => {
    expect(canRecordMeeting(record, status) ? 'A' : '·').toBe(want);
  });

  it('covers every record and every status', () => {
    expect(Object.keys(expected).sort()).toEqual([...meetingRecords].sort());
    for (const record of meetingRecords)
      expect(Object.keys(expected[record]).sort()).toEqual([...meetingStatuses].sort());
  });
});

describe('a meeting step taken again', () => {
  const cases = meetingActions.flatMap((action) =>
    meetingStatuses.map((status) => ({ action, status, want: repeats[action][status] })),
  );

  it.each(cases)('$action on a $status meeting: $want', ({ action, status, want }) => {
    expect(isMeetingRepeat(action, status) ? 'R' : '·').toBe(want);
  });
});

describe('the meeting status sets SQL reads', () => {
  it('are ahead (scheduled), held and cancelled', () => {
    expect([...openMeetingStatuses]).toEqual(['scheduled']);
    expect(heldMeetingStatus).toBe('held');
    expect(cancelledMeetingStatus).toBe('cancelled');
  });
});
