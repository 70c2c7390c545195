import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';

/**
 * When the commune places a member in a cell (introductions), requests for comments that were waiting for
 * a cell follow the member there. Kept free of other module imports: the introductions service calls it.
 */
export async function assignPendingCells(tx: Executor, memberIds: string[]): Promise<void> {
  if (memberIds.length === 0) return;
  await tx.execute(sql`update evaluations e set cell_id = m.residence_cell_id, updated_at = now()
    from members m where m.id = e.member_id and e.member_id = any(${`{${memberIds.join(',')}}`}::uuid[])
      and e.cell_id is null and m.residence_cell_id is not null and e.status = 'requested'`);
}
