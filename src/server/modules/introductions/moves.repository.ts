import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import type { MyResidence, ReportMoveBody } from '../../../shared/contracts/introductions';
import { literal } from '../../db/sql-values';
import type { LetterStatus } from '../../../shared/rules/introduction-letter';
import { exemptTextSql } from './letters.repository';

/** The member's moves of residence (Art. 2.7) and their own residence page. No rules here. */

export async function insertMove(
  tx: Executor,
  row: {
    memberId: string;
    from: { communeId: string | null; cellId: string | null; areaId: string | null; street: string | null };
    body: ReportMoveBody;
    reportedBy: string;
    at: Date;
  },
): Promise<string> {
  const { from, body } = row;
  const [move] = await queryRows<{ id: string }>(
    tx,
    sql`insert into residence_moves (member_id, moved_on, from_commune_id, from_cell_id, from_area_id, from_street,
          to_commune_id, to_area_id, to_street, reported_by, created_at)
        values (${row.memberId}, ${body.movedOn}::date, ${from.communeId}, ${from.cellId}, ${from.areaId}, ${from.street},
          ${body.residenceCommuneId}, ${body.residenceAreaId ?? null}, ${body.residenceStreet}, ${row.reportedBy}, ${row.at.toISOString()}::timestamptz)
        returning id`,
  );
  return move!.id;
}

/** The new residence replaces the old; the open residence-cell membership closes on the move's date (never before it began). */
export async function moveResidence(tx: Executor, memberId: string, body: ReportMoveBody, at: Date) {
  await tx.execute(sql`update members set residence_commune_id = ${body.residenceCommuneId}, residence_area_id = ${body.residenceAreaId ?? null},
      residence_street = ${body.residenceStreet}, residence_province = coalesce(${body.residenceProvince ?? null}, residence_province),
      residence_cell_id = null, updated_at = ${at.toISOString()}::timestamptz where id = ${memberId}`);
  await tx.execute(sql`update unit_memberships set valid_to = greatest(valid_from, ${body.movedOn}::date)
      where member_id = ${memberId} and kind = 'residence_cell' and valid_to is null`);
}

/**
 * A letter to the new commune, with `status` (a draft), for a member to be introduced who has no open letter
 * (else none: the unique index); it becomes their current letter and the move's draft.
 */
export async function insertMoveDraft(
  tx: Executor,
  row: {
    moveId: string;
    memberId: string;
    issuingUnitId: string;
    body: ReportMoveBody;
    previousLetterId: string | null;
    createdBy: string;
    status: LetterStatus;
    at: Date;
  },
): Promise<string | null> {
  const now = row.at.toISOString();
  const [draft] = await queryRows<{ id: string }>(
    tx,
    sql`insert into introduction_letters (member_id, issuing_unit_id, receiving_commune_id, residence_area_id, residence_street, exempt,
          previous_letter_id, created_by, status, created_at, updated_at)
        select m.id, ${row.issuingUnitId}, ${row.body.residenceCommuneId}, ${row.body.residenceAreaId ?? null}, ${row.body.residenceStreet},
          ${exemptTextSql('m')}, ${row.previousLetterId}, ${row.createdBy}, ${literal(row.status)},
          ${now}::timestamptz, ${now}::timestamptz
        from members m where m.id = ${row.memberId} and m.category <> 'not_introduced'
        on conflict do nothing returning id`,
  );
  if (draft)
    await tx.execute(
      sql`update members set current_letter_id = ${draft.id}, updated_at = ${now}::timestamptz where id = ${row.memberId}`,
    );
  await tx.execute(
    sql`update residence_moves set draft_letter_id = ${draft?.id ?? null} where id = ${row.moveId}`,
  );
  return draft?.id ?? null;
}

/** The member's residence, with the status of their current letter. */
export async function findMyResidence(db: Executor, memberId: string) {
  const [m] = await queryRows<{
    id: string;
    fullName: string;
    category: MyResidence['category'];
    residenceCommuneId: string | null;
    residenceCellId: string | null;
    street: string | null;
    areaName: string | null;
    communeName: string | null;
    letterStatus: LetterStatus | null;
    currentLetterId: string | null;
  }>(
    db,
    sql`select m.id, m.full_name as "fullName", m.category, m.residence_commune_id as "residenceCommuneId",
          m.residence_cell_id as "residenceCellId", m.residence_street as street, a.name as "areaName", rc.name as "communeName",
          l.status as "letterStatus", m.current_letter_id as "currentLetterId"
        from members m left join residential_areas a on a.id = m.residence_area_id
        left join org_units rc on rc.id = m.residence_commune_id
        left join introduction_letters l on l.id = m.current_letter_id
        where m.id = ${memberId}`,
  );
  return m;
}

/** The member's moves, newest first, with the names of both places. */
export function movesOf(db: Executor, memberId: string) {
  return queryRows<{
    id: string;
    movedOn: string;
    fromStreet: string | null;
    fromArea: string | null;
    fromCommune: string | null;
    fromCellName: string | null;
    toStreet: string | null;
    toArea: string | null;
    toCommune: string;
    draftLetterId: string | null;
    createdAt: string;
  }>(
    db,
    sql`select mv.id, mv.moved_on::text as "movedOn", mv.from_street as "fromStreet", fa.name as "fromArea", fc.name as "fromCommune",
          fcell.name as "fromCellName", mv.to_street as "toStreet", ta.name as "toArea", tc.name as "toCommune",
          mv.draft_letter_id as "draftLetterId", mv.created_at as "createdAt"
        from residence_moves mv left join residential_areas fa on fa.id = mv.from_area_id left join org_units fc on fc.id = mv.from_commune_id
        left join org_units fcell on fcell.id = mv.from_cell_id left join residential_areas ta on ta.id = mv.to_area_id
        join org_units tc on tc.id = mv.to_commune_id
        where mv.member_id = ${memberId} order by mv.created_at desc`,
  );
}

/** The member's residence cells over time, newest first. */
export function residenceCellHistory(db: Executor, memberId: string) {
  return queryRows<{ unitName: string; validFrom: string; validTo: string | null }>(
    db,
    sql`select u.name as "unitName", um.valid_from::text as "validFrom", um.valid_to::text as "validTo"
        from unit_memberships um join org_units u on u.id = um.unit_id
        where um.member_id = ${memberId} and um.kind = 'residence_cell' order by um.valid_from desc, um.created_at desc`,
  );
}
