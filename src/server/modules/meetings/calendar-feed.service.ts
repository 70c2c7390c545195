import { createHash, randomBytes } from 'node:crypto';
import { meetingPaths } from '../../../shared/contracts/meetings';
import type { Executor } from '../../db/client';
import type { Actor } from '../../http/actor';
import { Forbidden, NotFound } from '../../http/errors';
import { buildMemberCalendar } from './calendar';
import { calendarMeetingRows, findCalendarOwner, saveCalendarToken } from './calendar-feed.repository';

/**
 * The member's meetings as an iCalendar feed at a secret URL, usable by any calendar app without a session.
 * Only the token's hash is stored; a new token replaces the old one.
 */

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const base = (publicUrl: string) => publicUrl.replace(/\/$/, '');

export async function createCalendarToken(
  db: Executor,
  actor: Actor,
  publicUrl: string,
): Promise<{ url: string }> {
  if (!actor.memberId) throw new Forbidden('meeting_members_only');
  const token = randomBytes(24).toString('base64url');
  await saveCalendarToken(db, actor.userId, hashToken(token));
  return { url: `${base(publicUrl)}${meetingPaths.calendarFeed(token)}` };
}

/** The feed of the token's owner (`file` is the token, `.ics` optional); an unknown token is not found. */
export async function memberCalendar(db: Executor, file: string, publicUrl: string): Promise<string> {
  const token = file.replace(/\.ics$/, '');
  const owner = await findCalendarOwner(db, hashToken(token));
  if (!owner?.memberId) throw new NotFound();
  const rows = await calendarMeetingRows(db, owner.memberId);
  return buildMemberCalendar(
    owner.name,
    rows.map((r) => ({
      ...r,
      startsAt: new Date(r.startsAt),
      endsAt: new Date(r.endsAt),
      url: `${base(publicUrl)}/meetings/${r.id}`,
    })),
  );
}
