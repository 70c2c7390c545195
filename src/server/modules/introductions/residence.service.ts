import type { MyResidence } from '../../../shared/contracts/introductions';
import { stageOf } from '../../../shared/rules/introduction-letter';
import type { Actor } from '../../http/actor';
import { NotFound } from '../../http/errors';
import { cellContacts, lettersOfMember } from './letters.repository';
import { residenceAddress } from '../../documents/address';
import { toListItem, type LetterDeps } from './letters.service';
import { findMyResidence, movesOf, residenceCellHistory } from './moves.repository';

/**
 * The member's own residence page. Notices to the residence side (Art. 3.1, 3.2) are in notices.service.ts, the
 * member's move (Art. 2.7) in moves.service.ts, "known here, no letter" in requests.service.ts.
 */
export { createNotice, listNotices, markNoticeSeen } from './notices.service';
export { reportMove } from './moves.service';
export { checkCommuneAndArea, lockMember, type MemberState } from './residence-checks';

export async function myResidence(deps: LetterDeps, actor: Actor): Promise<MyResidence> {
  if (!actor.memberId) throw new NotFound('introductions_not_a_member');
  const m = await findMyResidence(deps.db, actor.memberId);
  if (!m) throw new NotFound();
  const now = deps.clock.now();
  const [letters, contacts, moves, history] = await Promise.all([
    lettersOfMember(deps.db, m.id),
    cellContacts(deps.db, m.residenceCellId ? [m.residenceCellId] : []),
    movesOf(deps.db, m.id),
    residenceCellHistory(deps.db, m.id),
  ]);
  const items = letters.map((l) => toListItem(l, now, deps.config.overdueDays));
  return {
    memberId: m.id,
    fullName: m.fullName,
    residenceCommuneId: m.residenceCommuneId,
    residenceAddress: residenceAddress(m.street, m.areaName, m.communeName),
    category: m.category,
    stage: stageOf(m.letterStatus, m.category),
    currentLetter: items.find((l) => l.id === m.currentLetterId) ?? null,
    letters: items,
    cell: contacts[0] ?? null,
    moves: moves.map((mv) => ({
      id: mv.id,
      movedOn: mv.movedOn,
      fromAddress: mv.fromCommune ? residenceAddress(mv.fromStreet, mv.fromArea, mv.fromCommune) : null,
      fromCellName: mv.fromCellName,
      toAddress: residenceAddress(mv.toStreet, mv.toArea, mv.toCommune),
      draftLetterId: mv.draftLetterId,
      createdAt: new Date(mv.createdAt).toISOString(),
    })),
    residenceHistory: history,
  };
}
