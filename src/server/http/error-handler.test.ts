import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../shared/contracts/errors';
import type { Database } from '../db/client';
import { createTestDatabase } from '../../../tests/fixtures/test-db';
import { newProvinceTree, newUser } from '../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../tests/fixtures/app';

/**
 * Wrong-type values are "invalid" (or what was expected), never "required": fastify-type-provider-zod passes
 * zod v4 issues without their input, so the handler looks at what the request carried.
 */
let database: Database;
let t: TestApp;
let officer: Session;
let unitId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  const tree = await newProvinceTree(database.db, 'V');
  unitId = tree.workplace.id;
  await newUser(database.db, {
    username: 'officer',
    grants: [{ role: 'committee_officer', unitId, position: 'secretary' }],
  });
  officer = await loginAs(t.app, 'officer');
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

async function fieldsOf(method: 'GET' | 'POST', url: string, payload?: object, lang = 'vi') {
  const res = await t.app.inject({
    method,
    url,
    payload,
    headers: { ...officer.headers, 'accept-language': lang },
  });
  expect(res.statusCode, res.body).toBe(422);
  const body = errorResponseSchema.parse(res.json());
  expect(body.error.code).toBe('validation_failed');
  return body.error.fields ?? {};
}

describe('validation messages', () => {
  it('a number where a UUID is expected and a string where a list is are invalid, not missing', async () => {
    const vi = await fieldsOf('POST', '/api/evaluations/cycles', { unitId: 5, year: 2026, memberIds: 'abc' });
    expect(vi).toEqual({ unitId: 'Giá trị không hợp lệ.', memberIds: 'Giá trị phải là một danh sách.' });
    const en = await fieldsOf(
      'POST',
      '/api/evaluations/cycles',
      { unitId: 5, year: 2026, memberIds: 'abc' },
      'en',
    );
    expect(en).toEqual({ unitId: 'Invalid value.', memberIds: 'This must be a list.' });
  });

  it('a value left out, null, blank or an empty list is required', async () => {
    expect(await fieldsOf('POST', '/api/evaluations/cycles', { unitId: null }, 'en')).toEqual({
      unitId: 'Required.',
      year: 'Required.',
    });
    expect(await fieldsOf('POST', '/api/evaluations/confirm', { evaluationIds: [] }, 'en')).toEqual({
      evaluationIds: 'Required.',
    });
    expect(await fieldsOf('POST', '/api/evaluations/confirm', {}, 'en')).toEqual({
      evaluationIds: 'Required.',
    });
    expect(
      await fieldsOf(
        'POST',
        '/api/evaluations/return',
        { evaluationIds: [crypto.randomUUID()], reason: '   ' },
        'en',
      ),
    ).toEqual({
      reason: 'Required.',
    });
  });

  it('a list of the wrong items, a text where a number is, an unknown choice and a short text say so', async () => {
    expect(await fieldsOf('POST', '/api/evaluations/confirm', { evaluationIds: [12] }, 'en')).toEqual({
      'evaluationIds.0': 'Invalid value.',
    });
    expect(await fieldsOf('POST', '/api/evaluations/confirm', { evaluationIds: 'x' }, 'en')).toEqual({
      evaluationIds: 'This must be a list.',
    });
    expect(await fieldsOf('POST', '/api/evaluations/cycles', { unitId, year: 'soon' }, 'en')).toEqual({
      year: 'This must be a number.',
    });
    expect(
      await fieldsOf('POST', '/api/evaluations/cycles', { unitId, year: 2026, dueDate: 20261231 }, 'en'),
    ).toEqual({ dueDate: 'Invalid value.' });
    expect(
      await fieldsOf(
        'POST',
        '/api/evaluations/return',
        { evaluationIds: [crypto.randomUUID()], reason: 'no' },
        'en',
      ),
    ).toEqual({
      reason: 'Too short (at least 5).',
    });
    expect(
      await fieldsOf(
        'POST',
        '/api/evaluations/proposal-answer'.replace('proposal', `${crypto.randomUUID()}/proposal`),
        { answer: 7 },
        'en',
      ),
    ).toEqual({
      answer: 'Invalid choice.',
    });
  });

  it('query strings and path parameters: wrong is invalid, missing is required', async () => {
    expect(
      await fieldsOf('GET', '/api/evaluations/backlog?side=workplace&year=abc', undefined, 'en'),
    ).toEqual({ year: 'This must be a number.' });
    expect(await fieldsOf('GET', '/api/evaluations/backlog', undefined, 'en')).toEqual({ side: 'Required.' });
    expect(await fieldsOf('GET', '/api/evaluations/backlog?side=everywhere', undefined, 'en')).toEqual({
      side: 'Invalid choice.',
    });
    expect(await fieldsOf('GET', '/api/evaluations/12345', undefined, 'en')).toEqual({
      id: 'Invalid value.',
    });
    expect(await fieldsOf('GET', '/api/evaluations/12345')).toEqual({ id: 'Giá trị không hợp lệ.' });
  });
});
