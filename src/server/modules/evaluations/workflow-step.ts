import type { Executor } from '../../db/client';
import type { StepResult } from '../../../shared/contracts/evaluations';
import type { NotificationKind } from '../../../shared/contracts/notifications';
import {
  canEvaluation,
  evaluationTransition,
  type EvaluationAction,
  type EvaluationSide,
  type EvaluationStatus,
} from '../../../shared/rules/evaluation';
import type { Actor } from '../../http/actor';
import { Conflict, Forbidden, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { usersOfMembers } from '../notifications/recipients.service';
import { notifyEach, type NotificationItem } from '../notifications/notifications.service';
import { loadRows, perPerson, usersWithRoleOn, type EvaluationRow } from './evaluations.repository';
import type { EvaluationDeps } from './requests.service';

/**
 * The evaluation's workflow (src/shared/rules/evaluation.ts). Every step, single or batch, is all or
 * nothing: each evaluation must be visible (404), acted on from the right side (403) and in a state the
 * table allows (409); those already where the step leads are left alone, so a retry changes nothing twice.
 */

const sideFlag: Record<EvaluationSide, keyof EvaluationRow> = {
  workplace: 'asWorkplace',
  commune: 'asCommune',
  cell: 'asCell',
  front: 'asFront',
  member: 'asMember',
};

export interface StepContext {
  tx: Executor;
  rows: EvaluationRow[];
  now: Date;
  /** where the step leads (the transition's `to`) */
  to: EvaluationStatus;
}

export async function step(
  deps: EvaluationDeps,
  actor: Actor,
  action: EvaluationAction,
  evaluationIds: string[],
  apply: (ctx: StepContext) => Promise<void>,
  opts: { isRepeat?: (row: EvaluationRow) => boolean } = {},
): Promise<StepResult> {
  const ids = [...new Set(evaluationIds)];
  const transition = evaluationTransition(action);
  return deps.db.transaction(async (tx) => {
    const rows = await loadRows(tx, actor, ids, true);
    if (rows.length !== ids.length) throw new NotFound('evaluation_not_found');
    if (rows.some((r) => !r[sideFlag[transition.side]]))
      throw new Forbidden(`evaluation_side_${transition.side}`, { action });
    const isRepeat =
      opts.isRepeat ??
      ((r: EvaluationRow) => r.status === transition.to && !transition.from.includes(r.status));
    const changing = rows.filter((r) => !isRepeat(r));
    const wrong = changing.find((r) => !canEvaluation(action, r.status));
    if (wrong) throw new Conflict('evaluation_wrong_state', { status: wrong.status, name: wrong.fullName });
    const now = deps.clock.now();
    if (changing.length) {
      await apply({ tx, rows: changing, now, to: transition.to });
      await writeAudit(
        tx,
        actor,
        changing.map((r) => ({
          action: `evaluation.${action}`,
          entityType: 'evaluation',
          entityId: r.id,
          unitId:
            transition.side === 'workplace'
              ? r.workplaceUnitId
              : transition.side === 'commune'
                ? r.communeId
                : (r.cellId ?? r.communeId),
          before: { status: r.status, version: r.version },
          after: { status: transition.to, version: transition.newVersion ? r.version + 1 : r.version },
        })),
      );
    }
    return { changed: changing.length, repeated: rows.length - changing.length };
  });
}

export const signer = (actor: Actor) => ({ userId: actor.userId, name: actor.displayName });

export async function notifyCells(
  tx: Executor,
  rows: EvaluationRow[],
  kind: NotificationKind,
  params: Record<string, string | number | null> = {},
) {
  const users = await usersWithRoleOn(
    tx,
    'cell_secretary',
    rows.flatMap((r) => (r.cellId ? [r.cellId] : [])),
  );
  await notifyEach(
    tx,
    perPerson(
      users.map((u) => ({
        userId: u.userId,
        kind,
        params: { ...params, count: rows.filter((r) => r.cellId === u.unitId).length },
      })),
      '/evaluations',
    ),
  );
}

export async function notifyUnits(
  tx: Executor,
  rows: EvaluationRow[],
  unit: (r: EvaluationRow) => string,
  kind: NotificationKind,
  link = '/evaluations',
) {
  const users = await usersWithRoleOn(tx, 'committee_officer', rows.map(unit));
  await notifyEach(
    tx,
    perPerson(
      users.map((u) => ({
        userId: u.userId,
        kind,
        params: { count: rows.filter((r) => unit(r) === u.unitId).length },
      })),
      link,
    ),
  );
}

export async function notifyMembers(
  tx: Executor,
  rows: EvaluationRow[],
  kind: NotificationKind,
  email = false,
) {
  const users = await usersOfMembers(
    tx,
    rows.map((r) => r.memberId),
  );
  const byMember = new Map(rows.map((r) => [r.memberId, r]));
  const items: NotificationItem[] = users.map((u) => ({
    userId: u.userId,
    kind,
    params: { year: byMember.get(u.memberId)!.year },
    link: '/my-evaluation',
  }));
  await notifyEach(tx, items, { email });
}
