import { afterAll, beforeAll } from 'vitest';
import { errorResponseSchema } from '../../../shared/contracts/common';
import type { Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newProvinceTree, newUnit, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

/**
 * The org-unit test files' world, on a database of their own: a province tree, a second commune out of the
 * officer's reach, an admin and the first commune's officer. Call at the top of a test file; read the fields
 * inside tests (they are set in beforeAll).
 */
export interface OrgUnitWorld {
  database: Database;
  t: TestApp;
  tree: Awaited<ReturnType<typeof newProvinceTree>>;
  otherCommune: Awaited<ReturnType<typeof newUnit>>;
  admin: Session;
  officer: Session;
  get(s: Session, url: string): ReturnType<TestApp['app']['inject']>;
  send(
    s: Session,
    method: 'POST' | 'PATCH',
    url: string,
    payload: unknown,
  ): ReturnType<TestApp['app']['inject']>;
}

export function useOrgUnitWorld(): OrgUnitWorld {
  const w = {
    get: (s: Session, url: string) => w.t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } }),
    send: (s: Session, method: 'POST' | 'PATCH', url: string, payload: unknown) =>
      w.t.app.inject({ method, url, headers: s.headers, payload: payload as Record<string, unknown> }),
  } as OrgUnitWorld;

  beforeAll(async () => {
    w.database = await createTestDatabase();
    w.t = await buildTestApp(w.database);
    w.tree = await newProvinceTree(w.database.db);
    w.otherCommune = await newUnit(w.database.db, {
      parent: w.tree.province,
      type: 'commune_committee',
      name: 'Phường Thành Vinh',
    });
    await newUser(w.database.db, { username: 'admin', grants: [{ role: 'admin' }] });
    await newUser(w.database.db, {
      username: 'officer',
      phone: '0987654321',
      displayName: 'Trần Thị Bí Thư',
      grants: [{ role: 'committee_officer', unitId: w.tree.commune.id, position: 'secretary' }],
    });
    w.admin = await loginAs(w.t.app, 'admin');
    w.officer = await loginAs(w.t.app, 'officer');
  });

  afterAll(async () => {
    await w.t.app.close();
    await w.database.close();
  });

  return w;
}

export const errorCode = (res: { json(): unknown }) => errorResponseSchema.parse(res.json()).error.code;
