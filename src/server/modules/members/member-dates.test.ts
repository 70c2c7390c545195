import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberDetailSchema } from '../../../shared/contracts/members';
import type { Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

/**
 * "Not in the future" is judged on Vietnam's calendar: at 20:00 UTC it is already the next day in Hà Nội,
 * and a member admitted that morning is entered the same morning (the server's UTC day is a day behind).
 */

let database: Database;
let t: TestApp;
let officer: Session;
let tree: Awaited<ReturnType<typeof newProvinceTree>>;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  tree = await newProvinceTree(database.db, 'D');
  await newUser(database.db, {
    username: 'workplace.d',
    grants: [{ role: 'committee_officer', unitId: tree.workplace.id, position: 'secretary' }],
  });
  t.clock.set(new Date('2026-11-23T20:00:00Z')); // 24/11/2026 03:00 in Hà Nội
  officer = await loginAs(t.app, 'workplace.d');
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

const create = (cardNumber: string, dateAdmitted: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/members',
    headers: officer.headers,
    payload: {
      fullName: 'Lê Văn Tám',
      sex: 'male',
      dateOfBirth: '1990-04-12',
      cardNumber,
      dateAdmitted,
      cellId: tree.workplaceCell.id,
      residenceAreaId: tree.area.id,
    },
  });

describe('member dates on the Vietnam calendar', () => {
  it('takes today in Vietnam when it is still yesterday in UTC, and refuses the day after', async () => {
    const today = await create('43000001', '2026-11-24');
    expect(today.statusCode, today.body).toBe(201);
    expect(memberDetailSchema.parse(today.json()).dateAdmitted).toBe('2026-11-24');
    const tomorrow = await create('43000002', '2026-11-25');
    expect(tomorrow.statusCode).toBe(422);
    expect(tomorrow.json().error.fields.dateAdmitted).toBeTruthy();
  });
});
