import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { isActiveUnit, isValue, literal, oneOf } from '../../db/sql-values';
import type { LetterStatus } from '../../../shared/rules/introduction-letter';
import { sqlUuidArray } from './letters.repository';

/**
 * The updates of the letter workflow's steps (alias `l`). The services check the transition table and pass
 * its statuses in (`to`, `from`); nothing here decides a state.
 */

interface StepRow {
  id: string;
  unitId: string;
}

/** Art. 3.1: numbers (per issuing committee per year, in batch order), signs and sends the letters. */
export async function issueRows(
  tx: Executor,
  ids: string[],
  step: {
    to: LetterStatus;
    year: number;
    now: Date;
    userId: string;
    signerName: string;
    signerPosition: string | null;
  },
) {
  const idArray = sqlUuidArray(ids);
  const now = step.now.toISOString();
  await tx.execute(sql`insert into letter_counters (unit_id, year, kind, last_number)
      select issuing_unit_id, ${step.year}, 'GGT', count(*) from introduction_letters where id = any(${idArray}) group by issuing_unit_id
      on conflict (unit_id, year, kind) do update set last_number = letter_counters.last_number + excluded.last_number`);
  return queryRows<StepRow & { memberId: string; communeId: string; number: number }>(
    tx,
    sql`with numbered as (
            select l.id, ctr.last_number - count(*) over (partition by l.issuing_unit_id)
              + row_number() over (partition by l.issuing_unit_id order by l.created_at, m.sort_key collate "C", l.id) as n
            from introduction_letters l join members m on m.id = l.member_id
            join letter_counters ctr on ctr.unit_id = l.issuing_unit_id and ctr.year = ${step.year} and ctr.kind = 'GGT'
            where l.id = any(${idArray}))
          update introduction_letters l set status = ${literal(step.to)}, year = ${step.year}, number = numbered.n,
            issued_at = ${now}::timestamptz, issued_by = ${step.userId},
            signer_name = ${step.signerName}, signer_position = ${step.signerPosition}, updated_at = ${now}::timestamptz
          from numbered where l.id = numbered.id
          returning l.id, l.issuing_unit_id as "unitId", l.member_id as "memberId", l.receiving_commune_id as "communeId", l.number`,
  );
}

export function cancelRows(tx: Executor, ids: string[], to: LetterStatus, now: Date) {
  return queryRows<StepRow & { from: string; memberId: string }>(
    tx,
    sql`update introduction_letters l set status = ${literal(to)}, ended_at = ${now.toISOString()}::timestamptz,
          end_reason = 'cancelled', updated_at = ${now.toISOString()}::timestamptz
        from introduction_letters old where old.id = l.id and l.id = any(${sqlUuidArray(ids)})
        returning l.id, l.issuing_unit_id as "unitId", old.status as from, l.member_id as "memberId"`,
  );
}

/** Art. 4.1: received by the commune; only letters in `from` change. */
export function receiveRows(
  tx: Executor,
  ids: string[],
  step: { to: LetterStatus; from: readonly LetterStatus[] },
  now: Date,
) {
  return queryRows<StepRow>(
    tx,
    sql`update introduction_letters l set status = ${literal(step.to)}, received_at = ${now.toISOString()}::timestamptz,
          updated_at = ${now.toISOString()}::timestamptz
        where l.id = any(${sqlUuidArray(ids)}) and ${oneOf(sql`l.status`, step.from)}
        returning l.id, l.receiving_commune_id as "unitId"`,
  );
}

