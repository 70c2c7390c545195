import { sql, type SQL } from 'drizzle-orm';
import type { EvaluationListSide } from '../../../shared/contracts/evaluations';
import {
  cancelledStatus,
  evaluationTransition,
  type EvaluationQueue,
  type EvaluationStatus,
} from '../../../shared/rules/evaluation';
import { isNotValue, oneOf } from '../../db/sql-values';
import { inSubtreeOfUnit } from '../../http/access';
import type { Actor } from '../../http/actor';
import { evaluationActScope, evaluationReadScope, sideUnitColumn } from './evaluations.access';

/**
 * The evaluation's work queues (src/shared/rules/evaluation.ts `evaluationQueues`) as SQL over the evaluation
 * `e` and its current version `v`: the one definition behind the list's `queue` filter and the home page's counts.
 */

const from = (action: Parameters<typeof evaluationTransition>[0]) =>
  oneOf(sql`e.status`, evaluationTransition(action).from);

/**
 * `isDraftComplete` of src/shared/rules/evaluation-rules.ts in SQL: the joint meeting is dated and every
 * criterion of the form's rule set (read from `rule_sets`, criteria are data) is rated one of its levels.
 */
export const draftCompleteSql: SQL = sql`(v.joint_meeting_on is not null and not exists (
  select 1 from rule_sets rs cross join lateral jsonb_array_elements(rs.definition -> 'forms' -> (e.form_kind::text) -> 'criteria') c
  where rs.code = e.rule_set_code
    and not exists (select 1 from jsonb_array_elements(c -> 'levels') l where l ->> 'key' = v.ratings ->> (c ->> 'key'))))`;

/** Art. 4.4: when the area's Front head has an account, she co-signs in the app before the secretary signs. */
const frontHeadOnCell = sql`exists (select 1 from role_grants rg join users u on u.id = rg.user_id
  where rg.role = 'front_head' and rg.unit_id = e.cell_id and rg.revoked_at is null and u.is_active)`;

export function evaluationQueueSql(queue: EvaluationQueue): SQL {
  // a draft that can be co-signed is one of the statuses the Front head signs from, complete
  const ready = sql`${from('front_sign')} and ${draftCompleteSql}`;
  switch (queue) {
    case 'toDraft':
      return sql`(${from('draft')} and not (${ready}))`;
    case 'awaitingFront':
      return sql`(${ready} and v.front_signed_at is null and ${frontHeadOnCell})`;
    case 'toSign':
      return sql`(${from('sign')} and ${draftCompleteSql} and (v.front_signed_at is not null or not ${frontHeadOnCell}))`;
    case 'toConfirm':
      return from('confirm');
    case 'toRelease':
      return from('release');
    case 'disputed':
      return from('uphold');
  }
}

export interface EvaluationScope {
  side: EvaluationListSide;
  year: number;
  unitId?: string;
  status?: EvaluationStatus;
  queue?: EvaluationQueue;
}

/** What one side's list takes (before search and paging), and what the home page counts: the same conditions. */
export function evaluationScopeSql(actor: Actor, q: EvaluationScope): SQL[] {
  const filters = [sql`e.year = ${q.year}`, evaluationActScope(actor, q.side), evaluationReadScope(actor)];
  // the commune side narrows to one of its cells too: an evaluation lies under its cell, or its commune while unplaced
  const unitColumn = q.side === 'commune' ? sql`coalesce(e.cell_id, e.commune_id)` : sideUnitColumn(q.side);
  if (q.unitId) filters.push(inSubtreeOfUnit(unitColumn, q.unitId));
  if (q.status) filters.push(sql`e.status = ${q.status}`);
  else filters.push(isNotValue(sql`e.status`, cancelledStatus));
  if (q.queue) filters.push(evaluationQueueSql(q.queue));
  return filters;
}
