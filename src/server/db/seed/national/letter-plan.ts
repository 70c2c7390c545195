import { sql, type SQL } from 'drizzle-orm';
import {
  newLetterStatus,
  transitionFor,
  type LetterStatus,
} from '../../../../shared/rules/introduction-letter';
import { isValue, literal } from '../../sql-values';
import { days, type ProvinceContext } from './context';

/**
 * Where each working member's hand-off stands at "now" (src/shared/rules/introduction-letter.ts), as in real
 * life: most letters acknowledged long ago, some placed and awaiting acknowledgement, received, issued (half
 * of those more than 15 days ago, i.e. overdue), drafts and rejections. Shares of introduced members.
 */
export const LETTER_SHARES: readonly (readonly [LetterStatus, number])[] = [
  ['acknowledged', 0.865],
  ['placed', 0.025],
  ['received', 0.025],
  ['issued', 0.05],
  ['draft', 0.02],
  ['rejected', 0.015],
];

/**
 * Two SET clauses for nat_w: first the issue moment, then the later steps from it. Every step lies between
 * the previous one and now: acknowledged letters were issued 40 days to ~5.5 years ago (older ones more
 * likely, so most members have three years of meetings), the open ones recently.
 */
export function letterDates(ctx: ProvinceContext): [SQL, SQL] {
  const letter = (status: LetterStatus) => literal(status);
  const ago = (d: string) => sql`${ctx.now} - ${days(d)}`;
  const after = (...parts: string[]) => sql`issued_at + ${days(parts.join(' + '))}`;
  const received = {
    acknowledged: '1 + 9 * r_t2',
    placed: '1 + 3 * r_t2',
    received: '0.5 + 3.5 * r_t2',
  };
  const placing = { acknowledged: '0.2 + 10 * r_t3', placed: '0.2 + 5 * r_t3' };
  const issued = sql`issued_at = case letter_status
      when ${letter('acknowledged')} then ${ago('40 + 1960 * sqrt(r_t1)')}
      when ${letter('placed')} then ${ago('12 + 40 * r_t1')}
      when ${letter('received')} then ${ago('5 + 35 * r_t1')}
      when ${letter('issued')} then case when r_t2 < 0.5 then ${ago('16 + 75 * r_t1')} else ${ago('14 * r_t1')} end
      when ${letter('rejected')} then ${ago('10 + 110 * r_t1')} end`;
  const later = sql`created_at = case when ${isValue(sql`letter_status`, newLetterStatus)} then ${ago('20 * r_t1')} else issued_at - ${days('1 + 2 * r_t3')} end,
    received_at = case letter_status
      when ${letter('acknowledged')} then ${after(received.acknowledged)}
      when ${letter('placed')} then ${after(received.placed)}
      when ${letter('received')} then ${after(received.received)}
      when ${letter('rejected')} then case when r_t3 < 0.5 then ${after('1 + r_t2')} end end,
    placed_at = case letter_status
      when ${letter('acknowledged')} then ${after(received.acknowledged, placing.acknowledged)}
      when ${letter('placed')} then ${after(received.placed, placing.placed)} end,
    ack_at = case when ${isValue(sql`letter_status`, transitionFor('acknowledge').to)} then ${after(received.acknowledged, placing.acknowledged, '1 + 13 * r_t2')} end,
    rejected_at = case when ${isValue(sql`letter_status`, transitionFor('reject').to)} then ${after('3 + 5 * r_t2')} end`;
  return [issued, later];
}
