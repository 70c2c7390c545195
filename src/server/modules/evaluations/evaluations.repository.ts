import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { searchMembersAs } from '../../db/member-sql';
import { isNotValue, oneOf } from '../../db/sql-values';
import {
  cancelledStatus,
  residenceOpenStatuses,
  type DisputeStatus,
  type EvaluationStatus,
} from '../../../shared/rules/evaluation';
import type { Evidence, RaisedFlag } from '../../../shared/rules/evaluation-rules';
import type { Actor } from '../../http/actor';
import { evaluationActScope, evaluationReadScope } from './evaluations.access';

/** Queries over evaluations (alias e), their members (m) and current versions (v). Rows only, no rules. */

export const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

export interface EvaluationRow {
  id: string;
  memberId: string;
  fullName: string;
  cardNumber: string;
  sortKey: string;
  year: number;
  kind: 'yearly' | 'on_demand';
  purpose: string | null;
  purposeNote: string | null;
  requestedByMember: boolean;
  ruleSetCode: string;
  formKind: 'full' | 'exempt';
  status: EvaluationStatus;
  version: number;
  workplaceUnitId: string;
  workplaceUnitName: string;
  communeId: string;
  communeName: string;
  cellId: string | null;
  cellName: string | null;
  dueDate: string;
  requestedAt: Date;
  signedAt: Date | null;
  confirmedAt: Date | null;
  deliveredAt: Date | null;
  releasedAt: Date | null;
  returnReason: string | null;
  cancelReason: string | null;
  proposal: string | null;
  proposalAnswer: string | null;
  proposalAnswerNote: string | null;
  verificationCode: string | null;
  selfReported: boolean;
  frontSigned: boolean;
  flags: RaisedFlag[];
  // what the actor is to this evaluation
  asWorkplace: boolean;
  asCommune: boolean;
  asCell: boolean;
  asFront: boolean;
  asMember: boolean;
}

export interface VersionRow {
  version: number;
  ratings: Record<string, string>;
  justifications: Record<string, string>;
  otherComments: string | null;
  flags: RaisedFlag[];
  evidence: Evidence | null;
  jointMeetingOn: string | null;
  jointMeetingParticipants: string | null;
  frontSignerName: string | null;
  frontSignedAt: Date | null;
  signerName: string | null;
  signedAt: Date | null;
  confirmerName: string | null;
  confirmedAt: Date | null;
  openedReason: string | null;
  createdAt: Date;
}

export function rowColumns(actor: Actor): SQL {
  return sql`e.id, e.member_id as "memberId", m.full_name as "fullName", m.card_number as "cardNumber", m.sort_key as "sortKey",
    e.year, e.kind, e.purpose, e.purpose_note as "purposeNote", e.requested_by_member as "requestedByMember",
    e.rule_set_code as "ruleSetCode", e.form_kind as "formKind", e.status, e.version,
    e.workplace_unit_id as "workplaceUnitId", wu.name as "workplaceUnitName", e.commune_id as "communeId", cu.name as "communeName",
    e.cell_id as "cellId", cl.name as "cellName", to_char(e.due_date, 'YYYY-MM-DD') as "dueDate", e.requested_at as "requestedAt",
    e.signed_at as "signedAt", e.confirmed_at as "confirmedAt", e.delivered_at as "deliveredAt", e.released_at as "releasedAt",
    e.return_reason as "returnReason", e.cancel_reason as "cancelReason", e.proposal, e.proposal_answer as "proposalAnswer",
    e.proposal_answer_note as "proposalAnswerNote", e.verification_code as "verificationCode",
    exists (select 1 from self_reports s where s.member_id = e.member_id and s.year = e.year and s.submitted_at is not null) as "selfReported",
    (v.front_signed_at is not null) as "frontSigned", v.flags,
    ${evaluationActScope(actor, 'workplace')} as "asWorkplace", ${evaluationActScope(actor, 'commune')} as "asCommune",
    ${evaluationActScope(actor, 'cell')} as "asCell", ${evaluationActScope(actor, 'front')} as "asFront",
    ${evaluationActScope(actor, 'member')} as "asMember"`;
}

export const rowFrom = sql`from evaluations e
  join members m on m.id = e.member_id
  join evaluation_versions v on v.evaluation_id = e.id and v.version = e.version
  join org_units wu on wu.id = e.workplace_unit_id
  join org_units cu on cu.id = e.commune_id
  left join org_units cl on cl.id = e.cell_id`;

