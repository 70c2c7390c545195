import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { isAdmin, grantsWith, type Actor } from '../../http/actor';
import { Invalid, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { notifyEach, type Notice } from '../notifications/notifications.service';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import type { CellLifeDeps } from './activities.service';

/** Art. 4.3: the commune committee directs a topic to all its cells; each cell's next meetings take it up. */

type TopicRow = {
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

export async function createTopic(
  deps: CellLifeDeps,
  actor: Actor,
  body: {
    communeId: string;
    title: string;
    description?: string | null;
    activeFrom: string;
    activeTo?: string | null;
  },
): Promise<TopicRow> {
  if (body.activeTo && body.activeTo < body.activeFrom)
    throw new Invalid('validation_failed', { activeTo: 'introductions.periodOrder' });
  return deps.db.transaction(async (tx) => {
    const [c] = await queryRows<{ path: string; type: string }>(
      tx,
      sql`select path::text as path, type from org_units where id = ${body.communeId} and status = 'active'`,
    );
    const reach =
      c &&
      (isAdmin(actor) ||
        grantsWith(actor, 'committee_officer').some(
          (g) => c.path === g.unitPath || c.path.startsWith(`${g.unitPath}.`),
        ));
    if (!reach) throw new NotFound();
    if (!['commune_committee', 'district_committee'].includes(c.type))
      throw new Invalid('validation_failed', { communeId: 'member.communeInvalid' });
    const [t] = await queryRows<{ id: string }>(
      tx,
      sql`insert into directed_topics (commune_id, title, description, active_from, active_to, created_by)
          values (${body.communeId}, ${body.title}, ${body.description ?? null}, ${body.activeFrom}::date, ${body.activeTo ?? null}::date, ${actor.userId}) returning id`,
    );
    await writeAudit(tx, actor, {
      action: 'directed_topic.created',
      entityType: 'directed_topic',
      entityId: t!.id,
      unitId: body.communeId,
      after: body,
    });
    const secretaries = await queryRows<{ userId: string }>(
      tx,
      sql`select distinct rg.user_id as "userId" from role_grants rg join org_units cell on cell.id = rg.unit_id
          where rg.role = 'cell_secretary' and rg.revoked_at is null and cell.type = 'residential_cell' and cell.path <@ ${c.path}::ltree`,
    );
    await notifyEach(
      tx,
      secretaries.map((s): Notice => ({
        userId: s.userId,
        kind: 'topic_directed',
        params: { title: body.title },
        link: '/meetings',
      })),
    );
    const [row] = await queryRows<TopicRow>(tx, sql`${select} where t.id = ${t!.id}`);
    return row!;
  });
}

/** Topics active today for a cell (its commune's) or for a commune. */
export async function listTopics(
  deps: CellLifeDeps,
  actor: Actor,
  query: { cellId?: string; communeId?: string },
) {
  const today = vnDay(deps.clock.now());
  const unitId =
    query.cellId ??
    query.communeId ??
    actor.grants.find((g) => g.unitId && (g.role === 'cell_secretary' || g.role === 'committee_officer'))
      ?.unitId;
  if (!unitId) return { items: [] };
  const [u] = await queryRows<{ path: string }>(
    deps.db,
    sql`select path::text as path from org_units where id = ${unitId}`,
  );
  const reach =
    u &&
    (isAdmin(actor) ||
      actor.grants.some((g) => g.unitPath && (u.path === g.unitPath || u.path.startsWith(`${g.unitPath}.`))));
  if (!reach) throw new NotFound();
  const items = await queryRows<TopicRow>(
    deps.db,
    sql`${select} where c.path @> ${u.path}::ltree and t.active_from <= ${today}::date and (t.active_to is null or t.active_to >= ${today}::date)
        order by t.active_from desc limit 50`,
  );
  return { items };
}
