import { describe, expect, it } from 'vitest';
import { attendanceStatuses, attended, trailingUnexcused } from './residence-rules';
import {
  attendanceOnHold,
  attendedStatuses,
  canAttendance,
  excusedAbsenceStatus,
  expectedAttendanceStatus,
  skippedInAbsenceRun,
  unexcusedAbsenceStatus,
  uncountedAttendanceStatuses,
} from './attendance';

describe('attendance row transitions', () => {
  it('a self check-in turns any row but a present or late one into present or late; a second scan changes nothing', () => {
    const matrix = attendanceStatuses.map((s) => [
      s,
      canAttendance('selfCheckIn', s, 'present'),
      canAttendance('selfCheckIn', s, 'late'),
    ]);
    expect(matrix).toEqual([
      ['present', false, false],
      ['late', false, false],
      ['absent_excused', true, true],
      ['absent_unexcused', true, true],
      ['excused_exempt', true, true],
      ['unrecorded', true, true],
    ]);
    expect(canAttendance('selfCheckIn', 'unrecorded', 'absent_unexcused')).toBe(false);
  });

  it('the tick list sets any recorded status, never back to unrecorded', () => {
    for (const from of attendanceStatuses) {
      expect(canAttendance('tick', from, 'unrecorded')).toBe(false);
      expect(canAttendance('tick', from, 'absent_excused')).toBe(true);
    }
  });
});

describe('attendance sets and the rows closed when a meeting is held', () => {
  it('counts present and late as attended, leaves exempt and unrecorded rows out of rates', () => {
    expect([...attendedStatuses]).toEqual(['present', 'late']);
    expect([...uncountedAttendanceStatuses].sort()).toEqual(['excused_exempt', 'unrecorded']);
    expect(attendanceStatuses.filter((s) => attendedStatuses.includes(s)).map(attended)).toEqual([
      true,
      true,
    ]);
  });

  it('starts exempt members as excused and the others unrecorded', () => {
    expect(expectedAttendanceStatus).toEqual({ exempt: 'excused_exempt', other: 'unrecorded' });
  });

  it('closes only unrecorded rows: excused after a "cannot attend", absent without excuse otherwise', () => {
    expect(attendanceOnHold.declined).toEqual({ from: ['unrecorded'], to: 'absent_excused' });
    expect(attendanceOnHold.silent).toEqual({ from: ['unrecorded'], to: 'absent_unexcused' });
    expect(excusedAbsenceStatus).toBe(attendanceOnHold.declined.to);
  });

  it('runs absences on unexcused rows and passes over unrecorded ones', () => {
    expect(trailingUnexcused([unexcusedAbsenceStatus, skippedInAbsenceRun, unexcusedAbsenceStatus])).toBe(2);
  });
});
