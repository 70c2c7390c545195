import { afterEach, describe, expect, it } from 'vitest';
import { type Requests, type Scenario, type Stage, world } from './evaluations.scenario';

/**
 * Rule sets are data: the regulation installed, a successor loaded by an administrator.
 * Each test builds its own world (evaluations.scenario.ts) up to the stage it starts from.
 */

let sc: Scenario, http: Requests, s: Scenario['s'];
const begin = async (stage?: Stage) => ({ sc, http, s } = await world(stage));
afterEach(() => sc.close());

describe('rule sets are data', () => {
  it('the 2020 regulation is installed; a successor loads without code; a bad one is refused', async () => {
    await begin();
    const list = (await http.get(s.an, '/api/rule-sets')).json() as { items: { code: string }[] };
    expect(list.items.map((r) => r.code)).toContain('reg-213-2020');
    const def = (await http.get(s.an, '/api/rule-sets/reg-213-2020')).json() as {
      forms: { full: { criteria: unknown[] }; exempt: { criteria: unknown[] } };
    };
    expect(def.forms.full.criteria).toHaveLength(6);
    expect(def.forms.exempt.criteria).toHaveLength(3);
    const successor = { ...def, code: 'reg-2026-draft', effectiveFrom: '2027-01-01' };
    expect((await http.post(s.workplace, '/api/rule-sets', successor)).statusCode).toBe(403);
    expect((await http.post(s.admin, '/api/rule-sets', successor)).statusCode).toBe(201);
    expect((await http.post(s.admin, '/api/rule-sets', successor)).statusCode).toBe(409);
    const broken = {
      ...successor,
      code: 'reg-broken',
      flags: [
        {
          code: 'x',
          label: { vi: 'x', en: 'x' },
          criterion: 'nope',
          levels: ['a'],
          metric: 'openWarnings',
          op: '>',
          value: 0,
        },
      ],
    };
    expect((await http.post(s.admin, '/api/rule-sets', broken)).statusCode).toBe(422);
  });
});
