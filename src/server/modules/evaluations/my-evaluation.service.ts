import type { SaveSelfReportBody, SelfReport } from '../../../shared/contracts/evaluations';
import { releasedStatuses } from '../../../shared/rules/evaluation';
import type { Actor } from '../../http/actor';
import { Conflict, Forbidden, Invalid } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { isUnderRevision, toListItem, toSelfReport } from './evaluations.service';
import {
  latestRuleSetCodeOfMember,
  loadSelfReport,
  memberEvaluationRows,
  memberStanding,
} from './evaluations.repository';
import { vnDay, vnYear } from '../../../shared/rules/vietnam-calendar';
import type { EvaluationDeps } from './requests.service';
import { getRuleSet, ruleSetForYear } from '../rule-sets/rule-sets.service';
import { countSignedYearly, upsertSelfReport } from './self-reports.repository';

/** The member's own side: their comments of the year and their self-report (Art. 2.7, 3.5). */

function requireMember(actor: Actor): string {
  if (!actor.memberId || !actor.grants.some((g) => g.role === 'member'))
    throw new Forbidden('evaluation_member_only');
  return actor.memberId;
}

export async function myEvaluations(deps: EvaluationDeps, actor: Actor, yearQuery?: number) {
  const memberId = requireMember(actor);
  const year = yearQuery ?? vnYear(deps.clock.now());
  const today = vnDay(deps.clock.now());
  const rows = await memberEvaluationRows(deps.db, actor, memberId, year);
  const ruleSetCode = await latestRuleSetCodeOfMember(deps.db, memberId, year);
  const def = ruleSetCode ? await getRuleSet(deps.db, ruleSetCode) : await ruleSetForYear(deps.db, year);
  const m = await memberStanding(deps.db, memberId);
  const self = await loadSelfReport(deps.db, memberId, year);
  return {
    year,
    ruleSetCode: def.code,
    duties: def.duties,
    selfReport: self ? toSelfReport(self) : null,
    // a comment under revision stays readable as it was released (see getEvaluation)
    items: rows.map((r) => ({
      ...toListItem(r, today),
      released: releasedStatuses.includes(r.status) || isUnderRevision(r),
      underRevision: isUnderRevision(r),
    })),
    canRequest: m?.status === 'active' && m.category !== 'not_introduced' && Boolean(m.communeId),
    purposes: def.onDemandPurposes,
  };
}

/** Art. 2.7: free text per duty; saving keeps a draft, `submit` makes it visible to the cell. */
export async function saveSelfReport(
  deps: EvaluationDeps,
  actor: Actor,
  body: SaveSelfReportBody,
): Promise<SelfReport> {
  const memberId = requireMember(actor);
  const now = deps.clock.now();
  const year = vnYear(now);
  if (body.year !== year && body.year !== year - 1)
    throw new Invalid('validation_failed', { year: 'evaluation.yearOutOfRange' });
  const def = await ruleSetForYear(deps.db, body.year);
  const numbers = new Set(def.duties.map((d) => String(d.number)));
  const duties = Object.fromEntries(
    Object.entries(body.duties).filter(([k, v]) => numbers.has(k) && v.trim()),
  );
  if (body.submit && Object.keys(duties).length === 0)
    throw new Invalid('validation_failed', { duties: 'evaluation.selfReportEmpty' });
  return deps.db.transaction(async (tx) => {
    // once the cell has signed the year's form, the report it was judged on stays as it was
    if ((await countSignedYearly(tx, memberId, body.year)) > 0) throw new Conflict('self_report_locked');
    const row = await upsertSelfReport(tx, {
      memberId,
      year: body.year,
      duties,
      submittedAt: body.submit ? now : null,
      now,
    });
    await writeAudit(tx, actor, {
      action: body.submit ? 'self_report.submitted' : 'self_report.saved',
      entityType: 'self_report',
      entityId: `${memberId}:${body.year}`,
      after: { year: body.year, duties: Object.keys(duties) },
    });
    return toSelfReport(row);
  });
}
