import type { CreateNoticeBody, CreateRequestBody } from '../../../shared/contracts/introductions';
import type { Executor } from '../../db/client';
import { Conflict } from '../../http/errors';
import { findNoticeByKey, findOpenRequestByKey } from './residence.repository';

/**
 * Issue 12 (decision 0012): a notice or a "known here, no letter" request sent twice is one record. The second
 * identical create answers the first (200, same body); the same natural key with different content is a 409 the
 * user can act on (the first one is there: open it, or change the date / person).
 */

const EXEMPTING = new Set(['often_away', 'mobile', 'special_duty']);
const norm = (v: string | null | undefined) => v ?? null;

/** The existing notice this create repeats, or null when there is none; 409 when it differs. */
export async function existingNotice(tx: Executor, body: CreateNoticeBody): Promise<{ id: string } | null> {
  const row = await findNoticeByKey(tx, body);
  if (!row) return null;
  const periodFrom = EXEMPTING.has(body.kind) ? (body.periodFrom ?? body.effectiveDate) : null;
  const same =
    row.periodFrom === periodFrom &&
    row.periodTo === norm(body.periodTo) &&
    row.newJobTitle === norm(body.newJobTitle) &&
    row.newCellId === norm(body.newCellId) &&
    row.note === norm(body.note);
  if (!same) throw new Conflict('notice_exists', { noticeKind: body.kind, date: body.effectiveDate.split('-').reverse().join('/') });
  return { id: row.id };
}

/** The open request this create repeats (same commune and person), or null; 409 when it differs. */
export async function existingRequest(
  tx: Executor,
  body: CreateRequestBody,
  workplaceUnitId: string,
): Promise<{ id: string; workplaceUnitName: string } | null> {
  const row = await findOpenRequestByKey(tx, {
    communeId: body.communeId,
    workplaceUnitId,
    cardNumber: norm(body.cardNumber),
    fullName: body.fullName,
    dateOfBirth: norm(body.dateOfBirth),
  });
  if (!row) return null;
  const same =
    row.workplaceUnitId === workplaceUnitId &&
    row.fullName === body.fullName &&
    row.dateOfBirth === norm(body.dateOfBirth) &&
    row.cardNumber === norm(body.cardNumber) &&
    row.phone === norm(body.phone) &&
    row.residenceAreaId === norm(body.residenceAreaId) &&
    row.residenceStreet === norm(body.residenceStreet) &&
    row.note === norm(body.note);
  if (!same) throw new Conflict('request_exists');
  return { id: row.id, workplaceUnitName: row.workplaceUnitName };
}
