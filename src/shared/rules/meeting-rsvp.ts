/** An invitee's answer to a meeting (Art. 4.3): will attend, or cannot attend with a reason. */
export const rsvpAnswers = ['attending', 'not_attending'] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];

export const attendingRsvp: RsvpAnswer = 'attending';
/** Said they cannot come: no reminders, excused when the meeting is held. */
export const declinedRsvp: RsvpAnswer = 'not_attending';
