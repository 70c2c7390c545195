import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { isActiveUnit, literal, oneOf } from '../../db/sql-values';
import type { CreateRequestBody, RequestItem } from '../../../shared/contracts/introductions';
import { openLetterStatuses } from '../../../shared/rules/introduction-letter';
import { openRequestStatuses, type RequestStatus } from '../../../shared/rules/introduction-request';
import { exemptTextSql } from './letters.repository';
import { committeeOfCell } from '../../db/ltree';
import { inSubtreeOfUnit } from '../../http/access';

/** The SQL of "known here, no letter" requests (requests.service.ts holds the rules). */

export async function findActiveUnit(db: Executor, id: string) {
  const [unit] = await queryRows<{ path: string; type: string; name: string }>(
    db,
    sql`select path::text as path, type, name from org_units where id = ${id} and ${isActiveUnit(sql`status`)}`,
  );
  return unit;
}

/** A card number found among workplace cells: the member and the committee that introduces them. */
export async function findWorkplaceMemberByCard(db: Executor, cardNumber: string) {
  const [match] = await queryRows<{ memberId: string; committeeId: string }>(
    db,
    sql`select m.id as "memberId", ${committeeOfCell(sql`c`)} as "committeeId"
        from members m join org_units c on c.id = m.cell_id where m.card_number = ${cardNumber} and c.type = 'workplace_cell'`,
  );
  return match;
}

/** An active committee that can introduce members (a workplace-side or territorial committee). */
export async function findIntroducingCommittee(db: Executor, id: string) {
  const [unit] = await queryRows<{ name: string }>(
    db,
    sql`select name from org_units where id = ${id} and ${isActiveUnit(sql`status`)}
        and type in ('workplace_committee', 'bloc_committee', 'province_committee', 'commune_committee', 'district_committee')`,
  );
  return unit;
}

/** The new request, or nothing when an open twin exists already (the natural keys of migration 0013). */
export async function insertRequest(
  db: Executor,
  row: {
    body: CreateRequestBody;
    workplaceUnitId: string;
    memberId: string | null;
    createdBy: string;
    at: Date;
  },
) {
  const { body } = row;
  const [created] = await queryRows<{ id: string }>(
    db,
    sql`insert into introduction_requests (commune_id, workplace_unit_id, member_id, full_name, date_of_birth, card_number, phone,
          residence_area_id, residence_street, note, created_by, created_at)
        values (${body.communeId}, ${row.workplaceUnitId}, ${row.memberId}, ${body.fullName}, ${body.dateOfBirth ?? null}::date,
          ${body.cardNumber ?? null}, ${body.phone ?? null}, ${body.residenceAreaId ?? null}, ${body.residenceStreet ?? null},
          ${body.note ?? null}, ${row.createdBy}, ${row.at.toISOString()}::timestamptz)
        on conflict do nothing returning id`,
  );
  return created;
}

export type RequestRow = Omit<RequestItem, 'residenceAddress'> & {
  street: string | null;
  areaName: string | null;
  residenceAreaId: string | null;
};

const requestSelect = sql`select r.id, r.status, r.commune_id as "communeId", co.name as "communeName", r.workplace_unit_id as "workplaceUnitId",
    w.name as "workplaceUnitName", r.member_id as "memberId", r.full_name as "fullName", r.date_of_birth::text as "dateOfBirth",
    r.card_number as "cardNumber", r.phone, r.residence_street as street, a.name as "areaName", r.note, r.decline_note as "declineNote",
    r.letter_id as "letterId", r.created_at as "createdAt", r.residence_area_id as "residenceAreaId"
  from introduction_requests r join org_units co on co.id = r.commune_id join org_units w on w.id = r.workplace_unit_id
  left join residential_areas a on a.id = r.residence_area_id`;

/** The side's column: the workplace answers requests addressed to it, the commune follows the ones it sent. */
export const requestSideColumn = (side: 'workplace' | 'commune'): SQL =>
  side === 'workplace' ? sql`r.workplace_unit_id` : sql`r.commune_id`;

