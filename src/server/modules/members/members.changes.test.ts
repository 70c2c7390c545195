import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberDetailSchema } from '../../../shared/contracts/members';
import { queryRows, type Database } from '../../db/client';
import { newMember, newUnit } from '../../../../tests/fixtures/factories';
import type { Session, TestApp } from '../../../../tests/fixtures/app';
import { membersWorld, type MembersWorld } from './members.fixture';

/** Creating and changing members, on a database of their own (the search tests count the members they see). */
let w: MembersWorld;
let database: Database;
let t: TestApp;
let a: MembersWorld['a'];
let b: MembersWorld['b'];
let otherCommuneMember: { id: string };
let workplaceOfficer: Session;

beforeAll(async () => {
  w = await membersWorld();
  ({ database, t, a, b, otherCommuneMember, workplaceOfficer } = w);
});

afterAll(() => w.close());

/** A working member of workplace A of the test's own, for a test that changes one. */
const ownMember = () =>
  newMember(database.db, {
    fullName: 'Trương Văn Chuyển',
    cellId: a.workplaceCell.id,
    residenceCommuneId: a.commune.id,
  });

/** The workplace officer moves the member to a new cell and sets the job title, as an editor would. */
async function moveToNewCell(memberId: string) {
  const newCell = await newUnit(database.db, {
    parent: a.workplace,
    type: 'workplace_cell',
    name: 'Chi bộ Phòng Kỹ thuật',
  });
  const detail = memberDetailSchema.parse(
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/members/${memberId}`,
        headers: { cookie: workplaceOfficer.cookie },
      })
    ).json(),
  );
  const res = await t.app.inject({
    method: 'PATCH',
    url: `/api/members/${memberId}`,
    headers: workplaceOfficer.headers,
    payload: { cellId: newCell.id, jobTitle: 'Kỹ sư', expectedUpdatedAt: detail.updatedAt },
  });
  return { newCell, detail, res };
}

describe('create and update', () => {
  const body = (overrides: Record<string, unknown> = {}) => ({
    fullName: '  Vũ   Thị Hạnh ',
    sex: 'female',
    dateOfBirth: '1990-04-12',
    cardNumber: '42000001',
    dateAdmitted: '2015-05-19',
    dateOfficial: '2016-05-19',
    cellId: a.workplaceCell.id,
    residenceAreaId: a.area.id,
    ...overrides,
  });

  it('creates a member with a dated membership and an audit entry', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/members',
      headers: workplaceOfficer.headers,
      payload: body(),
    });
    expect(res.statusCode).toBe(201);
    const m = memberDetailSchema.parse(res.json());
    expect(m.fullName).toBe('Vũ Thị Hạnh');
    expect(m.residenceCommuneId).toBe(a.commune.id); // derived from the area
    expect(m.memberships).toEqual([
      expect.objectContaining({
        unitId: a.workplaceCell.id,
        kind: 'party_cell',
        validFrom: '2016-05-19',
        validTo: null,
      }),
    ]);
    const audit = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_log where entity_id = ${m.id}`,
    );
    expect(audit.map((r) => r.action)).toEqual(['member.created']);
  });

  it('refuses a duplicate card number with 409', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/members',
      headers: workplaceOfficer.headers,
      payload: body({ cardNumber: '40001234' }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('card_number_taken');
  });

  it('validates fields and rules with messages per field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/members',
      headers: { ...workplaceOfficer.headers, 'accept-language': 'en' },
      payload: body({ cardNumber: '12', dateOfBirth: '1990-02-30', sex: 'x' }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toMatchObject({
      cardNumber: 'A Party card number has 6–12 digits.',
      dateOfBirth: 'Invalid date.',
      sex: 'Invalid choice.',
    });
    const rules = await t.app.inject({
      method: 'POST',
      url: '/api/members',
      headers: workplaceOfficer.headers,
      payload: body({ cardNumber: '42000009', dateOfficial: '2014-01-01', category: 'exempt' }),
    });
    expect(rules.statusCode).toBe(422);
    expect(Object.keys(rules.json().error.fields).sort()).toEqual([
      'categoryReason',
      'dateOfficial',
      'exemptFrom',
    ]);
  });

  it('refuses a cell outside the officer’s committee', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/members',
      headers: workplaceOfficer.headers,
      payload: body({ cardNumber: '42000002', cellId: b.workplaceCell.id }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.cellId).toBeTruthy();
  });

  it('moves a member to another cell keeping the membership history', async () => {
    const member = await ownMember();
    const { newCell, detail, res } = await moveToNewCell(member.id);
    expect(res.statusCode).toBe(200);
    const after = memberDetailSchema.parse(res.json());
    expect(after.cellId).toBe(newCell.id);
    const partyCells = after.memberships.filter((m) => m.kind === 'party_cell');
    expect(partyCells).toHaveLength(2);
    expect(partyCells.find((m) => m.unitId === a.workplaceCell.id)?.validTo).toBe('2026-11-23');
    expect(partyCells.find((m) => m.unitId === newCell.id)?.validTo).toBeNull();
    // A second editor with the stale version is told, not silently overwritten.
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/members/${member.id}`,
      headers: workplaceOfficer.headers,
      payload: { jobTitle: 'Trưởng phòng', expectedUpdatedAt: detail.updatedAt },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_update');
  });

  it('shows the member’s audit trail to whoever may read the member, and not to others', async () => {
    const member = await ownMember();
    expect((await moveToNewCell(member.id)).res.statusCode).toBe(200);
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/audit?entityType=member&entityId=${member.id}`,
      headers: { cookie: workplaceOfficer.cookie },
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items[0]).toMatchObject({ action: 'member.updated', after: { jobTitle: 'Kỹ sư' } });
    const theirs = await t.app.inject({
      method: 'GET',
      url: `/api/audit?entityType=member&entityId=${otherCommuneMember.id}`,
      headers: { cookie: workplaceOfficer.cookie },
    });
    expect(theirs.statusCode).toBe(404);
  });
});
