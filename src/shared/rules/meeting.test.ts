import { describe, expect, it } from 'vitest';
import {
  canMeeting,
  meetingActions,
  meetingStatuses,
  meetingTransition,
  type MeetingAction,
  type MeetingStatus,
} from './meeting';
import { meetingEntryProblem, meetingTimesProblem } from './meeting-schedule';

/**
 * The meeting workflow, written out by hand (not derived from the table it checks):
 * A = allowed from this status, · = refused (409). `schedule` and `record` create a meeting: no status before.
 */
// prettier-ignore
const expected: Record<MeetingAction, Record<MeetingStatus, 'A' | '·'>> = {
  schedule: { scheduled: '·', held: '·', cancelled: '·' },
  record: { scheduled: '·', held: '·', cancelled: '·' },
  edit: { scheduled: 'A', held: '·', cancelled: '·' },
  hold: { scheduled: 'A', held: '·', cancelled: '·' },
  cancel: { scheduled: 'A', held: '·', cancelled: '·' },
};

const target: Record<MeetingAction, MeetingStatus> = {
  schedule: 'scheduled',
  record: 'held',
  edit: 'scheduled',
  hold: 'held',
  cancel: 'cancelled',
};

describe('the meeting workflow table', () => {
  const cases = meetingActions.flatMap((action) =>
    meetingStatuses.map((status) => ({ action, status, want: expected[action][status] })),
  );

  it.each(cases)('$action on a $status meeting: $want', ({ action, status, want }) => {
    expect(canMeeting(action, status) ? 'A' : '·').toBe(want);
  });

  it.each(meetingActions.map((action) => ({ action })))('$action leads to its status', ({ action }) => {
    expect(meetingTransition(action).to).toBe(target[action]);
  });

  it('creates a meeting only through schedule (ahead) or record (already held)', () => {
    expect(meetingActions.filter((a) => meetingTransition(a).from.length === 0)).toEqual([
      'schedule',
      'record',
    ]);
  });
});

describe('when a meeting may be entered', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const h = (hours: number) => new Date(now.getTime() + hours * 3600_000).toISOString();

  it('ends after it starts, within a day', () => {
    expect(meetingTimesProblem(h(2), h(1))?.key).toBe('meetings.endBeforeStart');
    expect(meetingTimesProblem(h(2), h(2))?.key).toBe('meetings.endBeforeStart');
    expect(meetingTimesProblem(h(2), h(27))?.key).toBe('meetings.tooLong');
    expect(meetingTimesProblem(h(2), h(4))).toBeNull();
    // unreadable times are the format check's to explain
    expect(meetingTimesProblem('not a time', h(4))).toBeNull();
  });

  it('is scheduled until its end; once over it is recorded as held instead', () => {
    expect(meetingEntryProblem('schedule', h(-4), h(-2), now)).toEqual({
      field: 'startsAt',
      key: 'meetings.inPast',
    });
    expect(meetingEntryProblem('schedule', h(-1), h(1), now)).toBeNull();
    expect(meetingEntryProblem('edit', h(-4), h(-2), now)?.key).toBe('meetings.editInPast');
    expect(meetingEntryProblem('record', h(-4), h(-2), now)).toBeNull();
    expect(meetingEntryProblem('record', h(-1), h(1), now)).toBeNull();
    expect(meetingEntryProblem('record', h(1), h(2), now)).toEqual({
      field: 'startsAt',
      key: 'meetings.notYetHeld',
    });
  });
});
