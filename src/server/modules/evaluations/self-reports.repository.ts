import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { oneOf } from '../../db/sql-values';
import { signedStatuses } from '../../../shared/rules/evaluation';

/** The SQL of the member's self-report (Art. 2.7); reading one is `loadSelfReport` in evaluations.repository.ts. */

export interface SelfReportRow {
  year: number;
  duties: Record<string, string>;
  submittedAt: Date | null;
  updatedAt: Date | null;
}

/** How many of the member's routine forms of the year the cell has signed (or later). */
export async function countSignedYearly(db: Executor, memberId: string, year: number): Promise<number> {
  const [signed] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from evaluations where member_id = ${memberId} and year = ${year} and kind = 'yearly'
        and ${oneOf(sql`status`, signedStatuses)}`,
  );
  return signed!.n;
}

/** Save the duties; `submittedAt` set submits it (a submitted report stays submitted). */
export async function upsertSelfReport(
  db: Executor,
  r: { memberId: string; year: number; duties: Record<string, string>; submittedAt: Date | null; now: Date },
): Promise<SelfReportRow> {
  const [row] = await queryRows<SelfReportRow>(
    db,
    sql`insert into self_reports (member_id, year, duties, submitted_at, updated_at)
        values (${r.memberId}, ${r.year}, ${JSON.stringify(r.duties)}::jsonb, ${r.submittedAt ? r.submittedAt.toISOString() : null}::timestamptz, ${r.now.toISOString()}::timestamptz)
        on conflict (member_id, year) do update set duties = excluded.duties, updated_at = excluded.updated_at,
          submitted_at = coalesce(excluded.submitted_at, self_reports.submitted_at)
        returning year, duties, submitted_at as "submittedAt", updated_at as "updatedAt"`,
  );
  return row!;
}
