import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnDay, vnYear } from '../../../shared/rules/vietnam-calendar';
import { verifyResultSchema } from '../../../shared/contracts/introductions';
import { buildTestApp, type TestApp } from '../../../../tests/fixtures/app';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { queryRows, type Database } from '../client';
import { seedDemo } from './demo';

/**
 * The demo seeded in the evening UTC of 31 December: it is already 1 January in Vietnam. Every date rule of
 * the seed counts on Vietnam's calendar, as the paper and /verify do, so letter numbers stay unique per
 * committee and year and each letter's year is the year of its issue day in Vietnam.
 */
const NOW = new Date('2026-12-31T20:00:00Z');
let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  expect(await seedDemo(database.db, { now: NOW, documentSecret: t.ctx.config.documentSecret })).toEqual({
    seeded: true,
  });
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

interface LetterRow {
  issuingUnitId: string;
  year: number;
  number: number;
  issuedAt: Date | string;
  verificationCode: string;
}
const letters = () =>
  queryRows<LetterRow>(
    database.db,
    sql`select issuing_unit_id as "issuingUnitId", year, number, issued_at as "issuedAt", verification_code as "verificationCode"
        from introduction_letters where number is not null order by issued_at`,
  );

describe('the demo seeded at 20:00 UTC on 31 December (already the next year in Vietnam)', () => {
  it('numbers letters once per committee and Vietnamese year', async () => {
    const rows = await letters();
    expect(rows.length).toBeGreaterThan(100);
    // the case the test is about: some letters were issued on a day that is a different year in UTC
    expect(rows.some((r) => new Date(r.issuedAt).getUTCFullYear() !== vnYear(new Date(r.issuedAt)))).toBe(
      true,
    );
    for (const r of rows) expect(r.year, String(r.issuedAt)).toBe(vnYear(new Date(r.issuedAt)));
    const keys = rows.map((r) => `${r.issuingUnitId}/${r.year}/${r.number}`);
    expect(new Set(keys).size).toBe(keys.length);
    // each committee's counter continues after its last number of the year
    const counters = await queryRows<{ unitId: string; year: number; lastNumber: number }>(
      database.db,
      sql`select unit_id as "unitId", year, last_number as "lastNumber" from letter_counters`,
    );
    for (const c of counters) {
      const numbers = rows
        .filter((r) => r.issuingUnitId === c.unitId && r.year === c.year)
        .map((r) => r.number);
      expect(c.lastNumber).toBe(Math.max(...numbers));
    }
  });

  it('prints the same year as /verify for every letter it signed', async () => {
    const rows = await letters();
    const crossing = rows.filter(
      (r) => new Date(r.issuedAt).getUTCFullYear() !== vnYear(new Date(r.issuedAt)),
    );
    for (const r of [...crossing, ...rows.slice(0, 5)]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/verify/${r.verificationCode}` });
      expect(res.statusCode).toBe(200);
      const v = verifyResultSchema.parse(res.json());
      expect(v).toMatchObject({ document: 'letter', valid: true, altered: false });
      expect(v.issuedOn).toBe(vnDay(new Date(r.issuedAt)));
      expect(Number(v.issuedOn!.slice(0, 4))).toBe(r.year);
    }
  });

  it("opens this year's evaluation cycle for the Vietnamese year, due 30 days after today in Vietnam", async () => {
    const cycles = await queryRows<{ year: number; dueDate: string }>(
      database.db,
      sql`select distinct year, to_char(due_date, 'YYYY-MM-DD') as "dueDate" from evaluation_cycles where year = ${vnYear(NOW)}`,
    );
    expect(cycles).toEqual([{ year: 2027, dueDate: '2027-01-31' }]);
  });
});
