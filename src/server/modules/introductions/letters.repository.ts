import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import type { LetterStatus } from '../../../shared/rules/introduction-letter';
import { foldVietnamese } from '../../../shared/rules/vietnamese-name';
import { isActiveUnit, isValue, oneOf } from '../../db/sql-values';

/** Queries for introduction letters (alias `l`). No rules here: the services decide. */

export interface LetterRow {
  id: string;
  status: LetterStatus;
  year: number | null;
  number: number | null;
  memberId: string;
  memberName: string;
  memberCardNumber: string;
  memberSortKey: string;
  issuingUnitId: string;
  issuingUnitName: string;
  issuingUnitPath: string;
  receivingCommuneId: string;
  receivingCommuneName: string;
  receivingCommunePath: string;
  residenceCellId: string | null;
  residenceCellName: string | null;
  suggestedCellId: string | null;
  suggestedCellName: string | null;
  areaName: string | null;
  residenceStreet: string | null;
  exempt: string | null;
  batchId: string | null;
  previousLetterId: string | null;
  verificationCode: string | null;
  signerName: string | null;
  signerPosition: string | null;
  issuedAt: Date | null;
  receivedAt: Date | null;
  placedAt: Date | null;
  acknowledgedAt: Date | null;
  rejectedAt: Date | null;
  rejectReason: 'not_our_area' | 'wrong_address' | 'other' | null;
  rejectNote: string | null;
  endedAt: Date | null;
  endReason: string | null;
  createdAt: Date;
}

/** Columns of a letter with the names a person reads; `suggested` is the cell serving the member's area. */
const letterSelect = sql`
  select l.id, l.status, l.year, l.number, l.member_id as "memberId", m.full_name as "memberName",
    m.card_number as "memberCardNumber", m.sort_key as "memberSortKey",
    l.issuing_unit_id as "issuingUnitId", iu.name as "issuingUnitName", iu.path::text as "issuingUnitPath",
    l.receiving_commune_id as "receivingCommuneId", rc.name as "receivingCommuneName", rc.path::text as "receivingCommunePath",
    l.residence_cell_id as "residenceCellId", cell.name as "residenceCellName",
    sug.id as "suggestedCellId", sug.name as "suggestedCellName",
    area.name as "areaName", l.residence_street as "residenceStreet", l.exempt, l.batch_id as "batchId",
    l.previous_letter_id as "previousLetterId", l.verification_code as "verificationCode",
    l.signer_name as "signerName", l.signer_position as "signerPosition",
    l.issued_at as "issuedAt", l.received_at as "receivedAt", l.placed_at as "placedAt",
    l.acknowledged_at as "acknowledgedAt", l.rejected_at as "rejectedAt", l.reject_reason as "rejectReason",
    l.reject_note as "rejectNote", l.ended_at as "endedAt", l.end_reason as "endReason", l.created_at as "createdAt"
  from introduction_letters l
  join members m on m.id = l.member_id
  join org_units iu on iu.id = l.issuing_unit_id
  join org_units rc on rc.id = l.receiving_commune_id
  left join org_units cell on cell.id = l.residence_cell_id
  left join residential_areas area on area.id = l.residence_area_id
  left join lateral (
    select s.id, s.name from org_units s
    where l.residence_cell_id is null and s.residential_area_id = l.residence_area_id and ${isActiveUnit(sql`s.status`)}
      and s.type = 'residential_cell' and s.path <@ rc.path
    limit 1
  ) sug on true`;

function toDates<T extends Record<string, unknown>>(row: T, keys: string[]): T {
  for (const k of keys) {
    const v = row[k];
    if (typeof v === 'string') (row as Record<string, unknown>)[k] = new Date(v);
  }
  return row;
}
const DATE_KEYS = [
  'issuedAt',
  'receivedAt',
  'placedAt',
  'acknowledgedAt',
  'rejectedAt',
  'endedAt',
  'createdAt',
];

