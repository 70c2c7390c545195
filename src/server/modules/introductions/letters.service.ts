import type { SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import type { Clock } from '../../context';
import { residenceAddress } from '../../documents/address';
import type { MemberHooks } from '../../hooks';
import type { LetterDetail, LetterListItem, LetterListQuery } from '../../../shared/contracts/introductions';
import {
  actionsFrom,
  awaitingReceiptStatus,
  formatLetterNumber,
  isOverdue,
  openLetterStatuses,
  transitionFor,
  type LetterActorSide,
} from '../../../shared/rules/introduction-letter';
import type { Actor } from '../../http/actor';
import { NotFound } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../db/member-sql';
import { letterActScope, letterReadScope, letterSideColumn, ownLetterScope } from './introductions.access';
import { inSubtreeOfUnit } from '../../http/access';
import * as repo from './letters.repository';
import { formatCode, verifyUrl } from '../verification/codes';

/**
 * Reading letters. Drafting a batch is in letter-batches.service.ts, the workflow steps in letter-steps.service.ts
 * (re-exported here, where the routes and the benches find them).
 */
export { createLetters } from './letter-batches.service';
export { onePerPerson } from './letter-notify';
export {
  acknowledgeLetters,
  cancelLetters,
  endLettersOfMember,
  issueLetters,
  placeLetters,
  receiveLetters,
  rejectLetters,
  resendLetter,
} from './letter-steps.service';

export interface IntroductionConfig {
  publicUrl: string;
  /** signs the verification codes printed on letters */
  documentSecret: string;
  /** a letter not received within this many days is overdue (default 15) */
  overdueDays: number;
}

export interface LetterDeps {
  db: Db;
  clock: Clock;
  config: IntroductionConfig;
  /** cross-module effects of the steps (src/server/hooks.ts); the application's wiring when not given */
  memberHooks: MemberHooks;
}

export function toListItem(r: repo.LetterRow, now: Date, overdueDays: number): LetterListItem {
  return {
    id: r.id,
    status: r.status,
    number: formatLetterNumber(r.number),
    memberId: r.memberId,
    memberName: r.memberName,
    memberCardNumber: r.memberCardNumber,
    issuingUnitId: r.issuingUnitId,
    issuingUnitName: r.issuingUnitName,
    receivingCommuneId: r.receivingCommuneId,
    receivingCommuneName: r.receivingCommuneName,
    residenceCellId: r.residenceCellId,
    residenceCellName: r.residenceCellName,
    suggestedCellId: r.suggestedCellId,
    suggestedCellName: r.suggestedCellName,
    residenceAddress: residenceAddress(r.residenceStreet, r.areaName, r.receivingCommuneName),
    exempt: r.exempt !== null,
    batchId: r.batchId,
    issuedAt: r.issuedAt?.toISOString() ?? null,
    receivedAt: r.receivedAt?.toISOString() ?? null,
    placedAt: r.placedAt?.toISOString() ?? null,
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    rejectedAt: r.rejectedAt?.toISOString() ?? null,
    rejectReason: r.rejectReason,
    rejectNote: r.rejectNote,
    overdue: isOverdue(r.status, r.issuedAt, now, overdueDays),
    createdAt: r.createdAt.toISOString(),
  };
}

// ── reading ─────────────────────────────────────────────────────────────────

export async function listLetters(deps: LetterDeps, actor: Actor, query: LetterListQuery) {
  const scope: SQL[] = [letterReadScope(actor)];
  if (query.unitId) scope.push(inSubtreeOfUnit(letterSideColumn(query.side), query.unitId));
  else if (query.side === 'member') scope.push(ownLetterScope(actor));
  // No unit: the letters of that side across every unit the actor acts for.
  else scope.push(letterActScope(actor, query.side === 'cell' ? 'cell' : query.side));
  const now = deps.clock.now();
  // Newest first, keyset on (created_at, id).
  const cursor = decodeCursor(query.cursor);
  const rows = await repo.letterPage(deps.db, scope, {
    statuses: query.status === 'open' ? openLetterStatuses : undefined,
    status: query.status,
    communeId: query.communeId,
    batchId: query.batchId,
    overdue: query.overdue
      ? {
          status: awaitingReceiptStatus,
          before: new Date(now.getTime() - deps.config.overdueDays * 86_400_000).toISOString(),
        }
      : undefined,
    q: query.q,
    after: cursor ? { k: cursor.k, id: cursor.id } : undefined,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toListItem(r, now, deps.config.overdueDays)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ k: last.createdAt.toISOString(), id: last.id })
        : null,
  };
}

const SIDES: LetterActorSide[] = ['workplace', 'workplace_signer', 'commune', 'cell'];

async function allowedSides(db: Executor, actor: Actor, letterId: string): Promise<Set<LetterActorSide>> {
  const met = await repo.letterMeets(
    db,
    letterId,
    Object.fromEntries(SIDES.map((s) => [s, letterActScope(actor, s)])),
  );
  return new Set(SIDES.filter((s) => met[s]));
}

export async function getLetter(deps: LetterDeps, actor: Actor, id: string): Promise<LetterDetail> {
  const row = await repo.findLetter(deps.db, id, letterReadScope(actor));
  if (!row) throw new NotFound();
  const [sides, history, nextLetterId] = await Promise.all([
    allowedSides(deps.db, actor, id),
    repo.letterHistory(deps.db, id),
    repo.nextLetterId(deps.db, id),
  ]);
  return {
    ...toListItem(row, deps.clock.now(), deps.config.overdueDays),
    verificationCode: row.verificationCode ? formatCode(row.verificationCode) : null,
    verifyUrl: row.verificationCode ? verifyUrl(deps.config.publicUrl, row.verificationCode) : null,
    previousLetterId: row.previousLetterId,
    nextLetterId,
    endedAt: row.endedAt?.toISOString() ?? null,
    endReason: row.endReason,
    signerName: row.signerName,
    allowedActions: actionsFrom(row.status).filter((a) => sides.has(transitionFor(a).by)),
    history: history.map((h) => ({
      action: h.action,
      at: new Date(h.at).toISOString(),
      actorName: h.actorName,
      note:
        typeof h.after?.note === 'string'
          ? h.after.note
          : typeof h.after?.reason === 'string'
            ? h.after.reason
            : null,
    })),
  };
}