export async function loadRows(
  db: Executor,
  actor: Actor,
  ids: string[],
  lock = false,
): Promise<EvaluationRow[]> {
  if (ids.length === 0) return [];
  return queryRows<EvaluationRow>(
    db,
    sql`select ${rowColumns(actor)} ${rowFrom} where e.id = any(${uuidArray(ids)}) and ${evaluationReadScope(actor)}
        order by m.sort_key collate "C", e.id ${lock ? sql`for update of e` : sql``}`,
  );
}

export const versionColumns = sql`v.version, v.ratings, v.justifications, v.other_comments as "otherComments", v.flags, v.evidence,
  to_char(v.joint_meeting_on, 'YYYY-MM-DD') as "jointMeetingOn", v.joint_meeting_participants as "jointMeetingParticipants",
  v.front_signer_name as "frontSignerName", v.front_signed_at as "frontSignedAt", v.signer_name as "signerName", v.signed_at as "signedAt",
  v.confirmer_name as "confirmerName", v.confirmed_at as "confirmedAt", v.opened_reason as "openedReason", v.created_at as "createdAt"`;

export async function loadVersion(
  db: Executor,
  evaluationId: string,
  version: number,
): Promise<VersionRow | null> {
  const [row] = await queryRows<VersionRow>(
    db,
    sql`select ${versionColumns} from evaluation_versions v where v.evaluation_id = ${evaluationId} and v.version = ${version}`,
  );
  return row ?? null;
}

/** The last version released to the member (confirmed before the comment's latest release), if any. */
export async function lastReleasedVersion(
  db: Executor,
  evaluationId: string,
  releasedAt: Date | string | null,
): Promise<number | null> {
  if (!releasedAt) return null;
  const [row] = await queryRows<{ version: number | null }>(
    db,
    sql`select max(v.version)::int as version from evaluation_versions v
        where v.evaluation_id = ${evaluationId} and v.confirmed_at is not null and v.confirmed_at <= ${new Date(releasedAt).toISOString()}::timestamptz`,
  );
  return row?.version ?? null;
}

export function listVersions(db: Executor, evaluationId: string) {
  return queryRows<{
    version: number;
    signedAt: Date | null;
    confirmedAt: Date | null;
    openedReason: string | null;
  }>(
    db,
    sql`select v.version, v.signed_at as "signedAt", v.confirmed_at as "confirmedAt", v.opened_reason as "openedReason"
        from evaluation_versions v where v.evaluation_id = ${evaluationId} order by v.version`,
  );
}

export function listDisputes(db: Executor, evaluationId: string) {
  return queryRows<{
    id: string;
    version: number;
    reason: string;
    openedAt: Date;
    status: DisputeStatus;
    dialogueOn: string | null;
    dialogueParticipants: string | null;
    dialogueNotes: string | null;
    outcome: 'upheld' | 'revised' | null;
    closedAt: Date | null;
  }>(
    db,
    sql`select d.id, d.version, d.reason, d.opened_at as "openedAt", d.status, to_char(d.dialogue_on, 'YYYY-MM-DD') as "dialogueOn",
          d.dialogue_participants as "dialogueParticipants", d.dialogue_notes as "dialogueNotes", d.outcome, d.closed_at as "closedAt"
        from evaluation_disputes d where d.evaluation_id = ${evaluationId} order by d.opened_at`,
  );
}

export async function loadSelfReport(db: Executor, memberId: string, year: number) {
  const [row] = await queryRows<{
    year: number;
    duties: Record<string, string>;
    submittedAt: Date | null;
    updatedAt: Date | null;
  }>(
    db,
    sql`select year, duties, submitted_at as "submittedAt", updated_at as "updatedAt" from self_reports where member_id = ${memberId} and year = ${year}`,
  );
  return row ?? null;
}