/** Placements whose cell is not an active residential cell inside the letter's receiving commune. */
export async function placementsOutsideCommune(
  tx: Executor,
  letterIds: string[],
  cellIds: string[],
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select p.letter_id as id from unnest(${sqlUuidArray(letterIds)}, ${sqlUuidArray(cellIds)}) as p(letter_id, cell_id)
        join introduction_letters l on l.id = p.letter_id join org_units rc on rc.id = l.receiving_commune_id
        left join org_units c on c.id = p.cell_id
        where c.id is null or c.type <> 'residential_cell' or not ${isActiveUnit(sql`c.status`)} or not (c.path <@ rc.path)`,
  );
  return rows.map((r) => r.id);
}

/** Art. 4.1: each letter (by position) placed in the cell at the same position of `cellIds`. */
export function placeRows(tx: Executor, letterIds: string[], cellIds: string[], to: LetterStatus, now: Date) {
  return queryRows<StepRow & { memberId: string; cellId: string; communeId: string }>(
    tx,
    sql`update introduction_letters l set status = ${literal(to)}, residence_cell_id = p.cell_id,
          placed_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
        from unnest(${sqlUuidArray(letterIds)}, ${sqlUuidArray(cellIds)}) as p(letter_id, cell_id)
        where l.id = p.letter_id
        returning l.id, l.receiving_commune_id as "unitId", l.member_id as "memberId", p.cell_id as "cellId", l.receiving_commune_id as "communeId"`,
  );
}

/** The members' residence cell follows the placement; the open residence-cell membership closes `today`, a new one opens. */
export async function moveMembersToCells(
  tx: Executor,
  placed: { memberId: string; cellId: string; communeId: string }[],
  today: string,
) {
  const memberIds = sqlUuidArray(placed.map((p) => p.memberId));
  const cellIds = sqlUuidArray(placed.map((p) => p.cellId));
  const communeIds = sqlUuidArray(placed.map((p) => p.communeId));
  await tx.execute(sql`update members m set residence_cell_id = p.cell_id, residence_commune_id = p.commune_id, updated_at = now()
    from unnest(${memberIds}, ${cellIds}, ${communeIds}) as p(member_id, cell_id, commune_id) where m.id = p.member_id`);
  await tx.execute(sql`update unit_memberships set valid_to = ${today}::date
    where kind = 'residence_cell' and valid_to is null and member_id = any(${memberIds})`);
  await tx.execute(sql`insert into unit_memberships (member_id, unit_id, kind, valid_from, note)
    select p.member_id, p.cell_id, 'residence_cell', ${today}::date, 'introduction'
    from unnest(${memberIds}, ${cellIds}) as p(member_id, cell_id)`);
}

export function rejectRows(
  tx: Executor,
  ids: string[],
  to: LetterStatus,
  why: { reason: string; note: string | null },
  now: Date,
) {
  return queryRows<StepRow & { from: string; memberId: string }>(
    tx,
    sql`update introduction_letters l set status = ${literal(to)}, rejected_at = ${now.toISOString()}::timestamptz,
          reject_reason = ${why.reason}, reject_note = ${why.note}, updated_at = ${now.toISOString()}::timestamptz
        from introduction_letters old where old.id = l.id and l.id = any(${sqlUuidArray(ids)})
        returning l.id, l.receiving_commune_id as "unitId", old.status as from, l.member_id as "memberId"`,
  );
}

export function acknowledgeRows(tx: Executor, ids: string[], to: LetterStatus, now: Date) {
  return queryRows<StepRow & { memberId: string; cellId: string }>(
    tx,
    sql`update introduction_letters l set status = ${literal(to)}, acknowledged_at = ${now.toISOString()}::timestamptz,
          updated_at = ${now.toISOString()}::timestamptz
        where l.id = any(${sqlUuidArray(ids)})
        returning l.id, l.residence_cell_id as "unitId", l.member_id as "memberId", l.residence_cell_id as "cellId"`,
  );
}

/** The rejected letter is replaced: it keeps its history, with the status `to`. */
export async function supersedeLetter(tx: Executor, id: string, to: LetterStatus, now: string) {
  const [old] = await queryRows<{
    memberId: string;
    issuingUnitId: string;
    exempt: string | null;
    batchId: string | null;
  }>(
    tx,
    sql`update introduction_letters set status = ${literal(to)}, updated_at = ${now}::timestamptz where id = ${id}
        returning member_id as "memberId", issuing_unit_id as "issuingUnitId", exempt, batch_id as "batchId"`,
  );
  return old!;
}

/** The member's actual residence as the workplace corrected it (a street left out keeps the old one). */
export async function correctResidence(
  tx: Executor,
  memberId: string,
  place: { communeId: string; areaId: string | null; street: string | null },
  now: string,
) {
  await tx.execute(sql`update members set residence_commune_id = ${place.communeId}, residence_area_id = ${place.areaId},
      residence_street = coalesce(${place.street}, residence_street), updated_at = ${now}::timestamptz where id = ${memberId}`);
}

/** The letter replacing `previousLetterId`, with the member's (corrected) street; it becomes their current letter. */
export async function insertResentLetter(
  tx: Executor,
  row: {
    memberId: string;
    issuingUnitId: string;
    communeId: string;
    areaId: string | null;
    exempt: string | null;
    previousLetterId: string;
    createdBy: string;
    status: LetterStatus;
    now: string;
  },
): Promise<string> {
  const [created] = await queryRows<{ id: string }>(
    tx,
    sql`insert into introduction_letters (member_id, issuing_unit_id, receiving_commune_id, residence_area_id, residence_street,
          exempt, previous_letter_id, created_by, status, created_at, updated_at)
        select ${row.memberId}, ${row.issuingUnitId}, ${row.communeId}, ${row.areaId}, m.residence_street,
          ${row.exempt}, ${row.previousLetterId}, ${row.createdBy}, ${literal(row.status)}, ${row.now}::timestamptz, ${row.now}::timestamptz
        from members m where m.id = ${row.memberId}
        returning id`,
  );
  await tx.execute(sql`update members set current_letter_id = ${created!.id} where id = ${row.memberId}`);
  return created!.id;
}

/**
 * Closes the member's letters in `open`: those in `cancelOnly` get `cancelled`, the others `ended`, with the
 * reason. Returns each letter's statuses before and after.
 */
export function endOpenLetters(
  tx: Executor,
  memberId: string,
  sets: {
    open: readonly LetterStatus[];
    cancelOnly: readonly LetterStatus[];
    cancelled: LetterStatus;
    ended: LetterStatus;
  },
  reason: string,
  now: Date,
) {
  return queryRows<StepRow & { from: LetterStatus; to: LetterStatus }>(
    tx,
    sql`update introduction_letters l set status = (case when ${oneOf(sql`old.status`, sets.cancelOnly)} then ${literal(sets.cancelled)}
          else ${literal(sets.ended)} end)::letter_status,
          ended_at = ${now.toISOString()}::timestamptz, end_reason = ${reason}, updated_at = ${now.toISOString()}::timestamptz
        from introduction_letters old
        where old.id = l.id and l.member_id = ${memberId} and ${oneOf(sql`l.status`, sets.open)}
        returning l.id, l.issuing_unit_id as "unitId", old.status as from, l.status as to`,
  );
}

/** Letters in `status` since before `before` and not yet reminded are marked reminded now; returns them with their commune. */
export function markReminded(tx: Executor, status: LetterStatus, before: string, now: Date) {
  return queryRows<{ id: string; communeId: string }>(
    tx,
    sql`update introduction_letters l set reminder_sent_at = ${now.toISOString()}::timestamptz
        where ${isValue(sql`l.status`, status)} and l.reminder_sent_at is null and l.issued_at < ${before}::timestamptz
        returning l.id, l.receiving_commune_id as "communeId"`,
  );
}
