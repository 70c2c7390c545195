import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  awaitingReceiptStatus,
  newLetterStatus,
  placedLetterStatuses,
  receivedLetterStatuses,
  transitionFor,
  type LetterStatus,
} from '../../../shared/rules/introduction-letter';
import type { Executor } from '../client';
import { introductionLetters, introductionRequests } from '../schema';
import { uuidList } from '../sql-values';
import { inBatches, nextLetterNumber } from './sequence';

type LetterInsert = typeof introductionLetters.$inferInsert;
export type LetterInput = Partial<LetterInsert> &
  Pick<LetterInsert, 'memberId' | 'issuingUnitId' | 'receivingCommuneId'>;

const acknowledgedStatus = transitionFor('acknowledge').to;
const rejectedStatus = transitionFor('reject').to;
const DAY = 86_400_000;

/**
 * The row of a letter in `status` (issued by default), each step's time a few days after the issue. A letter
 * past its draft gets the next factory number (deterministic, never the same twice) and a random code unless given.
 */
export function letterValues(o: LetterInput): LetterInsert {
  const status: LetterStatus = o.status ?? awaitingReceiptStatus;
  const draft = status === newLetterStatus;
  const at = o.issuedAt ?? new Date('2026-03-01T02:00:00Z');
  const after = (days: number) => new Date(at.getTime() + days * DAY);
  return {
    year: draft ? null : at.getUTCFullYear(),
    number: draft || o.number !== undefined ? null : nextLetterNumber(),
    verificationCode: draft ? null : randomBytes(8).toString('hex'),
    issuedAt: draft ? null : at,
    receivedAt: receivedLetterStatuses.includes(status) ? after(3) : null,
    placedAt: placedLetterStatuses.includes(status) ? after(5) : null,
    acknowledgedAt: status === acknowledgedStatus ? after(7) : null,
    rejectedAt: status === rejectedStatus ? after(4) : null,
    ...o,
    status,
  };
}

/** Letters that become their members' current ones (a letter's status is its member's hand-off stage). */
export async function newLetters(db: Executor, list: readonly LetterInput[]) {
  const rows: (typeof introductionLetters.$inferSelect)[] = [];
  await inBatches(list.map(letterValues), async (batch) => {
    const inserted = await db.insert(introductionLetters).values(batch).returning();
    await db.execute(sql`update members m set current_letter_id = x.id
      from unnest(${uuidList(inserted.map((r) => r.id))}, ${uuidList(inserted.map((r) => r.memberId))}) as x(id, member_id)
      where m.id = x.member_id`);
    rows.push(...inserted);
  });
  return rows;
}

/** A letter that becomes the member's current one. */
export async function newLetter(db: Executor, o: LetterInput) {
  const [row] = await newLetters(db, [o]);
  return row!;
}

/** A "known here, no letter" request from a commune to a workplace (open unless told). */
export async function newRequest(
  db: Executor,
  o: Partial<typeof introductionRequests.$inferInsert> & { communeId: string; workplaceUnitId: string },
) {
  const [row] = await db
    .insert(introductionRequests)
    .values({ fullName: 'Nguyễn Văn Báo', ...o })
    .returning();
  return row!;
}
