import type { Executor } from '../client';
import { members, unitMemberships } from '../schema';
import { next } from './sequence';

type MemberInsert = typeof members.$inferInsert;

/** A member of `cellId` with their open party-cell membership; the card number is unique unless given. */
export async function newMember(db: Executor, overrides: Partial<MemberInsert> & { cellId: string }) {
  const n = next();
  const [row] = await db
    .insert(members)
    .values({
      fullName: `Nguyễn Văn Thử ${n}`.replace(/ \d+$/, ''),
      sex: 'male',
      dateOfBirth: '1985-05-20',
      // always 8 digits and never the same twice in a process (n < 10^8 + seq; two n differ by < 9·10^7)
      cardNumber: String(10_000_000 + (n % 90_000_000)),
      dateAdmitted: '2010-03-01',
      dateOfficial: '2011-03-01',
      ...overrides,
    })
    .returning();
  await db.insert(unitMemberships).values({
    memberId: row!.id,
    unitId: row!.cellId,
    kind: 'party_cell',
    validFrom: row!.dateOfficial ?? '2011-03-01',
  });
  return row!;
}
