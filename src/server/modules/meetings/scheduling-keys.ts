import type { CreateMeetingBody } from '../../../shared/contracts/meetings';
import type { Executor } from '../../db/client';
import { Conflict } from '../../http/errors';
import { findMeetingByKey } from './meetings.repository';

/**
 * Issue 12 (decision 0012): a cell's meeting is known by its start and title. Scheduling it again (a double
 * click, a retry after a timeout) answers the first meeting and invites nobody twice; the same start and title
 * with another place, end, agenda or topics is a 409: the secretary edits the first meeting instead.
 */
type Topic = { title: string; directedTopicId?: string | null };
// jsonb reorders an object's keys: compare the values
const topicsKey = (topics: Topic[]) =>
  JSON.stringify(topics.map((t) => [t.title, t.directedTopicId ?? null]));

export async function existingMeeting(tx: Executor, body: CreateMeetingBody): Promise<string> {
  const row = await findMeetingByKey(tx, body);
  if (!row) throw new Conflict('meeting_exists');
  const same =
    row.kind === body.kind &&
    new Date(row.endsAt).getTime() === new Date(body.endsAt).getTime() &&
    row.place === body.place &&
    (row.agenda ?? null) === (body.agenda ?? null) &&
    topicsKey(row.topics as Topic[]) === topicsKey(body.topics);
  if (!same) throw new Conflict('meeting_exists');
  return row.id;
}
