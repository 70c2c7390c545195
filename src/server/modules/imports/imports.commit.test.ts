import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { importJobSchema } from '../../../shared/contracts/imports';
import { queryRows } from '../../db/client';
import type { Session } from '../../../../tests/fixtures/app';
import { commit, commitAndWait, preview, xlsxFile } from './fixtures/helpers';
import { HEADERS11, row, useImportWorld } from './fixtures/world';
import { waitForCommit } from './imports.service';

const w = useImportWorld();
const { count, jobCount, memberByCard } = w;

describe('preview and commit', () => {
  it('previews a bad row with its row number and field, imports the rest, and a re-import changes nothing', async () => {
    const cell = w.a.workplaceCell.code;
    const file = await xlsxFile(HEADERS11, [
      row('20000001', cell, { name: 'Trần Thị Một', sex: 'Nữ' }),
      row('20000002', cell, { dob: '31/02/1985' }),
      row('20000003', cell, { dob: new Date(Date.UTC(1990, 0, 15)), phone: 912345679 }),
    ]);
    const before = await jobCount();
    const job = await preview(w.t.app, w.officer, 'ds.xlsx', file);
    expect(await jobCount()).toBe(before + 1);
    expect(job).toMatchObject({ status: 'previewed', totalRows: 3, validRows: 2, errorRows: 1 });
    expect(job.errors).toEqual([
      {
        rowNo: 3,
        field: 'dateOfBirth',
        code: 'import.dateInvalid',
        message: expect.stringContaining('dd/mm/yyyy'),
      },
    ]);
    expect(await memberByCard('20000001')).toBeUndefined();

    const done = await commitAndWait(w.t.app, w.officer, job.id, 'valid_only');
    expect(done).toMatchObject({
      status: 'committed',
      insertedRows: 2,
      updatedRows: 0,
      unchangedRows: 0,
      processedRows: 3,
    });
    const one = await memberByCard('20000001');
    expect(one?.cell_id).toBe(w.a.workplaceCell.id);
    expect(await memberByCard('20000002')).toBeUndefined();
    const three = (
      await queryRows<{ phone: string; date_of_birth: string }>(
        w.database.db,
        sql`select phone, date_of_birth::text from members where card_number = '20000003'`,
      )
    )[0];
    expect(three).toEqual({ phone: '0912345679', date_of_birth: '1990-01-15' });
    expect(
      await count(
        sql`select count(*)::int as n from unit_memberships where member_id = ${one!.id} and kind = 'party_cell' and valid_to is null`,
      ),
    ).toBe(1);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where action = 'member.created' and after->>'importJobId' = ${job.id}`,
      ),
    ).toBe(2);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where action = 'member.import_committed' and entity_id = ${job.id}`,
      ),
    ).toBe(1);
    const notes = await queryRows<{ params: { inserted: number; fileName: string } }>(
      w.database.db,
      sql`select params from notifications where kind = 'import_committed'`,
    );
    expect(notes.at(-1)?.params).toMatchObject({ inserted: 2, fileName: 'ds.xlsx' });

    // Same file again: nothing changes, updated_at stays.
    const again = await preview(w.t.app, w.officer, 'ds.xlsx', file);
    const redone = await commitAndWait(w.t.app, w.officer, again.id, 'valid_only');
    expect(redone).toMatchObject({ status: 'committed', insertedRows: 0, updatedRows: 0, unchangedRows: 2 });
    expect((await memberByCard('20000001'))!.updated_at).toBe(one!.updated_at);

    // A real change (job title, and a move to another cell) updates and moves the membership.
    const changed = await xlsxFile(HEADERS11, [
      row('20000001', w.a.residentialCell.code, { name: 'Trần Thị Một', sex: 'Nữ', job: 'Trưởng phòng' }),
    ]);
    const job3 = await commitAndWait(
      w.t.app,
      w.officer,
      (await preview(w.t.app, w.officer, 'ds2.xlsx', changed)).id,
    );
    expect(job3).toMatchObject({ insertedRows: 0, updatedRows: 1, unchangedRows: 0 });
    const moved = await memberByCard('20000001');
    expect(moved).toMatchObject({ cell_id: w.a.residentialCell.id, job_title: 'Trưởng phòng' });
    expect(moved!.updated_at).not.toBe(one!.updated_at);
    const memberships = await queryRows<{ unit_id: string; valid_to: string | null }>(
      w.database.db,
      sql`select unit_id, valid_to::text from unit_memberships where member_id = ${one!.id} and kind = 'party_cell' order by valid_from, created_at`,
    );
    expect(memberships).toEqual([
      { unit_id: w.a.workplaceCell.id, valid_to: '2026-11-23' },
      { unit_id: w.a.residentialCell.id, valid_to: null },
    ]);
    const upd = await queryRows<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
      w.database.db,
      sql`select before, after from audit_log where action = 'member.updated' and entity_id = ${one!.id}`,
    );
    expect(upd).toHaveLength(1);
    expect(upd[0]!.before).toEqual({ jobTitle: 'Kỹ sư', cellId: w.a.workplaceCell.id });
    expect(upd[0]!.after).toMatchObject({
      jobTitle: 'Trưởng phòng',
      cellId: w.a.residentialCell.id,
      importJobId: job3.id,
    });
  });

  it('all_or_nothing refuses a file with errors and writes nothing', async () => {
    const file = await xlsxFile(HEADERS11, [
      row('20000101', w.a.workplaceCell.code),
      row('123', w.a.workplaceCell.code),
    ]);
    const job = await preview(w.t.app, w.officer, 'x.xlsx', file);
    expect(job.errors).toMatchObject([{ rowNo: 3, field: 'cardNumber', code: 'cardNumber.format' }]);
    const res = await commit(w.t.app, w.officer, job.id, 'all_or_nothing');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('import.hasErrors');
    expect(await memberByCard('20000101')).toBeUndefined();
    const after = await w.t.app.inject({
      method: 'GET',
      url: `/api/members/import/${job.id}`,
      headers: { cookie: w.officer.cookie },
    });
    expect(after.json().status).toBe('previewed');
  });

  it('all_or_nothing imports a clean file in one go', async () => {
    const file = await xlsxFile(HEADERS11, [
      row('20000201', w.a.workplaceCell.code),
      row('20000202', w.a.workplaceCell.code),
    ]);
    const job = await preview(w.t.app, w.officer, 'ok.xlsx', file);
    expect(await commitAndWait(w.t.app, w.officer, job.id, 'all_or_nothing')).toMatchObject({
      status: 'committed',
      insertedRows: 2,
    });
  });

  it('a double-submitted commit imports once', async () => {
    const file = await xlsxFile(HEADERS11, [
      row('20000601', w.a.workplaceCell.code),
      row('20000602', w.a.workplaceCell.code),
    ]);
    const job = await preview(w.t.app, w.officer, 'd.xlsx', file);
    const [r1, r2] = await Promise.all([
      commit(w.t.app, w.officer, job.id, 'valid_only'),
      commit(w.t.app, w.officer, job.id, 'valid_only'),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([202, 409]);
    await waitForCommit(job.id);
    const r3 = await commit(w.t.app, w.officer, job.id, 'valid_only');
    expect(r3.statusCode).toBe(409);
    expect(r3.json().error.code).toBe('import.wrongState');
    expect(
      await count(sql`select count(*)::int as n from members where card_number in ('20000601', '20000602')`),
    ).toBe(2);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where action = 'member.import_committed' and entity_id = ${job.id}`,
      ),
    ).toBe(1);
  });

  it('the creator or an admin may see a job; others get 404; a previewed job can be discarded', async () => {
    const job = await preview(
      w.t.app,
      w.officer,
      'g.xlsx',
      await xlsxFile(HEADERS11, [row('20000901', w.a.workplaceCell.code)]),
    );
    const get = (s: Session) =>
      w.t.app.inject({ method: 'GET', url: `/api/members/import/${job.id}`, headers: { cookie: s.cookie } });
    expect((await get(w.officer)).statusCode).toBe(200);
    expect((await get(w.admin)).statusCode).toBe(200);
    expect((await get(w.workplaceOfficer)).statusCode).toBe(404);
    expect((await get(w.memberSession)).statusCode).toBe(404);
    const del = await w.t.app.inject({
      method: 'DELETE',
      url: `/api/members/import/${job.id}`,
      headers: w.officer.headers,
    });
    expect(del.statusCode).toBe(200);
    expect(importJobSchema.parse(del.json()).status).toBe('discarded');
    expect(await count(sql`select count(*)::int as n from import_rows where job_id = ${job.id}`)).toBe(0);
    expect((await commit(w.t.app, w.officer, job.id, 'valid_only')).statusCode).toBe(409);
  });
});
