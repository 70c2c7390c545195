import { describe, expect, it } from 'vitest';
import { evidenceLines } from './evidence';

const record = {
  meetingsHeld: 1,
  meetingsAttended: 0,
  attendanceRate: 0,
  unexcusedAbsences: 1,
  confirmedContributions: 2,
  contributionDays: 1.5,
  openWarnings: 0,
  warningsThisYear: 0,
  selfReported: 1,
};

describe('evidence next to a criterion', () => {
  it('reads held and attended as one phrase, leaves the rate out, and marks what speaks against the member', () => {
    const lines = evidenceLines(
      ['meetingsHeld', 'meetingsAttended', 'attendanceRate', 'unexcusedAbsences'],
      record,
    );
    expect(lines).toEqual([
      { key: 'attendedOfHeld', params: { attended: 0, held: 1 }, concern: true },
      { key: 'unexcusedAbsences', params: { count: 1 }, concern: true },
    ]);
  });

  it('shows only the metrics the criterion lists, in its order', () => {
    expect(evidenceLines(['meetingsAttended', 'selfReported'], record).map((l) => l.key)).toEqual([
      'meetingsAttended',
      'selfReported',
    ]);
    expect(evidenceLines(['openWarnings'], record)).toEqual([
      { key: 'openWarnings', params: { count: 0 }, concern: false },
    ]);
    expect(evidenceLines(['selfReported'], { ...record, selfReported: 0 })[0]).toMatchObject({
      key: 'notSelfReported',
      concern: true,
    });
  });

  it('says so when the cell held no meeting at all (nothing to hold against the member)', () => {
    expect(evidenceLines(['meetingsHeld', 'meetingsAttended'], { ...record, meetingsHeld: 0 })).toEqual([
      { key: 'noMeetings', params: {}, concern: false },
    ]);
  });

  it('says nothing about figures it was not given', () => {
    expect(evidenceLines(['meetingsHeld', 'contributionDays'], {})).toEqual([]);
  });
});

describe('a year with no meeting held', () => {
  const none = { ...record, meetingsHeld: 0, meetingsAttended: 0, attendanceRate: 100, unexcusedAbsences: 0 };

  it('shows "no meeting held" instead of a 100 % rate, whichever meeting figures the criterion lists', () => {
    for (const metrics of [
      ['attendanceRate'],
      ['meetingsAttended'],
      ['meetingsAttended', 'attendanceRate'],
      ['meetingsHeld', 'meetingsAttended', 'attendanceRate'],
    ] as const)
      expect(evidenceLines(metrics, none), metrics.join()).toEqual([
        { key: 'noMeetings', params: {}, concern: false },
      ]);
  });

  it('keeps the other figures beside it', () => {
    expect(evidenceLines(['meetingsAttended', 'selfReported'], none).map((l) => l.key)).toEqual([
      'noMeetings',
      'selfReported',
    ]);
  });
});
