import type { MemberReadsQuery, RecordReadList } from '../../../shared/contracts/privacy';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import type { Clock } from '../../context';
import type { Db } from '../../db/client';
import { memberReadScope } from '../../http/access';
import { isAdmin, type Actor } from '../../http/actor';
import { NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { renderDataExportPdf } from './data-export-pdf';
import * as repo from './privacy.repository';
import { applyRetention } from './retention';

export interface PrivacyDeps {
  db: Db;
  clock: Clock;
}

function decodeCursor(cursor: string | undefined): number | null {
  if (!cursor) return null;
  const n = Number(cursor);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

async function readsPage(db: Db, memberId: string, query: MemberReadsQuery): Promise<RecordReadList> {
  const rows = await repo.listReads(db, memberId, {
    beforeId: decodeCursor(query.cursor),
    limit: query.limit + 1,
    readerUserId: query.readerUserId,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
  };
}

/** "Ai đã xem hồ sơ của tôi": only a member's own account has a record to ask about. */
export async function listMyReads(
  deps: PrivacyDeps,
  actor: Actor,
  query: { cursor?: string; limit: number },
): Promise<RecordReadList> {
  if (!actor.memberId) throw new NotFound();
  return readsPage(deps.db, actor.memberId, query);
}

/** Admins only, and only for members within their reach; anyone else is told "not found" (deny by default). */
export async function listMemberReads(
  deps: PrivacyDeps,
  actor: Actor,
  memberId: string,
  query: MemberReadsQuery,
): Promise<RecordReadList> {
  if (!isAdmin(actor) || !(await repo.memberInScope(deps.db, memberId, memberReadScope(actor))))
    throw new NotFound();
  return readsPage(deps.db, memberId, query);
}

/** Everything held about the actor as a member, audited as a download of their own data. */
async function ownData(deps: PrivacyDeps, actor: Actor, format: 'json' | 'pdf') {
  if (!actor.memberId) throw new NotFound();
  const data = await repo.memberData(deps.db, actor.memberId, actor.userId);
  if (!data.member) throw new NotFound();
  await writeAudit(deps.db, actor, {
    action: 'member.data_exported',
    entityType: 'member',
    entityId: actor.memberId,
    unitId: data.member.cellId,
    after: { format },
  });
  return data;
}

function fileStem(deps: PrivacyDeps): string {
  return `du-lieu-ca-nhan-${vnDay(deps.clock.now())}`;
}

export async function exportMyDataJson(deps: PrivacyDeps, actor: Actor) {
  const data = await ownData(deps, actor, 'json');
  const body = { generatedAt: deps.clock.now().toISOString(), ...data };
  return { body: Buffer.from(JSON.stringify(body, null, 2)), fileName: `${fileStem(deps)}.json` };
}

export async function exportMyDataPdf(deps: PrivacyDeps, actor: Actor) {
  const data = await ownData(deps, actor, 'pdf');
  const m = data.member!;
  const unitIds = [
    m.cellId,
    m.residenceCommuneId,
    m.residenceCellId,
    ...data.moves.map((mv) => mv.toCommuneId),
  ].filter((id): id is string => !!id);
  const units = await repo.unitNames(deps.db, [...new Set(unitIds)]);
  const body = await renderDataExportPdf({ data, units, generatedAt: deps.clock.now() });
  return { body, fileName: `${fileStem(deps)}.pdf` };
}

/** The retention rule on demand (admins only; the daily job runs it too): a dry run counts, a real run anonymises. */
export async function runRetention(deps: PrivacyDeps, actor: Actor, dryRun: boolean) {
  if (!isAdmin(actor)) throw new NotFound();
  return applyRetention(deps.db, deps.clock.now(), { dryRun, actor });
}
