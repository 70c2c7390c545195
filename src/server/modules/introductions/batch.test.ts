import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLettersResponseSchema,
  transitionResultSchema,
  workplaceSummarySchema,
} from '../../../shared/contracts/introductions';
import { queryRows, type Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newProvinceTree, newUnit, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

/** Year-end scale: a whole workplace cell of 5,000 working members handed off in four clicks. */

const N = 5000;
let database: Database;
let t: TestApp;
let z: Awaited<ReturnType<typeof newProvinceTree>>;
let s: Record<'signer' | 'commune' | 'cell', Session>;

const post = async (who: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: who.headers, payload: payload as object });
const get = async (who: Session, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

const count = async (query: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(database.db, query))[0]!.n;

/** `n` working members in `cellId`, living in zone Z's commune, inserted in one set-based statement. */
async function insertMembers(cellId: string, n: number, cardPrefix: string) {
  await database.db.execute(sql`
    with inserted as (
      insert into members (full_name, sex, date_of_birth, card_number, cell_id, residence_commune_id, residence_area_id,
        residence_street, date_admitted, date_official)
      select (array['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'])[1 + i % 10]
          || (case when i % 2 = 0 then ' Văn ' else ' Thị ' end)
          || (array['An', 'Bình', 'Cường', 'Dung', 'Đông', 'Giang', 'Hà', 'Hải', 'Khánh', 'Lan', 'Minh', 'Nga', 'Phúc', 'Quân',
                    'Sơn', 'Tâm', 'Uyên', 'Vinh', 'Xuân', 'Yến'])[1 + (i / 10) % 20],
        case when i % 2 = 0 then 'male' else 'female' end::sex,
        date '1970-01-01' + (i % 9000),
        ${cardPrefix} || lpad(i::text, 6, '0'),
        ${cellId}::uuid, ${z.commune.id}::uuid, ${z.area.id}::uuid, 'Số ' || i || ' đường Lê Lợi', date '2010-03-01', date '2011-03-01'
      from generate_series(1, ${n}) as i
      returning id, cell_id)
    insert into unit_memberships (member_id, unit_id, kind, valid_from)
    select id, cell_id, 'party_cell', date '2011-03-01' from inserted`);
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  const db = database.db;
  z = await newProvinceTree(db, 'Z');
  await insertMembers(z.workplaceCell.id, N, '50');
  await newUser(db, {
    username: 'signer',
    grants: [{ role: 'committee_officer', unitId: z.workplace.id, position: 'secretary' }],
  });
  await newUser(db, {
    username: 'commune',
    grants: [{ role: 'committee_officer', unitId: z.commune.id, position: 'staff' }],
  });
  await newUser(db, { username: 'cell', grants: [{ role: 'cell_secretary', unitId: z.residentialCell.id }] });
  s = {
    signer: await loginAs(t.app, 'signer'),
    commune: await loginAs(t.app, 'commune'),
    cell: await loginAs(t.app, 'cell'),
  };
}, 120_000);

afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe(`a batch of ${N} members`, () => {
  it(
    'drafts, issues, places and acknowledges the whole cell, telling the cell secretary once',
    { timeout: 120_000 },
    async () => {
      const created = await post(s.signer, '/api/introductions/letters', { unitId: z.workplaceCell.id });
      expect(created.statusCode, created.body).toBe(200);
      const batch = createLettersResponseSchema.parse(created.json());
      expect(batch).toMatchObject({
        created: N,
        issued: 0,
        skipped: [],
        byCommune: [{ communeId: z.commune.id, communeName: z.commune.name, count: N }],
      });
      const ids = batch.letterIds;
      expect(new Set(ids).size).toBe(N);

      const issued = transitionResultSchema.parse(
        (await post(s.signer, '/api/introductions/letters/issue', { letterIds: ids })).json(),
      );
      expect(issued).toMatchObject({ changed: N, repeated: 0 });
      // Numbered 1 … N for this committee and year: unique, no gaps; every letter signed with its own code.
      const numbers = (
        await queryRows<{ number: number }>(
          database.db,
          sql`select number from introduction_letters where batch_id = ${batch.batchId} order by number`,
        )
      ).map((r) => r.number);
      expect(numbers).toEqual(Array.from({ length: N }, (_, i) => i + 1));
      expect(
        await count(
          sql`select count(distinct verification_code)::int as n from introduction_letters where batch_id = ${batch.batchId}`,
        ),
      ).toBe(N);
      // The commune hears once for the batch.
      const heard = await queryRows<{ count: number }>(
        database.db,
        sql`select (n.params->>'count')::int as count from notifications n join users u on u.id = n.user_id where u.username = 'commune' and n.kind like 'letter%_issued'`,
      );
      expect(heard).toEqual([{ count: N }]);

      const placed = await post(s.commune, '/api/introductions/letters/place', {
        placements: ids.map((letterId) => ({ letterId, cellId: z.residentialCell.id })),
      });
      expect(placed.statusCode, placed.body).toBe(200);
      expect(transitionResultSchema.parse(placed.json())).toMatchObject({ changed: N, repeated: 0 });

      const acknowledged = transitionResultSchema.parse(
        (await post(s.cell, '/api/introductions/letters/acknowledge', { letterIds: ids })).json(),
      );
      expect(acknowledged).toMatchObject({ changed: N, repeated: 0 });

      expect(
        await count(sql`select count(*)::int as n from introduction_letters where batch_id = ${batch.batchId} and status = 'acknowledged'
      and received_at is not null and placed_at is not null and residence_cell_id = ${z.residentialCell.id}`),
      ).toBe(N);
      // Every member now belongs to the residential cell, with a dated membership.
      expect(
        await count(sql`select count(*)::int as n from members where cell_id = ${z.workplaceCell.id} and residence_cell_id = ${z.residentialCell.id}
      and current_letter_id is not null`),
      ).toBe(N);
      expect(
        await count(
          sql`select count(*)::int as n from unit_memberships where unit_id = ${z.residentialCell.id} and kind = 'residence_cell' and valid_to is null`,
        ),
      ).toBe(N);
      const summary = workplaceSummarySchema.parse(
        (await get(s.signer, `/api/introductions/workplace/summary?unitId=${z.workplace.id}`)).json(),
      );
      expect(summary.totals.placed).toBe(N);

      // A retried click changes nothing.
      expect(
        transitionResultSchema.parse(
          (await post(s.cell, '/api/introductions/letters/acknowledge', { letterIds: ids })).json(),
        ),
      ).toMatchObject({ changed: 0, repeated: N });

      // The cell secretary is told once per batch, not once per letter.
      const arrivals = await queryRows<{ kind: string; count: number }>(
        database.db,
        sql`select n.kind, (n.params->>'count')::int as count from notifications n join users u on u.id = n.user_id
      where u.username = 'cell' and n.kind like 'letter_arrival%'`,
      );
      expect(arrivals).toEqual([{ kind: 'letter_arrival_many', count: N }]);
    },
  );
});

describe('two create requests at the same moment', () => {
  it('make one letter per member', { timeout: 60_000 }, async () => {
    const cell = await newUnit(database.db, {
      parent: z.workplace,
      type: 'workplace_cell',
      name: 'Chi bộ Phòng Z2',
    });
    await insertMembers(cell.id, 60, '51');
    const memberIds = (
      await queryRows<{ id: string }>(database.db, sql`select id from members where cell_id = ${cell.id}`)
    ).map((r) => r.id);
    const [first, second] = await Promise.all([
      post(s.signer, '/api/introductions/letters', { memberIds }),
      post(s.signer, '/api/introductions/letters', { unitId: cell.id }),
    ]);
    expect(first!.statusCode, first!.body).toBe(200);
    expect(second!.statusCode, second!.body).toBe(200);
    const results = [
      createLettersResponseSchema.parse(first!.json()),
      createLettersResponseSchema.parse(second!.json()),
    ];
    expect(results[0]!.created + results[1]!.created).toBe(60);
    // Whoever came second was told why nothing was made for the others.
    for (const r of results) expect(r.skipped.every((x) => x.reason === 'has_open_letter')).toBe(true);
    expect(results[0]!.skipped.length + results[1]!.skipped.length).toBe(60);
    const perMember = await queryRows<{ letters: number; current: boolean }>(
      database.db,
      sql`select count(l.id)::int as letters, bool_and(m.current_letter_id = l.id) as current
          from members m left join introduction_letters l on l.member_id = m.id
          where m.cell_id = ${cell.id} group by m.id`,
    );
    expect(perMember).toHaveLength(60);
    expect(perMember.every((r) => r.letters === 1 && r.current)).toBe(true);
  });
});
