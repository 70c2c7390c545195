import { isAdmin, type Actor } from '../../http/actor';
import { Invalid, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { notifyEach, type Notice } from '../notifications/notifications.service';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import type { CellLifeDeps } from './activities.service';
import {
  activeTopicsOver,
  cellSecretariesUnder,
  findTopic,
  findUnitPath,
  insertTopic,
  type TopicRow,
} from './topics.repository';
import { withinGrants } from '../../http/access';

/** Art. 4.3: the commune committee directs a topic to all its cells; each cell's next meetings take it up. */

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
    const c = await findUnitPath(tx, body.communeId, { active: true });
    const reach = c && (isAdmin(actor) || withinGrants(actor, c.path, 'committee_officer'));
    if (!reach) throw new NotFound();
    if (!['commune_committee', 'district_committee'].includes(c.type))
      throw new Invalid('validation_failed', { communeId: 'member.communeInvalid' });
    const topicId = await insertTopic(tx, body, actor.userId);
    await writeAudit(tx, actor, {
      action: 'directed_topic.created',
      entityType: 'directed_topic',
      entityId: topicId,
      unitId: body.communeId,
      after: body,
    });
    const secretaries = await cellSecretariesUnder(tx, c.path);
    await notifyEach(
      tx,
      secretaries.map((s): Notice => ({
        userId: s.userId,
        kind: 'topic_directed',
        params: { title: body.title },
        link: '/meetings',
      })),
    );
    return (await findTopic(tx, topicId))!;
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
  const u = await findUnitPath(deps.db, unitId);
  const reach = u && (isAdmin(actor) || withinGrants(actor, u.path));
  if (!reach) throw new NotFound();
  const items = await activeTopicsOver(deps.db, u.path, today);
  return { items };
}
