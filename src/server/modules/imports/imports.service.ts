import { createHash } from 'node:crypto';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import type { Locale } from '../../../shared/contracts/auth';
import type { ImportJob } from '../../../shared/contracts/imports';
import { importJobTransition, rowlessImportStatuses, transition } from '../../../shared/rules/import-job';
import type { Clock } from '../../context';
import type { Db, Executor } from '../../db/client';
import { canAdministerPath, memberWriteScope } from '../../http/access';
import { actingUnitId, grantsWith, isAdmin, type Actor } from '../../http/actor';
import { AppError, Conflict, NotFound } from '../../http/errors';
import { registerMessages, translate } from '../../i18n/messages';
import { writeAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { activeUnitStatus } from '../org-units/org-units.rules';
import { importMessages } from './imports.messages';
import { parseImportFile } from './imports.parse';
import * as repo from './imports.repository';
import { areaKey, checkRow, markDuplicatesInFile, type CheckedRow } from './imports.validate';

registerMessages(importMessages);

export interface ImportDeps {
  db: Db;
  clock: Clock;
}

export const MAX_PREVIEW_ERRORS = 500;
export const COMMIT_CHUNK_ROWS = 2000;

const CELL_TYPES = new Set(['residential_cell', 'workplace_cell']);
const COMMUNE_TYPES = new Set(['commune_committee', 'district_committee']);

/** Admins and committee officers import; everyone else is told the feature is not there (404, nothing leaks). */
export function canImport(actor: Actor): boolean {
  return isAdmin(actor) || grantsWith(actor, 'committee_officer').length > 0;
}

export function assertImporter(actor: Actor): void {
  if (!canImport(actor)) throw new NotFound();
}

async function loadOwnJob(db: Executor, actor: Actor, id: string) {
  assertImporter(actor);
  const job = await repo.findJob(db, id);
  if (!job || (job.createdBy !== actor.userId && !isAdmin(actor))) throw new NotFound();
  return job;
}

async function toImportJob(db: Executor, job: repo.ImportJobRow, locale: Locale): Promise<ImportJob> {
  const errors: ImportJob['errors'] = [];
  if (job.errorRows > 0 && !rowlessImportStatuses.includes(job.status)) {
    for (const row of await repo.listRowErrors(db, job.id, MAX_PREVIEW_ERRORS)) {
      for (const e of row.errors) {
        if (errors.length >= MAX_PREVIEW_ERRORS) break;
        errors.push({ rowNo: row.rowNo, field: e.field, code: e.code, message: translate(locale, e.code) });
      }
    }
  }
  return {
    id: job.id,
    fileName: job.fileName,
    status: job.status,
    totalRows: job.totalRows,
    validRows: job.validRows,
    errorRows: job.errorRows,
    processedRows: job.processedRows,
    insertedRows: job.insertedRows,
    updatedRows: job.updatedRows,
    unchangedRows: job.unchangedRows,
    mode: job.mode === 'valid_only' || job.mode === 'all_or_nothing' ? job.mode : null,
    error: job.error ? localiseStoredError(job.error, locale) : null,
    errors,
    createdAt: job.createdAt.toISOString(),
  };
}

/** Stored as 'key: technical detail'; shown as the localised sentence with the detail after it. */
function localiseStoredError(stored: string, locale: Locale): string {
  const [key, ...rest] = stored.split(': ');
  const detail = rest.join(': ');
  return detail ? `${translate(locale, key!)} (${detail})` : translate(locale, key!);
}

// ---------- upload → preview ----------

/** Parse and check every row, store the job and its rows, write nothing to members. Whole-file problems throw. */
export async function previewImport(
  deps: ImportDeps,
  actor: Actor,
  file: { fileName: string; bytes: Buffer },
  locale: Locale,
): Promise<ImportJob> {
  assertImporter(actor);
  const parsed = await parseImportFile(file.bytes, file.fileName);
  const today = vnDay(deps.clock.now());
  const rows = parsed.rows.map((r) => checkRow(r, parsed.keys, today));
  markDuplicatesInFile(rows, 'cardNumber', 'import.duplicateCardInFile');
  markDuplicatesInFile(rows, 'citizenId', 'import.duplicateCitizenIdInFile');
  await resolveReferences(
    deps.db,
    actor,
    rows,
    parsed.keys.includes('residenceCommuneCode') || parsed.keys.includes('residenceAreaName'),
  );
  await checkAgainstDatabase(deps.db, actor, rows);

  const errorRows = rows.filter((r) => r.errors.length > 0).length;
  const job = await deps.db.transaction(async (tx) => {
    const created = await repo.insertJob(tx, {
      status: importJobTransition('preview').to,
      createdBy: actor.userId,
      fileName: file.fileName.slice(0, 255),
      fileSha256: createHash('sha256').update(file.bytes).digest('hex'),
      totalRows: rows.length,
      validRows: rows.length - errorRows,
      errorRows,
    });
    await repo.insertRows(tx, created.id, rows);
    return created;
  });
  return toImportJob(deps.db, job, locale);
}

/** Cell codes, commune codes and area names: one query each for all distinct values, never one per row. */
async function resolveReferences(db: Executor, actor: Actor, rows: CheckedRow[], hasResidence: boolean) {
  const codes = new Set<string>();
  for (const r of rows) {
    if (r.data.cellCode) codes.add(r.data.cellCode);
    if (r.data.residenceCommuneCode) codes.add(r.data.residenceCommuneCode);
  }
  const units = new Map<string, Awaited<ReturnType<typeof repo.findUnitsByCodes>>[number]>();
  for (const u of await repo.findUnitsByCodes(db, [...codes])) {
    const key = u.code.toLowerCase();
    // An exact-case match wins over a case-insensitive one.
    if (!units.has(key) || codes.has(u.code)) units.set(key, u);
  }
  const communeIds = new Set<string>();
  for (const r of rows) {
    const addError = (field: string, code: string) => {
      if (!r.errors.some((e) => e.field === field)) r.errors.push({ field, code });
    };
    r.data.cellId = null;
    if (r.data.cellCode) {
      const cell = units.get(r.data.cellCode.toLowerCase());
      if (!cell) addError('cellCode', 'import.unknownCell');
      else if (
        !CELL_TYPES.has(cell.type) ||
        cell.status !== activeUnitStatus ||
        !canAdministerPath(actor, cell.path)
      )
        addError('cellCode', 'import.cellNotAllowed');
      else r.data.cellId = cell.id;
    }
    if (hasResidence) {
      r.data.residenceCommuneId = null;
      r.data.residenceAreaId = null;
      if (r.data.residenceCommuneCode) {
        const commune = units.get(r.data.residenceCommuneCode.toLowerCase());
        if (!commune || !COMMUNE_TYPES.has(commune.type) || commune.status !== activeUnitStatus)
          addError('residenceCommuneCode', 'import.unknownCommune');
        else {
          r.data.residenceCommuneId = commune.id;
          communeIds.add(commune.id);
        }
      }
    }
  }
  if (!hasResidence) return;
  const areas = new Map<string, string>();
  for (const a of await repo.findAreasInCommunes(db, [...communeIds])) {
    const key = areaKey(a.communeUnitId, a.name);
    if (!areas.has(key)) areas.set(key, a.id);
  }
  for (const r of rows) {
    if (!r.data.residenceAreaName || !r.data.residenceCommuneId) continue;
    const id = areas.get(areaKey(r.data.residenceCommuneId, r.data.residenceAreaName));
    if (id) r.data.residenceAreaId = id;
    else r.errors.push({ field: 'residenceAreaName', code: 'import.unknownArea' });
  }
}

/** Card numbers of members outside the actor's reach are never updated; a citizen ID may belong to one member only. */
async function checkAgainstDatabase(db: Executor, actor: Actor, rows: CheckedRow[]) {
  const hasError = (r: CheckedRow, field: string) => r.errors.some((e) => e.field === field);
  const cards = [
    ...new Set(
      rows.filter((r) => r.data.cardNumber && !hasError(r, 'cardNumber')).map((r) => r.data.cardNumber!),
    ),
  ];
  const existing = new Map(
    (await repo.findMembersByCards(db, cards, memberWriteScope(actor))).map((m) => [m.cardNumber, m]),
  );
  const citizenIds = [
    ...new Set(
      rows.filter((r) => r.data.citizenId && !hasError(r, 'citizenId')).map((r) => r.data.citizenId!),
    ),
  ];
  const holders = new Map(
    (await repo.findMembersByCitizenIds(db, citizenIds)).map((m) => [m.citizenId!, m.cardNumber]),
  );
  for (const r of rows) {
    const card = r.data.cardNumber;
    if (card && !hasError(r, 'cardNumber')) {
      const m = existing.get(card);
      if (m && !m.writable) r.errors.push({ field: 'cardNumber', code: 'import.cardNumberOtherUnit' });
    }
    const cid = r.data.citizenId;
    if (cid && !hasError(r, 'citizenId')) {
      const holder = holders.get(cid);
      if (holder && holder !== card) r.errors.push({ field: 'citizenId', code: 'import.citizenIdTaken' });
    }
  }
}

// ---------- job ----------

export async function getImportJob(
  deps: ImportDeps,
  actor: Actor,
  id: string,
  locale: Locale,
): Promise<ImportJob> {
  return toImportJob(deps.db, await loadOwnJob(deps.db, actor, id), locale);
}

/** Discard a previewed job: its rows go, the job stays as a record. */
export async function discardImport(
  deps: ImportDeps,
  actor: Actor,
  id: string,
  locale: Locale,
): Promise<ImportJob> {
  await loadOwnJob(deps.db, actor, id);
  const job = await deps.db.transaction(async (tx) => {
    const row = await repo.transitionJob(tx, id, importJobTransition('discard'), {
      finishedAt: deps.clock.now(),
    });
    if (!row) throw new Conflict('import.wrongState');
    await repo.deleteRows(tx, id);
    return row;
  });
  return toImportJob(deps.db, job, locale);
}

// ---------- commit ----------

const inFlight = new Map<string, Promise<void>>();

/** Resolves when a background commit has finished (tests, graceful shutdown). */
export function waitForCommit(jobId: string): Promise<void> {
  return inFlight.get(jobId) ?? Promise.resolve();
}

/**
 * Flip previewed → committing atomically (a double submit loses with 409), answer at once, and import in the
 * background; the client polls the job for processedRows.
 */
export async function commitImport(
  deps: ImportDeps,
  actor: Actor,
  id: string,
  mode: 'valid_only' | 'all_or_nothing',
  locale: Locale,
): Promise<ImportJob> {
  const job = await loadOwnJob(deps.db, actor, id);
  if (!transition(job.status, 'commit')) throw new Conflict('import.wrongState');
  if (mode === 'all_or_nothing' && job.errorRows > 0)
    throw new Conflict('import.hasErrors', { count: job.errorRows });
  if (job.validRows === 0) throw new Conflict('import.noValidRows');
  const flipped = await repo.transitionJob(deps.db, id, importJobTransition('commit'), {
    mode,
    processedRows: 0,
  });
  if (!flipped) throw new Conflict('import.wrongState');
  const response = await toImportJob(deps.db, flipped, locale);
  const done = runCommit(deps, actor, flipped, mode).finally(() => inFlight.delete(id));
  inFlight.set(id, done);
  return response;
}

/** Never rejects: a failure is recorded on the job ('failed' + message). */
export async function runCommit(
  deps: ImportDeps,
  actor: Actor,
  job: repo.ImportJobRow,
  mode: 'valid_only' | 'all_or_nothing',
): Promise<void> {
  const { db } = deps;
  const today = vnDay(deps.clock.now());
  const totals = { inserted: 0, updated: 0, unchanged: 0 };
  const audit = {
    userId: actor.userId,
    unitId: actingUnitId(actor),
    requestId: actor.requestId ?? null,
    ip: actor.ip ?? null,
  };
  const writeScope = memberWriteScope(actor);
  try {
    const keys = await repo.dataKeys(db, job.id);
    const range = await repo.rowNoRange(db, job.id);
    const chunks: [number, number][] = [];
    for (let from = range.min; from <= range.max; from += COMMIT_CHUNK_ROWS)
      chunks.push([from, from + COMMIT_CHUNK_ROWS]);

    const importChunk = async (tx: Executor, [from, to]: [number, number]) => {
      const result = await repo.upsertChunk(tx, {
        jobId: job.id,
        fromRowNo: from,
        toRowNo: to,
        keys,
        now: deps.clock.now(),
        writeScope,
        actor: audit,
      });
      const insertedIds = result.rows.filter((r) => r.inserted).map((r) => r.id);
      const changedIds = result.rows.filter((r) => r.cell_changed).map((r) => r.id);
      await repo.moveMemberships(tx, insertedIds, changedIds, today);
      totals.inserted += insertedIds.length;
      totals.updated += result.rows.length - insertedIds.length;
      totals.unchanged += result.validInChunk - result.rows.length;
      await repo.updateJob(tx, job.id, {
        processedRows: await repo.countRowsBefore(tx, job.id, to),
        insertedRows: totals.inserted,
        updatedRows: totals.updated,
        unchangedRows: totals.unchanged,
      });
    };
    const finish = async (tx: Executor) => {
      const finished = await repo.transitionJob(tx, job.id, importJobTransition('finish'), {
        processedRows: job.totalRows,
        finishedAt: deps.clock.now(),
      });
      // no longer committing (marked failed meanwhile): nothing of this run may stand
      if (!finished) throw new Conflict('import.wrongState');
      await writeAudit(tx, actor, {
        action: 'member.import_committed',
        entityType: 'import_job',
        entityId: job.id,
        after: {
          fileName: job.fileName,
          fileSha256: job.fileSha256,
          mode,
          totalRows: job.totalRows,
          errorRows: job.errorRows,
          ...totals,
        },
      });
      await notify(tx, {
        userIds: [actor.userId],
        kind: 'import_committed',
        params: { fileName: job.fileName, inserted: totals.inserted, updated: totals.updated },
      });
    };

    if (mode === 'all_or_nothing') {
      await db.transaction(async (tx) => {
        for (const chunk of chunks) await importChunk(tx, chunk);
        await finish(tx);
      });
    } else {
      for (const chunk of chunks) await db.transaction((tx) => importChunk(tx, chunk));
      await db.transaction(finish);
    }
  } catch (err) {
    const detail =
      err instanceof AppError
        ? err.code
        : err instanceof Error
          ? ((err.cause as Error | undefined)?.message ?? err.message)
          : String(err);
    const counts =
      mode === 'all_or_nothing'
        ? { insertedRows: 0, updatedRows: 0, unchangedRows: 0, processedRows: 0 }
        : {};
    await repo
      .transitionJob(db, job.id, importJobTransition('fail'), {
        error: `import.commitFailed: ${detail}`.slice(0, 1000),
        finishedAt: deps.clock.now(),
        ...counts,
      })
      .catch(() => undefined);
  }
}
