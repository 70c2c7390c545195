import dayjs from 'dayjs';
import { canMeeting, type MeetingStatus } from '../../../../shared/rules/meeting';
import { DATE_TIME_FORMAT } from '../../../lib/dates';

/**
 * When a meeting can be answered, checked in to, ticked and recorded as held: the same moments the
 * server checks (the check-in window comes with the meeting, from its rule set), so the buttons are enabled
 * exactly when the server agrees.
 */
interface Timed {
  status: MeetingStatus;
  startsAt: string;
  endsAt: string;
  checkInOpensAt: string;
  checkInClosesAt: string;
}

const ms = (iso: string) => new Date(iso).getTime();

/** Self check-in by QR: opens before the start, closes after the end. */
export function checkInWindow(m: Timed) {
  return { opens: new Date(m.checkInOpensAt), closes: new Date(m.checkInClosesAt) };
}

export function isCheckInOpen(m: Timed, now: Date): boolean {
  if (m.status === 'cancelled') return false;
  const w = checkInWindow(m);
  return now >= w.opens && now <= w.closes;
}

/** The member answers until the start. */
export function canAnswer(m: Timed, now: Date): boolean {
  return m.status === 'scheduled' && now.getTime() < ms(m.startsAt);
}

/** The tick list opens with the check-in window and stays open (later changes are amendments). */
export function canTick(m: Timed, now: Date): boolean {
  return m.status !== 'cancelled' && now >= checkInWindow(m).opens;
}

/** "Record as held" once the meeting has started. */
export function canHold(m: Timed, now: Date): boolean {
  return canMeeting('hold', m.status) && now.getTime() >= ms(m.startsAt);
}

/** Upcoming: scheduled and not yet over (the server's `when=upcoming`). */
export function isUpcoming(m: Timed, now: Date): boolean {
  return m.status === 'scheduled' && ms(m.endsAt) >= now.getTime();
}

/** dd/mm/yyyy HH:mm–HH:mm, or both dates when it runs past midnight. */
export function formatMeetingTime(startsAt: string, endsAt: string): string {
  const s = dayjs(startsAt);
  const e = dayjs(endsAt);
  if (!s.isValid() || !e.isValid()) return '—';
  return s.isSame(e, 'day')
    ? `${s.format(DATE_TIME_FORMAT)}–${e.format('HH:mm')}`
    : `${s.format(DATE_TIME_FORMAT)} – ${e.format(DATE_TIME_FORMAT)}`;
}

/**
 * The form's day (yyyy-mm-dd) and times (HH:mm) → ISO timestamps with the browser's offset, each on its
 * own: an end before the start stays so, for the contract to refuse (it is a typing slip far more often
 * than a meeting past midnight, and moving it to the next day hid it). Unreadable parts stay empty.
 */
export function toMeetingTimes(
  day: string,
  start: string,
  end: string,
): { startsAt: string; endsAt: string } {
  const at = (time: string) => {
    const d = dayjs(`${day} ${time}`, 'YYYY-MM-DD HH:mm', true);
    return d.isValid() ? d.format() : '';
  };
  return { startsAt: at(start), endsAt: at(end) };
}

/** The inverse, to fill the form when editing. */
export function fromMeetingTimes(startsAt: string, endsAt: string) {
  const s = dayjs(startsAt);
  return { day: s.format('YYYY-MM-DD'), start: s.format('HH:mm'), end: dayjs(endsAt).format('HH:mm') };
}

/** Half-year (Art. 4.3 counts per half-year) of a day, for the default title of a regular meeting. */
export function halfOf(day: string): { half: 1 | 2; year: number } {
  const d = dayjs(day);
  return { half: d.month() < 6 ? 1 : 2, year: d.year() };
}
