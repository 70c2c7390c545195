import { describe, expect, it } from 'vitest';
import { attendanceStatuses } from './residence-rules';
import { canAttendance } from './attendance';

describe('attendance row transitions', () => {
  it('a self check-in turns any row but a present or late one into present or late; a second scan changes nothing', () => {
    const matrix = attendanceStatuses.map((s) => [s, canAttendance('selfCheckIn', s, 'present'), canAttendance('selfCheckIn', s, 'late')]);
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
