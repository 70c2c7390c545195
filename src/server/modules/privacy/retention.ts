/**
 * Retention of ended members (decision 0014). A membership that ended — expelled, removed (xóa tên), left,
 * deceased, or transferred out of the system — stays in full for RETENTION_YEARS after it ended, for the
 * committees' duty to answer for their past lists, letters, comments and reports; then the personal fields are
 * anonymised: the name becomes initials, the birth date its year, identifiers and contact data are dropped, the
 * account is closed. The Party's own archive is the paper dossier kept by the Organisation Committee, not this app.
 */
import type { Db } from '../../db/client';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import type { RetentionResult } from '../../../shared/contracts/privacy';
import type { Actor } from '../../http/actor';
import { writeAudit } from '../audit/audit.service';
import * as repo from './retention.repository';

export const RETENTION_YEARS = 5;
export const ENDED_STATUSES = ['transferred', 'expelled', 'removed', 'left', 'deceased'] as const;
/** anonymised members carry this card-number prefix (unique, and how a second run knows them) */
export const ANONYMISED_PREFIX = 'ANON-';

/** "Nguyễn Văn An" → "N. V. A.": a past list or report still shows a row, no longer a person. */
export function initials(fullName: string): string {
  return fullName
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w.charAt(0).toLocaleUpperCase('vi')}.`)
    .join(' ');
}

/** The first calendar day (Vietnam) on which an end is still kept: ends before it are anonymised. */
export function retentionCutoff(now: Date): string {
  const today = vnDay(now);
  // 29 February of a leap year is 28 February N years before (that year may have no 29th)
  const monthDay = today.slice(4) === '-02-29' ? '-02-28' : today.slice(4);
  return `${Number(today.slice(0, 4)) - RETENTION_YEARS}${monthDay}`;
}

/**
 * Anonymises every member whose membership ended before the cutoff (set-based, one transaction, one audit entry
 * per member holding no personal data). With `dryRun` it only counts. Safe to run again: done members are skipped.
 */
export async function applyRetention(
  db: Db,
  now: Date,
  opts: { dryRun?: boolean; actor?: Actor | null } = {},
): Promise<RetentionResult> {
  const endedBefore = retentionCutoff(now);
  if (opts.dryRun) {
    const due = await repo.dueForAnonymisation(db, endedBefore, ENDED_STATUSES, ANONYMISED_PREFIX);
    return { dryRun: true, endedBefore, count: due.length };
  }
  return db.transaction(async (tx) => {
    await repo.lockRetentionRun(tx);
    const due = await repo.dueForAnonymisation(tx, endedBefore, ENDED_STATUSES, ANONYMISED_PREFIX);
    if (due.length > 0) {
      const rows = due.map((d) => ({
        id: d.id,
        initials: initials(d.fullName),
        cardNumber: `${ANONYMISED_PREFIX}${d.id}`,
      }));
      await repo.anonymiseMembers(tx, rows);
      await writeAudit(
        tx,
        opts.actor ?? null,
        due.map((d) => ({
          action: 'member.anonymised',
          entityType: 'member',
          entityId: d.id,
          unitId: d.cellId,
          after: { rule: `retention-${RETENTION_YEARS}y`, endedOn: d.endedOn, status: d.status },
        })),
      );
    }
    return { dryRun: false, endedBefore, count: due.length };
  });
}
