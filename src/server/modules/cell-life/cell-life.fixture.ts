import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session } from '../../../../tests/fixtures/app';

/**
 * The world the cell-life and meeting tests run in: a residential cell with two working members (An, Bình), a
 * member living in another province's cell, the cell's secretary, the commune, the workplace committee and the
 * secretary of the other province's cell. `trees` name the two provinces, `cards` starts the card numbers.
 */
export const DAY = 86_400_000;

export type CellLifeWorld = Awaited<ReturnType<typeof cellLifeWorld>>;

export async function cellLifeWorld(
  opts: { trees: [string, string]; cards: string } = { trees: ['L', 'K'], cards: '62' },
) {
  const database = await createTestDatabase();
  const t = await buildTestApp(database, { sessionTtlHours: 24 * 365 });
  const db = database.db;
  const a = await newProvinceTree(db, opts.trees[0]);
  const other = await newProvinceTree(db, opts.trees[1]);
  const placed = { residenceCommuneId: a.commune.id, residenceCellId: a.residentialCell.id };
  const an = await newMember(db, {
    fullName: 'Nguyễn Văn An',
    cardNumber: `${opts.cards}000001`,
    cellId: a.workplaceCell.id,
    ...placed,
  });
  const binh = await newMember(db, {
    fullName: 'Trần Thị Bình',
    cardNumber: `${opts.cards}000002`,
    cellId: a.workplaceCell.id,
    ...placed,
  });
  const elsewhere = await newMember(db, {
    fullName: 'Lê Văn Xa',
    cardNumber: `${opts.cards}000009`,
    cellId: a.workplaceCell.id,
    // registered in the other commune, in none of its cells yet (so no cell there owes meetings for them)
    residenceCommuneId: other.commune.id,
  });
  await newUser(db, {
    username: 'secretary',
    grants: [{ role: 'cell_secretary', unitId: a.residentialCell.id }],
  });
  await newUser(db, { username: 'an', memberId: an.id, grants: [{ role: 'member' }] });
  await newUser(db, { username: 'binh', memberId: binh.id, grants: [{ role: 'member' }] });
  await newUser(db, { username: 'commune', grants: [{ role: 'committee_officer', unitId: a.commune.id }] });
  await newUser(db, {
    username: 'workplace',
    grants: [{ role: 'committee_officer', unitId: a.workplace.id, position: 'secretary' }],
  });
  await newUser(db, {
    username: 'other.cell',
    grants: [{ role: 'cell_secretary', unitId: other.residentialCell.id }],
  });
  const s = {
    secretary: await loginAs(t.app, 'secretary'),
    an: await loginAs(t.app, 'an'),
    binh: await loginAs(t.app, 'binh'),
    commune: await loginAs(t.app, 'commune'),
    workplace: await loginAs(t.app, 'workplace'),
    otherCell: await loginAs(t.app, 'other.cell'),
  };
  return {
    database,
    t,
    a,
    placed,
    s,
    an,
    binh,
    elsewhere,
    post: (who: Session, url: string, payload: object = {}) =>
      t.app.inject({ method: 'POST', url, headers: who.headers, payload }),
    get: (who: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } }),
    notes: (username: string, kind: string) =>
      queryRows<{ params: Record<string, unknown> }>(
        database.db,
        sql`select n.params from notifications n join users u on u.id = n.user_id where u.username = ${username} and n.kind = ${kind}`,
      ),
    close: async () => {
      await t.app.close();
      await database.close();
    },
  };
}
