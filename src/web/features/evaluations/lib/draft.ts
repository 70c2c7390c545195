import type { FormContent, SaveFormBody } from '../../../../shared/contracts/evaluations';

/** What the secretary edits on the form, before it is saved. */
export interface Draft {
  ratings: Record<string, string>;
  justifications: Record<string, string>;
  otherComments: string;
  jointMeetingOn: string | null;
  jointMeetingParticipants: string;
}

export function draftFrom(form: FormContent | null): Draft {
  return {
    ratings: { ...(form?.ratings ?? {}) },
    justifications: { ...(form?.justifications ?? {}) },
    otherComments: form?.otherComments ?? '',
    jointMeetingOn: form?.jointMeetingOn ?? null,
    jointMeetingParticipants: form?.jointMeetingParticipants ?? '',
  };
}

const trimmed = (r: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(r)
      .map(([k, v]) => [k, v.trim()] as const)
      .filter(([, v]) => v !== '')
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/** The body of PUT …/form: empty justifications are left out (the server drops them anyway). */
export function draftBody(d: Draft): SaveFormBody {
  return {
    ratings: Object.fromEntries(Object.entries(d.ratings).sort(([a], [b]) => a.localeCompare(b))),
    justifications: trimmed(d.justifications),
    otherComments: d.otherComments.trim() || null,
    jointMeetingOn: d.jointMeetingOn,
    jointMeetingParticipants: d.jointMeetingParticipants.trim() || null,
  };
}

/** Unsaved changes: saving them clears the Front head's co-signature, so the page says so. */
export function isDirty(d: Draft, saved: FormContent | null): boolean {
  return JSON.stringify(draftBody(d)) !== JSON.stringify(draftBody(draftFrom(saved)));
}
