import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { isValue } from '../../db/sql-values';
import { newWarningStatus } from '../../../shared/rules/meeting';

/**
 * The open warning with this member, kind and reason (its natural key, index member_warnings_one_open), with the
 * fields a repeat must match. The reason is compared through md5, as the index does (reasons may be long).
 */
export async function findOpenWarningByKey(
  db: Executor,
  key: { memberId: string; kind: string; reason: string },
) {
  const [row] = await queryRows<{ id: string; cellId: string; deadline: string }>(
    db,
    sql`select id, cell_id as "cellId", deadline::text as deadline from member_warnings
        where member_id = ${key.memberId} and kind = ${key.kind} and md5(reason) = md5(${key.reason})
          and ${isValue(sql`status`, newWarningStatus)}`,
  );
  return row;
}
