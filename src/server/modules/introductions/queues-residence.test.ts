import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  coverageSchema,
  residentsResponseSchema,
  type ResidentItem,
} from '../../../shared/contracts/introductions';
import {
  closeQueues,
  setupQueues,
  a,
  b,
  emptyResidentialCell,
  get,
  names,
  s,
  secondCell,
  walk,
} from './queues.fixture';

/** The residence side of the queues (Art. 4.1, 4.2), coverage of both sides, and who may read them. */

beforeAll(setupQueues);
afterAll(closeQueues);

describe('residents of a commune and of a cell', () => {
  const parse = (body: unknown) => residentsResponseSchema.parse(body);

  it('lists the working members living in the commune, new arrivals first, with their workplace committee', async () => {
    const res = await get(s.commune, `/api/introductions/residents?unitId=${a.commune.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = parse(res.json()).items;
    // Bình and Phúc were placed and the cell has not yet acknowledged them.
    expect(items.slice(0, 2).map((i) => [i.fullName, i.isNew])).toEqual([
      ['Trần Thị Bình', true],
      ['Lý Văn Phúc', true],
    ]);
    expect(items.slice(2).every((i) => !i.isNew)).toBe(true);
    expect(names(items).sort()).toEqual(
      [
        'Bùi Văn Khánh',
        'Lê Văn Cường',
        'Lý Văn Phúc',
        'Ngô Văn Long',
        'Nguyễn Văn An',
        'Trần Thị Bình',
        'Vũ Thị Giang',
      ].sort(),
    );
    const byName = new Map(items.map((i) => [i.fullName, i]));
    expect(byName.get('Lý Văn Phúc')).toMatchObject({
      workplaceCommitteeId: b.workplace.id,
      workplaceCommitteeName: b.workplace.name,
      workplaceCommitteePhone: '0238 3844 555',
    });
    expect(byName.get('Nguyễn Văn An')).toMatchObject({
      workplaceCommitteeName: a.workplace.name,
      workplaceCellName: a.workplaceCell.name,
      residenceCellName: a.residentialCell.name,
      letterStatus: 'acknowledged',
    });
    expect(byName.get('Ngô Văn Long')).toMatchObject({
      workplaceCommitteeName: a.workplace.name,
      letterId: null,
      isNew: false,
    });
    expect(byName.get('Bùi Văn Khánh')).toMatchObject({
      category: 'not_introduced',
      categoryReason: 'Nhiệm vụ đặc biệt',
    });
  });

  it('walks the residents page by page without losing or repeating anyone', async () => {
    const whole = parse(
      (await get(s.commune, `/api/introductions/residents?unitId=${a.commune.id}&limit=200`)).json(),
    ).items;
    const pages = await walk<ResidentItem>(
      s.commune,
      `/api/introductions/residents?unitId=${a.commune.id}`,
      parse,
    );
    expect(pages.map((i) => i.memberId)).toEqual(whole.map((i) => i.memberId));
    expect(new Set(pages.map((i) => i.memberId)).size).toBe(7);
  });

  it('lists the members placed in a cell for its secretary, new arrivals first', async () => {
    const items = parse(
      (await get(s.cell, `/api/introductions/residents?cellId=${a.residentialCell.id}`)).json(),
    ).items;
    expect(items.map((i) => [i.fullName, i.isNew])).toEqual([
      ['Trần Thị Bình', true],
      ['Lý Văn Phúc', true],
      ['Nguyễn Văn An', false],
    ]);
    // The cell is the secretary's default unit.
    expect(names(parse((await get(s.cell, '/api/introductions/residents')).json()).items)).toEqual(
      names(items),
    );
    expect(
      names(parse((await get(s.cell, '/api/introductions/residents?onlyNew=true')).json()).items),
    ).toEqual(['Trần Thị Bình', 'Lý Văn Phúc']);
    expect(names(parse((await get(s.cell, '/api/introductions/residents?q=ly%20van')).json()).items)).toEqual(
      ['Lý Văn Phúc'],
    );
    expect(
      parse((await get(s.commune, `/api/introductions/residents?cellId=${emptyResidentialCell.id}`)).json())
        .items,
    ).toEqual([]);
  });
});

describe('coverage', () => {
  it('workplace side: the committee and each of its cells', async () => {
    const res = await get(s.staff, `/api/introductions/coverage?unitId=${a.workplace.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = coverageSchema.parse(res.json());
    expect(c.side).toBe('workplace');
    // introduced: An, Bình, Cường, Dung (issued or further); the draft and the rejected letter do not count.
    expect(c.total).toMatchObject({
      unitId: a.workplace.id,
      total: 9,
      introduced: 4,
      received: 3,
      placed: 2,
      notToIntroduce: 1,
    });
    expect(c.children).toEqual([
      {
        unitId: a.workplaceCell.id,
        unitName: a.workplaceCell.name,
        unitType: 'workplace_cell',
        total: 8,
        introduced: 4,
        received: 3,
        placed: 2,
        notToIntroduce: 1,
      },
      {
        unitId: secondCell.id,
        unitName: secondCell.name,
        unitType: 'workplace_cell',
        total: 1,
        introduced: 0,
        received: 0,
        placed: 0,
        notToIntroduce: 0,
      },
    ]);
  });

  it('residence side: the commune and each residential cell, including an empty one', async () => {
    const c = coverageSchema.parse(
      (await get(s.commune, `/api/introductions/coverage?unitId=${a.commune.id}`)).json(),
    );
    expect(c.side).toBe('residence');
    // Everyone living here, whichever committee they work for.
    expect(c.total).toMatchObject({ total: 7, introduced: 4, received: 3, placed: 3, notToIntroduce: 1 });
    expect(c.children).toEqual([
      {
        unitId: a.residentialCell.id,
        unitName: a.residentialCell.name,
        unitType: 'residential_cell',
        total: 3,
        introduced: 3,
        received: 3,
        placed: 3,
        notToIntroduce: 0,
      },
      {
        unitId: emptyResidentialCell.id,
        unitName: emptyResidentialCell.name,
        unitType: 'residential_cell',
        total: 0,
        introduced: 0,
        received: 0,
        placed: 0,
        notToIntroduce: 0,
      },
    ]);
  });

  it('a cell secretary sees the residence side of the cell only', async () => {
    const c = coverageSchema.parse((await get(s.cell, '/api/introductions/coverage')).json());
    expect(c.total).toMatchObject({ unitId: a.residentialCell.id, total: 3, placed: 3 });
    expect(
      (await get(s.cell, `/api/introductions/coverage?unitId=${a.residentialCell.id}&side=workplace`))
        .statusCode,
    ).toBe(403);
  });
});

describe('scope', () => {
  it('answers "not found" for units out of reach', async () => {
    expect(
      (await get(s.otherWorkplace, `/api/introductions/workplace/members?unitId=${a.workplace.id}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await get(s.commune, `/api/introductions/workplace/summary?unitId=${a.workplace.id}`)).statusCode,
    ).toBe(404);
    expect((await get(s.communeB, `/api/introductions/residents?unitId=${a.commune.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await get(s.communeB, `/api/introductions/residents?cellId=${a.residentialCell.id}`)).statusCode,
    ).toBe(404);
    // a cell secretary does not read the whole commune
    expect((await get(s.cell, `/api/introductions/residents?unitId=${a.commune.id}`)).statusCode).toBe(404);
    expect((await get(s.communeB, `/api/introductions/coverage?unitId=${a.commune.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await get(s.otherWorkplace, `/api/introductions/coverage?unitId=${a.workplace.id}`)).statusCode,
    ).toBe(404);
  });

  it('a member cannot read the queues', async () => {
    for (const url of [
      '/api/introductions/workplace/summary',
      `/api/introductions/workplace/summary?unitId=${a.workplace.id}`,
      `/api/introductions/workplace/members?unitId=${a.workplace.id}`,
      '/api/introductions/residents',
      `/api/introductions/residents?unitId=${a.commune.id}`,
      `/api/introductions/residents?cellId=${a.residentialCell.id}`,
      `/api/introductions/coverage?unitId=${a.workplace.id}`,
    ]) {
      expect((await get(s.member, url)).statusCode, url).toBe(404);
    }
  });
});
