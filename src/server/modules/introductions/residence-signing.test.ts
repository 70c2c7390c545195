import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLettersResponseSchema } from '../../../shared/contracts/introductions';
import { queryRows } from '../../db/client';
import { newMember } from '../../../../tests/fixtures/factories';
import {
  closeResidence,
  setupResidence,
  m,
  database,
  t,
  a,
  b,
  s,
  post,
  get,
  ok,
  letterOf,
} from './residence.fixture';

/** Signing rights, job transfers and the Vietnamese calendar on the residence side. */

beforeAll(setupResidence);
afterAll(closeResidence);

describe('signing rights, transfers and the Vietnamese calendar', () => {
  it('after a job transfer, the new committee can open the member’s letter shown in its queue', async () => {
    const letter = await letterOf(m.transferred!.id);
    expect((await get(s.otherWorkplace, `/api/introductions/letters/${letter.id}`)).statusCode).toBe(404);
    await ok(
      await post(s.signer, '/api/introductions/notices', {
        memberId: m.transferred!.id,
        kind: 'job_transfer',
        newCellId: b.workplaceCell.id,
        effectiveDate: '2026-11-15',
      }),
      201,
    );
    expect((await get(s.otherWorkplace, `/api/introductions/letters/${letter.id}`)).statusCode).toBe(200);
  });

  it('creating with "issue at once" without the right to sign leaves nothing behind', async () => {
    const x = await newMember(database.db, {
      fullName: 'Cao Văn Ký',
      cardNumber: '43000201',
      cellId: a.workplaceCell.id,
      residenceCommuneId: a.commune.id,
    });
    expect(
      (await post(s.staff, '/api/introductions/letters', { memberIds: [x.id], issue: true })).statusCode,
    ).toBe(403);
    expect(
      await queryRows(database.db, sql`select id from introduction_letters where member_id = ${x.id}`),
    ).toEqual([]);
  });

  it('re-sending with "issue at once" without the right to sign leaves the rejected letter as it was', async () => {
    const x = await newMember(database.db, {
      fullName: 'Cao Văn Gửi',
      cardNumber: '43000202',
      cellId: a.workplaceCell.id,
      residenceCommuneId: a.commune.id,
    });
    const created = createLettersResponseSchema.parse(
      await ok(await post(s.signer, '/api/introductions/letters', { memberIds: [x.id], issue: true })),
    );
    await ok(
      await post(s.commune, '/api/introductions/letters/reject', {
        letterIds: created.letterIds,
        reason: 'not_our_area',
      }),
    );
    const res = await post(s.staff, `/api/introductions/letters/${created.letterIds[0]}/resend`, {
      receivingCommuneId: b.commune.id,
      issue: true,
    });
    expect(res.statusCode).toBe(403);
    expect(await letterOf(x.id)).toMatchObject({ id: created.letterIds[0], status: 'rejected' });
  });

  it('a letter issued at 01:00 on 1 January (Hà Nội) opens the new year’s series', async () => {
    t.clock.set(new Date('2026-12-31T18:00:00Z'));
    const x = await newMember(database.db, {
      fullName: 'Cao Văn Tết',
      cardNumber: '43000203',
      cellId: a.workplaceCell.id,
      residenceCommuneId: a.commune.id,
    });
    const created = createLettersResponseSchema.parse(
      await ok(await post(s.signer, '/api/introductions/letters', { memberIds: [x.id], issue: true })),
    );
    const [row] = await queryRows<{ year: number; number: number }>(
      database.db,
      sql`select year, number from introduction_letters where id = ${created.letterIds[0]}`,
    );
    expect(row).toEqual({ year: 2027, number: 1 });
  });
});
