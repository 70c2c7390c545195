import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { evaluationTransition, requestedStatus } from '../../../shared/rules/evaluation';
import { isValue, literal, oneOf } from '../../db/sql-values';
import type { Actor } from '../../http/actor';
import { writeAudit } from '../audit/audit.service';

/**
 * What the introductions workflow's events do to evaluations: listeners of the member hooks (src/server/hooks.ts),
 * wired there and in buildApp. Kept free of introductions imports: the introductions services only call the hook.
 */

/**
 * Listener of `membersPlaced`: when the commune places a member in a cell, requests for comments that were
 * waiting for a cell follow the member there.
 */
export async function assignPendingCells(tx: Executor, memberIds: string[]): Promise<void> {
  if (memberIds.length === 0) return;
  await tx.execute(sql`update evaluations e set cell_id = m.residence_cell_id, updated_at = now()
    from members m where m.id = e.member_id and e.member_id = any(${`{${memberIds.join(',')}}`}::uuid[])
      and e.cell_id is null and m.residence_cell_id is not null and ${isValue(sql`e.status`, requestedStatus)}`);
}

/**
 * A member expelled, removed from the roll or who left the Party has no residence comment to give: open
 * requests (not yet signed) end as cancelled, with the notice as the reason. Returns the ids.
 */
export async function cancelOpenEvaluationsOfMember(
  tx: Executor,
  memberId: string,
  reason: string,
): Promise<{ id: string; workplaceUnitId: string; status: string }[]> {
  const cancel = evaluationTransition('cancel');
  return queryRows<{ id: string; workplaceUnitId: string; status: string }>(
    tx,
    sql`with c as (
      select id, status::text as status from evaluations where member_id = ${memberId} and ${oneOf(sql`status`, cancel.from)} for update)
    update evaluations e set status = ${literal(cancel.to)}, cancel_reason = ${reason}, updated_at = now() from c where e.id = c.id
    returning e.id, e.workplace_unit_id as "workplaceUnitId", c.status`,
  );
}

/**
 * Listener of `membershipEnded` (a notice ended the member's residence activity): the open requests are
 * cancelled, one audit entry each, by the notice's author with the notice's kind as the reason.
 */
export async function cancelEvaluationsOfEndedMember(
  tx: Executor,
  ended: { actor: Actor | null; memberId: string; reason: string },
): Promise<void> {
  const cancelled = await cancelOpenEvaluationsOfMember(tx, ended.memberId, `notice:${ended.reason}`);
  await writeAudit(
    tx,
    ended.actor,
    cancelled.map((e) => ({
      action: 'evaluation.cancel',
      entityType: 'evaluation',
      entityId: e.id,
      unitId: e.workplaceUnitId,
      before: { status: e.status },
      after: { status: evaluationTransition('cancel').to, reason: ended.reason },
    })),
  );
}