/** Does the cell have a Front head account? Then the Front head co-signs in the app (else on the minutes of the joint meeting). */
export async function cellHasFrontHead(db: Executor, cellId: string): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select exists (select 1 from role_grants rg join users u on u.id = rg.user_id
          where rg.role = 'front_head' and rg.unit_id = ${cellId} and rg.revoked_at is null and u.is_active) as ok`,
  );
  return row!.ok;
}

/** Users acting for units, for notifications (officers on communes/workplaces, secretaries and Front heads on cells). */
export function usersWithRoleOn(
  db: Executor,
  role: 'committee_officer' | 'cell_secretary' | 'front_head',
  unitIds: string[],
) {
  if (unitIds.length === 0) return Promise.resolve([] as { unitId: string; userId: string }[]);
  return queryRows<{ unitId: string; userId: string }>(
    db,
    sql`select distinct rg.unit_id as "unitId", rg.user_id as "userId" from role_grants rg join users u on u.id = rg.user_id
        where rg.role = ${role} and rg.revoked_at is null and u.is_active and rg.unit_id = any(${uuidArray([...new Set(unitIds)])})`,
  );
}

/** Name (diacritics ignored, word prefixes: "tran thi" finds "Trần Thị Bình") or card-number prefix, over alias m. */
export function memberSearch(q: string | undefined): SQL | null {
  return searchMembersAs('m', q) ?? null;
}

/**
 * One notification per person and kind: someone acting for several units (two cells, a commune and its
 * cell) gets one message whose `count` is the sum, with the link given.
 */
export function perPerson<
  T extends { userId: string; kind: string; params: Record<string, string | number | null> },
>(items: T[], link: string) {
  const merged = new Map<string, T & { link: string }>();
  for (const n of items) {
    const key = `${n.userId}|${n.kind}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...n, params: { ...n.params }, link });
    else seen.params.count = Number(seen.params.count ?? 0) + Number(n.params.count ?? 0);
  }
  return [...merged.values()];
}

/** One side's work list (`filters` over e, m and v), keyset-paged in Vietnamese name order (one row more than `limit`). */
export function listEvaluationRows(
  db: Executor,
  actor: Actor,
  q: {
    filters: SQL[];
    overdueBefore?: string;
    flagged?: boolean;
    q?: string;
    cursor: { k: string; id: string } | null;
    limit: number;
  },
) {
  const filters = [...q.filters];
  if (q.overdueBefore)
    filters.push(
      sql`${oneOf(sql`e.status`, residenceOpenStatuses)} and e.due_date < ${q.overdueBefore}::date`,
    );
  if (q.flagged) filters.push(sql`jsonb_array_length(v.flags) > 0`);
  if (q.q) {
    const cond = memberSearch(q.q);
    if (cond) filters.push(cond);
  }
  if (q.cursor)
    filters.push(sql`(m.sort_key collate "C", e.id) > (${q.cursor.k} collate "C", ${q.cursor.id}::uuid)`);
  return queryRows<EvaluationRow>(
    db,
    sql`select ${rowColumns(actor)} ${rowFrom} where ${sql.join(filters, sql` and `)}
        order by m.sort_key collate "C", e.id limit ${q.limit + 1}`,
  );
}

/** A member's evaluations of the year, cancelled ones left out, the latest first. */
export function memberEvaluationRows(db: Executor, actor: Actor, memberId: string, year: number) {
  return queryRows<EvaluationRow>(
    db,
    sql`select ${rowColumns(actor)} ${rowFrom} where e.member_id = ${memberId} and e.year = ${year} and ${isNotValue(sql`e.status`, cancelledStatus)}
        order by e.requested_at desc`,
  );
}

/** The rule set of the member's latest evaluation of the year, if any. */
export async function latestRuleSetCodeOfMember(
  db: Executor,
  memberId: string,
  year: number,
): Promise<string | undefined> {
  const [row] = await queryRows<{ ruleSetCode: string }>(
    db,
    sql`select rule_set_code as "ruleSetCode" from evaluations where member_id = ${memberId} and year = ${year} order by requested_at desc limit 1`,
  );
  return row?.ruleSetCode;
}

export async function memberStanding(db: Executor, memberId: string) {
  const [m] = await queryRows<{ status: string; category: string; communeId: string | null }>(
    db,
    sql`select status, category, residence_commune_id as "communeId" from members where id = ${memberId}`,
  );
  return m;
}

/** The workplace's Reg. 366 score of the member for the year, if entered. */
export async function classificationScore(
  db: Executor,
  memberId: string,
  year: number,
): Promise<number | undefined> {
  const [c] = await queryRows<{ score: number }>(
    db,
    sql`select score::float8 as score from workplace_classifications where member_id = ${memberId} and year = ${year}`,
  );
  return c?.score;
}
