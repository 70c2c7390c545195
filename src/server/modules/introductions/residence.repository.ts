import { sql, type SQL } from 'drizzle-orm';
import { openRequestStatuses } from '../../../shared/rules/introduction-request';
import { queryRows, type Executor } from '../../db/client';
import { isActiveUnit, oneOf } from '../../db/sql-values';
import { committeeOfCell } from '../../db/ltree';

/**
 * Natural keys of notices and "known here, no letter" requests (issue 12, decision 0012): a second identical
 * create answers the first record; the same key with different content is a conflict. These look the first
 * one up, with the columns a resend must repeat.
 */

export interface NoticeKeyRow {
  id: string;
  periodFrom: string | null;
  periodTo: string | null;
  newJobTitle: string | null;
  newCellId: string | null;
  note: string | null;
  issuingUnitId: string;
}

/** The notice of this kind for this member on this date (index residence_notices_natural_key). */
export async function findNoticeByKey(
  db: Executor,
  key: { memberId: string; kind: string; effectiveDate: string },
): Promise<NoticeKeyRow | null> {
  const [row] = await queryRows<NoticeKeyRow>(
    db,
    sql`select id, period_from::text as "periodFrom", period_to::text as "periodTo", new_job_title as "newJobTitle",
          new_cell_id as "newCellId", note, issuing_unit_id as "issuingUnitId"
        from residence_notices where member_id = ${key.memberId} and kind = ${key.kind} and effective_date = ${key.effectiveDate}::date`,
  );
  return row ?? null;
}

export interface RequestKeyRow {
  id: string;
  workplaceUnitId: string;
  workplaceUnitName: string;
  fullName: string;
  dateOfBirth: string | null;
  cardNumber: string | null;
  phone: string | null;
  residenceAreaId: string | null;
  residenceStreet: string | null;
  note: string | null;
}

/**
 * The open request of a commune for this person: by card number when one is given (index
 * introduction_requests_one_open), else by name and date of birth asked of the same workplace
 * (introduction_requests_one_open_by_name).
 */
export async function findOpenRequestByKey(
  db: Executor,
  key: {
    communeId: string;
    workplaceUnitId: string;
    cardNumber: string | null;
    fullName: string;
    dateOfBirth: string | null;
  },
): Promise<RequestKeyRow | null> {
  const match = key.cardNumber
    ? sql`r.card_number = ${key.cardNumber}`
    : sql`r.card_number is null and r.workplace_unit_id = ${key.workplaceUnitId} and lower(r.full_name) = lower(${key.fullName})
          and coalesce(r.date_of_birth, '0001-01-01'::date) = coalesce(${key.dateOfBirth}::date, '0001-01-01'::date)`;
  const [row] = await queryRows<RequestKeyRow>(
    db,
    sql`select r.id, r.workplace_unit_id as "workplaceUnitId", w.name as "workplaceUnitName", r.full_name as "fullName",
          r.date_of_birth::text as "dateOfBirth", r.card_number as "cardNumber", r.phone, r.residence_area_id as "residenceAreaId",
          r.residence_street as "residenceStreet", r.note
        from introduction_requests r join org_units w on w.id = r.workplace_unit_id
        where r.commune_id = ${key.communeId} and ${oneOf(sql`r.status`, openRequestStatuses)} and ${match}`,
  );
  return row ?? null;
}

export interface MemberStateRow {
  id: string;
  fullName: string;
  status: string;
  cellId: string;
  committeeId: string;
  committeeName: string;
  committeePath: string;
  residenceCommuneId: string | null;
  residenceCellId: string | null;
  residenceAreaId: string | null;
  residenceStreet: string | null;
  currentLetterId: string | null;
  inScope: boolean;
}

/** The member with their workplace committee, locked; `inScope` says whether they meet `scope`. */
export async function lockMemberRow(
  tx: Executor,
  memberId: string,
  scope: SQL,
): Promise<MemberStateRow | undefined> {
  const [m] = await queryRows<MemberStateRow>(
    tx,
    sql`select m.id, m.full_name as "fullName", m.status, m.cell_id as "cellId", w.id as "committeeId", w.name as "committeeName",
          w.path::text as "committeePath",
          m.residence_commune_id as "residenceCommuneId", m.residence_cell_id as "residenceCellId",
          m.residence_area_id as "residenceAreaId", m.residence_street as "residenceStreet",
          m.current_letter_id as "currentLetterId", ${scope} as "inScope"
        from members m join org_units c on c.id = m.cell_id
        join org_units w on w.id = ${committeeOfCell(sql`c`)}
        where m.id = ${memberId} for update of m`,
  );
  return m;
}

/** The unit named as a commune: whether it is an active commune (or district), and whether the area lies in it. */
export async function findCommuneWithArea(
  tx: Executor,
  communeId: string,
  areaId: string | null | undefined,
) {
  const [c] = await queryRows<{ ok: boolean; areaOk: boolean; name: string }>(
    tx,
    sql`select (c.type in ('commune_committee', 'district_committee') and ${isActiveUnit(sql`c.status`)}) as ok, c.name,
          ${areaId ? sql`exists (select 1 from residential_areas a where a.id = ${areaId} and a.commune_unit_id = c.id)` : sql`true`} as "areaOk"
        from org_units c where c.id = ${communeId}`,
  );
  return c;
}
