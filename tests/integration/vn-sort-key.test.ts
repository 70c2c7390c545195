import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/server/db/client';
import { foldVietnamese, vnSortKey } from '../../src/shared/rules/vietnamese-name';
import { createTestDatabase } from '../fixtures/test-db';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const names = [
  'Nguyễn Văn An',
  'NGUYỄN VĂN AN',
  'Trần Thị Ánh',
  'Lê Đức Anh',
  'Phạm Bình',
  'ĐẶNG THỊ ƯỚC',
  'Hồ  Văn   Ẩn',
  'Hùng',
  'Ngô Thị Thu Hương',
  'Dương Quốc Việt',
  'Lý Thị Ỷ',
  "O'Brien John",
  'Nguyễn Văn An 2',
];

it('the SQL sort key and unaccented search text match the TypeScript rule', async () => {
  for (const name of names) {
    const [row] = await queryRows<{ k: string; u: string }>(
      database.db,
      sql`select vn_sort_key(${name}) as k, lower(immutable_unaccent(${name})) as u`,
    );
    expect(row!.k, name).toBe(vnSortKey(name));
    expect(row!.u.replace(/\s+/g, ' ').trim(), name).toBe(foldVietnamese(name));
  }
});
