import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { isActiveMember, isActiveUnit, literal, oneOf } from '../../db/sql-values';
import type { LetterStatus } from '../../../shared/rules/introduction-letter';
import { exemptTextSql, sqlUuidArray } from './letters.repository';
import { committeeOfCell } from '../../db/ltree';
import { pathUnderUnit } from './introductions.access';

/** Queries drafting a batch of letters (Art. 3.1): who could get one, the drafts, their communes. */

/** Whether the unit lies under one of `committeeIds` (null: every unit, for an administrator). */
export async function unitUnderCommittees(
  tx: Executor,
  unitId: string,
  committeeIds: string[] | null,
): Promise<boolean> {
  const [unit] = await queryRows<{ ok: boolean }>(
    tx,
    sql`select ${
      committeeIds === null
        ? sql`true`
        : sql`exists (select 1 from org_units g where g.id = any(${sqlUuidArray(committeeIds)}) and u.path <@ g.path)`
    } as ok from org_units u where u.id = ${unitId}`,
  );
  return !!unit?.ok;
}

export interface CandidateRow {
  id: string;
  fullName: string;
  status: string;
  category: string;
  isWorking: boolean;
  residenceCommuneId: string | null;
  communeName: string | null;
  hasOpenLetter: boolean;
  inScope: boolean;
  signable: boolean;
}

/**
 * The members picked (by id, or the active members of workplace cells under a unit), with what decides whether
 * they get a letter; `inScope` and `signable` are the caller's member scopes, `open` the open letter statuses.
 */
export function candidateRows(
  tx: Executor,
  pick: { memberIds?: string[]; unitId?: string },
  scopes: { inScope: SQL; signable: SQL; open: readonly LetterStatus[] },
): Promise<CandidateRow[]> {
  const where = pick.memberIds?.length
    ? sql`m.id = any(${sqlUuidArray(pick.memberIds)})`
    : sql`${pathUnderUnit(sql`c.path`, pick.unitId!)} and ${isActiveMember(sql`m.status`)} and c.type = 'workplace_cell'`;
  return queryRows<CandidateRow>(
    tx,
    sql`select m.id, m.full_name as "fullName", m.status, m.category, (c.type = 'workplace_cell') as "isWorking",
          m.residence_commune_id as "residenceCommuneId", rc.name as "communeName",
          exists (select 1 from introduction_letters x where x.member_id = m.id
            and ${oneOf(sql`x.status`, scopes.open)}) as "hasOpenLetter",
          ${scopes.inScope} as "inScope", ${scopes.signable} as signable
        from members m join org_units c on c.id = m.cell_id
        left join org_units rc on rc.id = m.residence_commune_id and ${isActiveUnit(sql`rc.status`)}
        where ${where}
        order by m.sort_key collate "C", m.id`,
  );
}

/**
 * One letter per member, from their committee to the commune of their actual residence, in name order; a member
 * who already has an open letter gets none (the unique index). The drafts become the members' current letters.
 */
export async function insertBatchDrafts(
  tx: Executor,
  batch: { batchId: string; memberIds: string[]; createdBy: string; status: LetterStatus; now: string },
) {
  const created = await queryRows<{ id: string; memberId: string; issuingUnitId: string }>(
    tx,
    sql`insert into introduction_letters (member_id, issuing_unit_id, receiving_commune_id, residence_area_id,
          residence_street, exempt, batch_id, created_by, status, created_at, updated_at)
        select m.id, ${committeeOfCell(sql`c`)}, m.residence_commune_id, m.residence_area_id, m.residence_street,
          ${exemptTextSql('m')},
          ${batch.batchId}, ${batch.createdBy}, ${literal(batch.status)}, ${batch.now}::timestamptz, ${batch.now}::timestamptz
        from members m join org_units c on c.id = m.cell_id
        where m.id = any(${sqlUuidArray(batch.memberIds)})
        order by m.sort_key collate "C", m.id
        on conflict do nothing
        returning id, member_id as "memberId", issuing_unit_id as "issuingUnitId"`,
  );
  await tx.execute(sql`update members m set current_letter_id = l.id from introduction_letters l
      where l.batch_id = ${batch.batchId} and m.id = l.member_id`);
  return created;
}

/** How many letters of the batch go to each commune, by commune name. */
export function batchByCommune(db: Executor, batchId: string) {
  return queryRows<{ communeId: string; communeName: string; count: number }>(
    db,
    sql`select l.receiving_commune_id as "communeId", rc.name as "communeName", count(*)::int as count
        from introduction_letters l join org_units rc on rc.id = l.receiving_commune_id
        where l.batch_id = ${batchId} group by 1, 2 order by 2`,
  );
}