export async function selectLetters(db: Executor, where: SQL[], tail: SQL = sql``): Promise<LetterRow[]> {
  const rows = await queryRows<LetterRow>(
    db,
    sql`${letterSelect} where ${where.length ? sql.join(where, sql` and `) : sql`true`} ${tail}`,
  );
  return rows.map((r) => toDates(r as unknown as Record<string, unknown>, DATE_KEYS) as unknown as LetterRow);
}

export async function findLetter(db: Executor, id: string, scope: SQL): Promise<LetterRow | undefined> {
  const rows = await selectLetters(db, [sql`l.id = ${id}`, scope]);
  return rows[0];
}

/** Lock the letters of a batch step and say, for each, whether the actor can see it and act on it. */
export async function lockLetters(tx: Executor, ids: string[], readScope: SQL, actScope: SQL) {
  return queryRows<{ id: string; status: LetterStatus; visible: boolean; allowed: boolean }>(
    tx,
    sql`select l.id, l.status, ${readScope} as visible, ${actScope} as allowed
        from introduction_letters l where l.id = any(${sqlUuidArray(ids)}) order by l.id for update`,
  );
}

export function sqlUuidArray(ids: string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

export function sqlTextArray(values: (string | null)[]): SQL {
  const literal = values.map((v) => (v === null ? 'NULL' : `"${v.replace(/(["\\])/g, '\\$1')}"`)).join(',');
  return sql`${`{${literal}}`}::text[]`;
}

/** Audit-log history of a letter, oldest first, with the actor's name. */
export function letterHistory(db: Executor, id: string) {
  return queryRows<{
    action: string;
    at: Date | string;
    actorName: string | null;
    after: Record<string, unknown> | null;
  }>(
    db,
    sql`select a.action, a.at, u.display_name as "actorName", a.after
        from audit_log a left join users u on u.id = a.actor_user_id
        where a.entity_type = 'introduction_letter' and a.entity_id = ${id} order by a.id`,
  );
}

export async function nextLetterId(db: Executor, id: string): Promise<string | null> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from introduction_letters where previous_letter_id = ${id} order by created_at desc limit 1`,
  );
  return rows[0]?.id ?? null;
}

/** Contact of residential cells: secretary, meeting place, Front head (Art. 4.2: the member knows whom to contact). */
export function cellContacts(db: Executor, cellIds: string[]) {
  if (cellIds.length === 0) return Promise.resolve([]);
  return queryRows<{
    cellId: string;
    cellName: string;
    communeName: string | null;
    meetingPlace: string | null;
    address: string | null;
    phone: string | null;
    secretaryName: string | null;
    secretaryPhone: string | null;
    frontHeadName: string | null;
    frontHeadPhone: string | null;
  }>(
    db,
    sql`select c.id as "cellId", c.name as "cellName", p.name as "communeName", c.meeting_place as "meetingPlace",
          c.address, c.phone, sec.display_name as "secretaryName", coalesce(sec.phone, c.phone) as "secretaryPhone",
          a.front_head_name as "frontHeadName", a.front_head_phone as "frontHeadPhone"
        from org_units c
        left join org_units p on p.id = c.parent_id
        left join residential_areas a on a.id = c.residential_area_id
        left join lateral (
          select u.display_name, u.phone from role_grants rg join users u on u.id = rg.user_id
          where rg.unit_id = c.id and rg.role = 'cell_secretary' and rg.revoked_at is null and u.is_active
          order by (rg.position = 'secretary') desc nulls last, rg.created_at limit 1
        ) sec on true
        where c.id = any(${sqlUuidArray(cellIds)})`,
  );
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Diacritic-insensitive word-prefix search on a member alias, or card-number prefix for digits. */
export function memberSearch(alias: string, q: string | undefined): SQL | undefined {
  const trimmed = q?.trim();
  if (!trimmed) return undefined;
  const m = sql.raw(alias);
  if (/^\d+$/.test(trimmed)) return sql`${m}.card_number like ${`${escapeLike(trimmed)}%`}`;
  const tokens = foldVietnamese(trimmed).split(' ').filter(Boolean).slice(0, 6);
  if (tokens.length === 0) return undefined;
  return sql`(${sql.join(
    tokens.map((t) => sql`${m}.search_name like ${`% ${escapeLike(t)}%`}`),
    sql` and `,
  )})`;
}

/** What the letter prints for an exempt member (Guide 33): the reason and the period. */
export function exemptTextSql(alias: string): SQL {
  const m = sql.raw(alias);
  return sql`case when ${m}.category = 'exempt' then concat_ws(' · ', ${m}.category_reason,
    to_char(${m}.exempt_from, 'DD/MM/YYYY') || ' – ' || coalesce(to_char(${m}.exempt_to, 'DD/MM/YYYY'), '…')) end`;
}

/** For each condition (named), whether the letter meets it: the sides the actor may act for. */
export async function letterMeets(
  db: Executor,
  id: string,
  conditions: Record<string, SQL>,
): Promise<Record<string, boolean>> {
  const cols = Object.entries(conditions).map(([name, cond]) => sql`${cond} as ${sql.identifier(name)}`);
  const [row] = await queryRows<Record<string, boolean>>(
    db,
    sql`select ${sql.join(cols, sql`, `)} from introduction_letters l where l.id = ${id}`,
  );
  return row ?? {};
}

/** The names a notice about a letter reads: member, issuing committee, receiving commune, cell, reject reason. */
export function letterNames(db: Executor, ids: string[]) {
  return queryRows<{
    id: string;
    issuingUnitId: string;
    cellId: string | null;
    member: string;
    issuer: string;
    commune: string;
    cell: string | null;
    reason: string | null;
  }>(
    db,
    sql`select l.id, l.issuing_unit_id as "issuingUnitId", l.residence_cell_id as "cellId", m.full_name as member,
          iu.name as issuer, rc.name as commune, c.name as cell, l.reject_reason::text as reason
        from introduction_letters l join members m on m.id = l.member_id join org_units iu on iu.id = l.issuing_unit_id
        join org_units rc on rc.id = l.receiving_commune_id left join org_units c on c.id = l.residence_cell_id
        where l.id = any(${sqlUuidArray(ids)})`,
  );
}

/** A page of letters (newest first, keyset on created_at and id) within `scope`, with the list's filters. */
export function letterPage(
  db: Executor,
  scope: SQL[],
  filter: {
    statuses?: readonly LetterStatus[];
    status?: string;
    communeId?: string;
    batchId?: string;
    /** letters waiting for receipt since before this instant */
    overdue?: { status: LetterStatus; before: string };
    q?: string;
    after?: { k: string; id: string };
    limit: number;
  },
): Promise<LetterRow[]> {
  const where = [...scope];
  if (filter.statuses) where.push(oneOf(sql`l.status`, filter.statuses));
  else if (filter.status) where.push(sql`l.status = ${filter.status}`);
  if (filter.communeId) where.push(sql`l.receiving_commune_id = ${filter.communeId}`);
  if (filter.batchId) where.push(sql`l.batch_id = ${filter.batchId}`);
  if (filter.overdue)
    where.push(
      sql`${isValue(sql`l.status`, filter.overdue.status)} and l.issued_at < ${filter.overdue.before}::timestamptz`,
    );
  const search = memberSearch('m', filter.q);
  if (search) where.push(search);
  if (filter.after)
    where.push(sql`(l.created_at, l.id) < (${filter.after.k}::timestamptz, ${filter.after.id}::uuid)`);
  return selectLetters(
    db,
    where.map((w) => sql`(${w})`),
    sql`order by l.created_at desc, l.id desc limit ${filter.limit + 1}`,
  );
}

/** `l.id` is one of `ids`. */
export function letterIdIn(ids: string[]): SQL {
  return sql`l.id = any(${sqlUuidArray(ids)})`;
}

/** The member's letters, newest first (at most 50). */
export function lettersOfMember(db: Executor, memberId: string): Promise<LetterRow[]> {
  return selectLetters(
    db,
    [sql`l.member_id = ${memberId}`],
    sql`order by l.created_at desc, l.id desc limit 50`,
  );
}
