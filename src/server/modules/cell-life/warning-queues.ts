import { sql, type SQL } from 'drizzle-orm';
import {
  WARNING_DUE_DAYS,
  warningTransitions,
  type WarningAction,
  type WarningQueue,
} from '../../../shared/rules/meeting';
import { shiftDay } from '../../../shared/rules/vietnam-calendar';
import { oneOf } from '../../db/sql-values';

const from = (action: WarningAction) => warningTransitions.find((t) => t.action === action)!.from;

/**
 * Warnings (alias `w`) to follow up, on Vietnam's calendar day `today`: the one definition behind the warning
 * list's `queue` and the home page's counts.
 */
export function warningQueueSql(queue: WarningQueue, today: string): SQL {
  switch (queue) {
    case 'due':
      // still open (it escalates at the deadline) and the deadline within the next days or passed today
      return sql`${oneOf(sql`w.status`, from('escalate'))} and w.deadline <= ${shiftDay(today, WARNING_DUE_DAYS)}::date`;
    case 'unresolved':
      return oneOf(sql`w.status`, from('resolve'));
  }
}
