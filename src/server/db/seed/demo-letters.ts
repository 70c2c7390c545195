import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { transitionFor, type LetterStatus } from '../../../shared/rules/introduction-letter';
import type { Executor } from '../client';
import { newLetters, type LetterInput } from '../factories/letters';
// The printed codes are HMACs of the verification module: the seed signs through it, it cannot build them.
import { signLetters } from '../../modules/verification/verification.service';
import { isValue } from '../sql-values';
import { vnYearOf } from '../vietnam-calendar-sql';
import { activeMemberStatus } from './seed-statuses';

const SIGNERS = ['Nguyễn Đình Hùng', 'Trần Văn Minh', 'Lê Thị Thu Hà', 'Phan Văn Thắng', 'Hồ Sỹ Tuấn'];
const DAY = 86_400_000;

interface Candidate {
  member_id: string;
  committee: string;
  residence_commune_id: string;
  residence_cell_id: string | null;
  residence_area_id: string | null;
  residence_street: string | null;
  exempt: string | null;
  year: number;
  issued: Date | string;
  signer: string;
  bucket: number;
}

/**
 * Introduction letters for the demo, so every queue has something in it: members already placed in a
 * cell have an acknowledged letter from months ago; of the others, some letters wait for the commune
 * (a few overdue), some are received but not placed, one in ten was rejected, the rest are not introduced.
 * Deterministic per card number (hashtext), so the demo looks the same on every machine. A letter's year is
 * the year of its issue day in Vietnam, as the paper and /verify print it (numbers run per committee and year).
 * SQL picks the members and their days; the letters are built by the factory.
 */
export async function seedDemoLetters(tx: Executor, now: Date, documentSecret?: string): Promise<void> {
  const candidates = await pickLetters(tx, now);
  const letters = candidates.map((c) => letterOf(c));
  await newLetters(tx, numbered(letters));
  await tx.execute(sql`
    insert into letter_counters (unit_id, year, kind, last_number)
    select issuing_unit_id, year, 'GGT', max(number) from introduction_letters group by 1, 2`);
  if (documentSecret) await signLetters(tx, documentSecret, sql`l.number is not null`);
}

async function pickLetters(tx: Executor, now: Date): Promise<Candidate[]> {
  const at = now.toISOString();
  const committee = sql`(select a.id from org_units a where a.path @> c.path and a.id <> c.id
    and a.type not in ('residential_cell', 'workplace_cell') order by a.depth desc limit 1)`;
  const signer = sql`coalesce(
    (select u.display_name from role_grants rg join users u on u.id = rg.user_id
      where rg.unit_id = ${committee} and rg.role = 'committee_officer' and rg.position = 'secretary' limit 1),
    (${sql.raw(`array['${SIGNERS.join("','")}']`)})[1 + abs(hashtext(${committee}::text)) % ${SIGNERS.length}])`;
  const working = sql`${isValue(sql`m.status`, activeMemberStatus)} and c.type = 'workplace_cell' and m.category <> 'not_introduced' and m.residence_commune_id is not null`;
  const bucket = sql`(abs(hashtext(m.card_number)) % 10)`;
  const columns = sql`m.id as member_id, ${committee} as committee, m.residence_commune_id, m.residence_area_id,
    m.residence_street, case when m.category = 'exempt' then m.category_reason end as exempt, ${signer} as signer`;
  // Placed members: acknowledged letters issued 3 to 13 months ago (bucket -1).
  const placed = await tx.execute(sql`
    select ${columns}, m.residence_cell_id, ${vnYearOf(sql`d.issued`)} as year, d.issued, -1 as bucket
    from members m join org_units c on c.id = m.cell_id
    cross join lateral (select ${at}::timestamptz - (90 + abs(hashtext(m.card_number || 'd')) % 300) * interval '1 day' as issued) d
    where ${working} and m.residence_cell_id is not null`);
  // Not yet placed: issued (0–2, bucket 2 overdue), received (3–4), rejected (5), none (6–9).
  const waiting = await tx.execute(sql`
    select ${columns}, null::uuid as residence_cell_id, ${vnYearOf(sql`d.issued`)} as year, d.issued, ${bucket} as bucket
    from members m join org_units c on c.id = m.cell_id
    cross join lateral (select ${at}::timestamptz - (case when ${bucket} = 2 then 20 else 1 + ${bucket} * 3 end) * interval '1 day' as issued) d
    where ${working} and m.residence_cell_id is null and ${bucket} <= 5
      -- The demo story: the power company's members living in Thành Vinh wait to be introduced, so
      -- workplace.officer and commune.officer can walk the whole hand-off with the demo accounts.
      and not (${committee} = (select id from org_units where code = 'NA-PCNA')
        and m.residence_commune_id = (select id from org_units where code = 'NA-TVINH'))`);
  return [placed, waiting].flatMap((r) => (r as unknown as { rows: Candidate[] }).rows);
}

function letterOf(c: Candidate): LetterInput {
  const issued = new Date(c.issued);
  const after = (days: number) => new Date(issued.getTime() + days * DAY);
  const common = {
    id: randomUUID(),
    memberId: c.member_id,
    issuingUnitId: c.committee,
    receivingCommuneId: c.residence_commune_id,
    residenceCellId: c.residence_cell_id,
    residenceAreaId: c.residence_area_id,
    residenceStreet: c.residence_street,
    exempt: c.exempt,
    year: Number(c.year),
    issuedAt: issued,
    signerName: c.signer,
    signerPosition: 'secretary' as const,
    verificationCode: null,
  };
  const b = Number(c.bucket);
  if (b < 0)
    return {
      ...common,
      status: transitionFor('acknowledge').to,
      receivedAt: after(4),
      placedAt: after(6),
      acknowledgedAt: after(11),
      createdAt: after(-2),
      updatedAt: after(11),
    };
  const status: LetterStatus = transitionFor(b <= 2 ? 'issue' : b <= 4 ? 'receive' : 'reject').to;
  return {
    ...common,
    status,
    receivedAt: b >= 3 && b <= 4 ? after(3) : null,
    placedAt: null,
    acknowledgedAt: null,
    rejectedAt: b === 5 ? after(5) : null,
    rejectReason: b === 5 ? 'wrong_address' : null,
    rejectNote: b === 5 ? 'Không có số nhà này trên địa bàn khối' : null,
    createdAt: after(-1),
    updatedAt: issued,
  };
}

/** Numbers per committee per year in issue order (ties by id, as the letters' keys sort). */
function numbered(letters: LetterInput[]): LetterInput[] {
  const sorted = [...letters].sort(
    (a, b) => a.issuedAt!.getTime() - b.issuedAt!.getTime() || (a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0),
  );
  const last = new Map<string, number>();
  return sorted.map((l) => {
    const key = `${l.issuingUnitId}/${l.year}`;
    const number = (last.get(key) ?? 0) + 1;
    last.set(key, number);
    return { ...l, number };
  });
}
