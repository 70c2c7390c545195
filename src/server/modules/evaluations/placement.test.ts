import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { cycleOpened, newScenario, requested, requests, type Scenario } from './evaluations.scenario';

/**
 * What the introductions workflow does to evaluations (issue 13): a member placed in a cell takes the requests
 * waiting for a cell along, a notice ending the membership cancels the open ones, audited as before.
 */

let sc: Scenario;
let http: ReturnType<typeof requests>;
beforeEach(async () => {
  sc = await newScenario();
  http = requests(sc);
});
afterEach(async () => sc.close());

const lastAuditId = async () =>
  (
    await queryRows<{ id: number }>(
      sc.database.db,
      sql`select coalesce(max(id), 0)::int as id from audit_log`,
    )
  )[0]!.id;

const auditSince = (id: number) =>
  queryRows<Record<string, unknown>>(
    sc.database.db,
    sql`select action, entity_type as "entityType", entity_id as "entityId", unit_id as "unitId",
          actor_user_id as "actorUserId", actor_unit_id as "actorUnitId", before, after
        from audit_log where id > ${id} order by id`,
  );

describe('member hooks: introductions → evaluations', () => {
  it('a letter placed in a cell takes the request waiting for a cell along', async () => {
    await cycleOpened(sc);
    const id = await http.idOf(sc.m.unplaced.id);
    expect((await http.detail(sc.s.commune, id)).cellId).toBeNull();
    const created = (
      await http.post(sc.s.workplace, '/api/introductions/letters', {
        memberIds: [sc.m.unplaced.id],
        issue: true,
      })
    ).json() as { letterIds: string[]; issued: number };
    expect(created.issued).toBe(1);
    const placements = [{ letterId: created.letterIds[0]!, cellId: sc.a.residentialCell.id }];
    const placed = await http.post(sc.s.commune, '/api/introductions/letters/place', { placements });
    expect(placed.statusCode, placed.body).toBe(200);
    expect((await http.detail(sc.s.secretary, id)).cellId).toBe(sc.a.residentialCell.id);
  });

  it('an expulsion notice cancels the open requests, each audited as the notice’s reason', async () => {
    await requested(sc);
    const id = await http.idOf(sc.m.an.id);
    const before = await lastAuditId();
    const res = await http.post(sc.s.workplace, '/api/introductions/notices', {
      memberId: sc.m.an.id,
      kind: 'expelled',
      effectiveDate: '2026-11-23',
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    expect(await http.detail(sc.s.workplace, id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'notice:expelled',
    });
    const rows = await auditSince(before);
    expect(rows.map((r) => r.action)).toEqual(['evaluation.cancel', 'notice.created', 'member.expelled']);
    expect(rows[0]).toEqual({
      action: 'evaluation.cancel',
      entityType: 'evaluation',
      entityId: id,
      unitId: sc.a.workplace.id,
      actorUserId: sc.s.workplace.userId,
      actorUnitId: sc.a.workplace.id,
      before: { status: 'requested' },
      after: { status: 'cancelled', reason: 'expelled' },
    });
  });
});