export async function listRequests(
  db: Executor,
  query: {
    scope: SQL;
    side: 'workplace' | 'commune';
    unitId?: string;
    status?: RequestStatus;
    after?: { k: string; id: string };
    limit: number;
  },
) {
  const where: SQL[] = [query.scope];
  if (query.unitId) where.push(inSubtreeOfUnit(requestSideColumn(query.side), query.unitId));
  if (query.status) where.push(sql`r.status = ${query.status}`);
  if (query.after)
    where.push(sql`(r.created_at, r.id) < (${query.after.k}::timestamptz, ${query.after.id}::uuid)`);
  return queryRows<RequestRow>(
    db,
    sql`${requestSelect} where ${sql.join(
      where.map((w) => sql`(${w})`),
      sql` and `,
    )} order by r.created_at desc, r.id desc limit ${query.limit + 1}`,
  );
}

/** The request within `scope`, locked for its answer. */
export async function lockRequest(tx: Executor, id: string, scope: SQL) {
  const [r] = await queryRows<RequestRow>(
    tx,
    sql`${requestSelect} where r.id = ${id} and ${scope} for update of r`,
  );
  return r;
}

export async function hasOpenLetter(tx: Executor, memberId: string): Promise<boolean> {
  const [open] = await queryRows<{ id: string }>(
    tx,
    sql`select id from introduction_letters where member_id = ${memberId} and ${oneOf(sql`status`, openLetterStatuses)} limit 1`,
  );
  return !!open;
}

/** The residence the commune found replaces the member's; the old residence cell's membership ends (history kept). */
export async function moveResidenceToCommune(
  tx: Executor,
  memberId: string,
  found: { communeId: string; residenceAreaId: string | null; street: string | null },
  at: { now: Date; today: string },
) {
  await tx.execute(sql`update members set residence_commune_id = ${found.communeId}, residence_area_id = coalesce(${found.residenceAreaId}, residence_area_id),
    residence_street = coalesce(${found.street}, residence_street), residence_cell_id = null, updated_at = ${at.now.toISOString()}::timestamptz
    where id = ${memberId}`);
  await tx.execute(sql`update unit_memberships set valid_to = greatest(valid_from, ${at.today}::date)
    where member_id = ${memberId} and kind = 'residence_cell' and valid_to is null`);
}

/** A letter to the request's commune (a draft: the column's default) from the member's committee; it becomes the member's current letter. */
export async function insertDraftLetter(
  tx: Executor,
  row: {
    memberId: string;
    issuingUnitId: string;
    communeId: string;
    previousLetterId: string | null;
    createdBy: string;
    at: Date;
  },
): Promise<string> {
  const now = row.at.toISOString();
  const [letter] = await queryRows<{ id: string }>(
    tx,
    sql`insert into introduction_letters (member_id, issuing_unit_id, receiving_commune_id, residence_area_id, residence_street, exempt,
          previous_letter_id, created_by, created_at, updated_at)
        select m.id, ${row.issuingUnitId}, ${row.communeId}, m.residence_area_id, m.residence_street,
          ${exemptTextSql('m')}, ${row.previousLetterId}, ${row.createdBy}, ${now}::timestamptz, ${now}::timestamptz
        from members m where m.id = ${row.memberId} returning id`,
  );
  await tx.execute(sql`update members set current_letter_id = ${letter!.id} where id = ${row.memberId}`);
  return letter!.id;
}

/** Closes an open request with the transition's target status. */
export async function closeRequest(
  tx: Executor,
  id: string,
  to: RequestStatus,
  fields: { memberId?: string; letterId?: string; declineNote?: string; at: Date },
) {
  await tx.execute(sql`update introduction_requests set status = ${literal(to)},
      member_id = coalesce(${fields.memberId ?? null}::uuid, member_id), letter_id = coalesce(${fields.letterId ?? null}::uuid, letter_id),
      decline_note = coalesce(${fields.declineNote ?? null}, decline_note), closed_at = ${fields.at.toISOString()}::timestamptz
    where id = ${id} and ${oneOf(sql`status`, openRequestStatuses)}`);
}

export async function findRequestCreator(tx: Executor, id: string): Promise<string | null> {
  const [creator] = await queryRows<{ userId: string | null }>(
    tx,
    sql`select created_by as "userId" from introduction_requests where id = ${id}`,
  );
  return creator?.userId ?? null;
}
