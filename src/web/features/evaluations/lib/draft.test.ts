import { describe, expect, it } from 'vitest';
import type { FormContent } from '../../../../shared/contracts/evaluations';
import { draftBody, draftFrom, isDirty } from './draft';

const saved: FormContent = {
  version: 1,
  ratings: { example: 'good', attendance: 'full' },
  justifications: { attendance: 'Vắng vì đi công tác, đã báo trước.' },
  otherComments: null,
  flags: [],
  evidence: null,
  jointMeetingOn: '2026-11-20',
  jointMeetingParticipants: 'Chi ủy, Mặt trận',
  frontSignerName: null,
  frontSignedAt: null,
  signerName: null,
  signedAt: null,
  confirmerName: null,
  confirmedAt: null,
  openedReason: null,
  createdAt: '2026-11-01T00:00:00.000Z',
};

describe('the secretary’s draft', () => {
  it('starts from the saved form and is clean until something changes', () => {
    const d = draftFrom(saved);
    expect(isDirty(d, saved)).toBe(false);
    expect(isDirty({ ...d, ratings: { ...d.ratings, attendance: 'partial' } }, saved)).toBe(true);
    // whitespace only is no change
    expect(isDirty({ ...d, otherComments: '   ' }, saved)).toBe(false);
  });

  it('sends trimmed text and leaves empty justifications out', () => {
    const body = draftBody({
      ...draftFrom(saved),
      justifications: { attendance: '  lý do  ', example: ' ' },
      otherComments: ' ',
    });
    expect(body.justifications).toEqual({ attendance: 'lý do' });
    expect(body.otherComments).toBeNull();
  });

  it('an empty form is a blank draft', () => {
    expect(draftFrom(null)).toEqual({
      ratings: {},
      justifications: {},
      otherComments: '',
      jointMeetingOn: null,
      jointMeetingParticipants: '',
    });
  });
});
