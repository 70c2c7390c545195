import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { isValue } from '../../db/sql-values';
import { pathInSubtree } from '../../http/access';
import { activeUnitStatus } from '../org-units/org-units.rules';

/** Queries of directed topics (the rules are in topics.service.ts). */

export type TopicRow = {
  id: string;
  communeId: string;
  communeName: string;
  title: string;
  description: string | null;
  activeFrom: string;
  activeTo: string | null;
};

const select = sql`select t.id, t.commune_id as "communeId", c.name as "communeName", t.title, t.description,
  t.active_from::text as "activeFrom", t.active_to::text as "activeTo" from directed_topics t join org_units c on c.id = t.commune_id`;

export async function findUnitPath(db: Executor, unitId: string, opts: { active?: boolean } = {}) {
  const [u] = await queryRows<{ path: string; type: string }>(
    db,
    sql`select path::text as path, type from org_units where id = ${unitId}${opts.active ? sql` and ${isValue(sql`status`, activeUnitStatus)}` : sql``}`,
  );
  return u;
}

export async function insertTopic(
  db: Executor,
  t: {
    communeId: string;
    title: string;
    description?: string | null;
    activeFrom: string;
    activeTo?: string | null;
  },
  createdBy: string,
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into directed_topics (commune_id, title, description, active_from, active_to, created_by)
        values (${t.communeId}, ${t.title}, ${t.description ?? null}, ${t.activeFrom}::date, ${t.activeTo ?? null}::date, ${createdBy}) returning id`,
  );
  return row!.id;
}

/** The secretaries of the residential cells under the unit at `path`. */
export async function cellSecretariesUnder(db: Executor, path: string) {
  return queryRows<{ userId: string }>(
    db,
    sql`select distinct rg.user_id as "userId" from role_grants rg join org_units cell on cell.id = rg.unit_id
        where rg.role = 'cell_secretary' and rg.revoked_at is null and cell.type = 'residential_cell' and ${pathInSubtree(sql`cell.path`, path)}`,
  );
}

export async function findTopic(db: Executor, id: string): Promise<TopicRow | undefined> {
  const [row] = await queryRows<TopicRow>(db, sql`${select} where t.id = ${id}`);
  return row;
}

/** Topics of the communes above (or at) `path`, active on `today`. */
export async function activeTopicsOver(db: Executor, path: string, today: string): Promise<TopicRow[]> {
  return queryRows<TopicRow>(
    db,
    sql`${select} where c.path @> ${path}::ltree and t.active_from <= ${today}::date and (t.active_to is null or t.active_to >= ${today}::date)
        order by t.active_from desc limit 50`,
  );
}
