import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { isNotValue } from '../../db/sql-values';
import { vnDateOf } from '../../db/vietnam-calendar-sql';
import { cancelledStatus } from '../../../shared/rules/evaluation';
import type { RaisedFlag } from '../../../shared/rules/evaluation-rules';
import type { Actor } from '../../http/actor';
import { evaluationReadScope } from './evaluations.access';
import { rowColumns, rowFrom, uuidArray, type EvaluationRow } from './evaluations.repository';

/** The queries behind the printed evaluation forms (evaluation-print.service.ts). */

export interface PrintRow {
  id: string;
  year: number;
  kind: 'yearly' | 'on_demand';
  purpose: string | null;
  ruleSetCode: string;
  formKind: 'full' | 'exempt';
  verificationCode: string | null;
  fullName: string;
  dateOfBirth: string | null;
  workplaceCellName: string | null;
  workplaceCommitteeName: string;
  communeName: string;
  cellName: string | null;
  areaName: string | null;
  frontHeadName: string | null;
  street: string | null;
  residenceAreaName: string | null;
  residenceProvince: string | null;
  ratings: Record<string, string>;
  justifications: Record<string, string>;
  otherComments: string | null;
  flags: RaisedFlag[];
  /** meetings the cell held in the year, as the version's evidence counted them (null: not counted) */
  meetingsHeld: number | null;
  jointMeetingOn: string | null;
  jointMeetingParticipants: string | null;
  frontSignerName: string | null;
  frontSignedOn: string | null;
  signerName: string | null;
  signedOn: string | null;
  confirmerName: string | null;
  confirmerPosition: string | null;
  confirmedOn: string | null;
}

/** yyyy-mm-dd of a timestamp column on Vietnam's calendar. */
const vnDate = (column: string) => sql`to_char(${vnDateOf(sql.raw(column))}, 'YYYY-MM-DD')`;

/** What the paper needs beyond the list row, for evaluations already checked for access. */
export function printRows(db: Executor, ids: string[]): Promise<PrintRow[]> {
  return queryRows<PrintRow>(
    db,
    sql`select e.id, e.year, e.kind, e.purpose, e.rule_set_code as "ruleSetCode", e.form_kind as "formKind",
          e.verification_code as "verificationCode", m.full_name as "fullName", m.date_of_birth::text as "dateOfBirth",
          wc.name as "workplaceCellName", wu.name as "workplaceCommitteeName", cu.name as "communeName", cl.name as "cellName",
          ra.name as "areaName", ra.front_head_name as "frontHeadName", m.residence_street as street, mra.name as "residenceAreaName",
          m.residence_province as "residenceProvince", v.ratings, v.justifications, v.other_comments as "otherComments", v.flags,
          (v.evidence->>'meetingsHeld')::int as "meetingsHeld",
          to_char(v.joint_meeting_on, 'YYYY-MM-DD') as "jointMeetingOn", v.joint_meeting_participants as "jointMeetingParticipants",
          v.front_signer_name as "frontSignerName", ${vnDate('v.front_signed_at')} as "frontSignedOn",
          v.signer_name as "signerName", ${vnDate('v.signed_at')} as "signedOn",
          v.confirmer_name as "confirmerName", ${vnDate('v.confirmed_at')} as "confirmedOn",
          (select rg.position from role_grants rg where rg.user_id = v.confirmed_by and rg.role = 'committee_officer' and rg.unit_id = e.commune_id
            order by rg.revoked_at desc nulls first limit 1) as "confirmerPosition"
        from evaluations e
        join members m on m.id = e.member_id
        join evaluation_versions v on v.evaluation_id = e.id and v.version = e.version
        join org_units wu on wu.id = e.workplace_unit_id
        join org_units cu on cu.id = e.commune_id
        left join org_units cl on cl.id = e.cell_id
        left join org_units wc on wc.id = m.cell_id
        left join residential_areas ra on ra.id = coalesce(cl.residential_area_id, e.residence_area_id)
        left join residential_areas mra on mra.id = m.residence_area_id
        where e.id = any(${uuidArray(ids)})`,
  );
}

/** A cell's evaluations of a year within the actor's reach, cancelled ones left out, in Vietnamese name order. */
export function cellRows(
  db: Executor,
  actor: Actor,
  q: { cellId: string; year: number; limit: number },
): Promise<EvaluationRow[]> {
  return queryRows<EvaluationRow>(
    db,
    sql`select ${rowColumns(actor)} ${rowFrom}
        where e.cell_id = ${q.cellId} and e.year = ${q.year} and ${isNotValue(sql`e.status`, cancelledStatus)}
          and ${evaluationReadScope(actor)}
        order by m.sort_key collate "C", e.requested_at, e.id limit ${q.limit}`,
  );
}
