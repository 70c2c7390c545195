import type { CreateLettersBody, CreateLettersResponse } from '../../../shared/contracts/introductions';
import { newLetterStatus, openLetterStatuses } from '../../../shared/rules/introduction-letter';
import { isAdmin, type Actor } from '../../http/actor';
import { Forbidden, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { signerMemberScope, workplaceMemberScope } from './introductions.access';
import * as batches from './letter-batches.repository';
import { issueLetters } from './letter-steps.service';
import type { LetterDeps } from './letters.service';

/** Drafting letters for many members at once (Art. 3.1); the SQL is in letter-batches.repository.ts. */

type SkipReason = CreateLettersResponse['skipped'][number]['reason'];

function skipReason(c: batches.CandidateRow): SkipReason | null {
  if (c.status !== 'active') return 'not_active';
  if (!c.isWorking) return 'not_working_member';
  if (c.category === 'not_introduced') return 'not_to_introduce';
  if (!c.residenceCommuneId || !c.communeName) return 'no_residence_commune';
  if (c.hasOpenLetter) return 'has_open_letter';
  return null;
}

/**
 * Drafts one letter per member (selected, or every working member of a unit), addressed to the commune of
 * the member's actual residence; optionally issues them at once. Set-based: one INSERT … SELECT for the
 * whole batch; a member with a letter in progress is skipped (and a unique index makes a race harmless).
 */
export async function createLetters(
  deps: LetterDeps,
  actor: Actor,
  body: CreateLettersBody,
): Promise<CreateLettersResponse> {
  const result = await deps.db.transaction(async (tx) => {
    if (body.unitId && !body.memberIds?.length) {
      const committees = isAdmin(actor)
        ? null
        : actor.grants.filter((x) => x.role === 'committee_officer' && x.unitId).map((x) => x.unitId!);
      if (!(await batches.unitUnderCommittees(tx, body.unitId, committees))) throw new NotFound();
    }
    const found = await batches.candidateRows(tx, body, {
      inScope: workplaceMemberScope(actor),
      signable: signerMemberScope(actor),
      open: openLetterStatuses,
    });
    if (body.memberIds?.length) {
      // Issuing a letter for a member outside the committee is refused outright.
      if (found.length !== new Set(body.memberIds).size || found.some((c) => !c.inScope))
        throw new NotFound('letter_member_not_found');
    }
    // "Create and issue" by someone who may not sign would leave drafts behind a 403: refuse first.
    if (body.issue && found.some((c) => !c.signable))
      throw new Forbidden('letter_issue_needs_signer', { action: 'issue' });
    const skipped: CreateLettersResponse['skipped'] = [];
    const eligible: string[] = [];
    for (const c of found) {
      const reason = skipReason(c);
      if (reason) skipped.push({ memberId: c.id, fullName: c.fullName, reason });
      else eligible.push(c.id);
    }
    if (eligible.length === 0) return { batchId: null, letterIds: [] as string[], skipped };
    const batchId = crypto.randomUUID();
    const created = await batches.insertBatchDrafts(tx, {
      batchId,
      memberIds: eligible,
      createdBy: actor.userId,
      status: newLetterStatus,
      now: deps.clock.now().toISOString(),
    });
    const createdMembers = new Set(created.map((c) => c.memberId));
    for (const c of found)
      if (eligible.includes(c.id) && !createdMembers.has(c.id))
        skipped.push({ memberId: c.id, fullName: c.fullName, reason: 'has_open_letter' });
    await writeAudit(
      tx,
      actor,
      created.map((c) => ({
        action: 'introduction.created',
        entityType: 'introduction_letter',
        entityId: c.id,
        unitId: c.issuingUnitId,
        after: { status: newLetterStatus, memberId: c.memberId, batchId },
      })),
    );
    return { batchId, letterIds: created.map((c) => c.id), skipped };
  });
  let issued = 0;
  if (body.issue && result.letterIds.length)
    issued = (await issueLetters(deps, actor, result.letterIds)).changed;
  const byCommune =
    result.batchId && result.letterIds.length ? await batches.batchByCommune(deps.db, result.batchId) : [];
  return {
    batchId: result.batchId,
    created: result.letterIds.length,
    issued,
    letterIds: result.letterIds,
    skipped: result.skipped,
    byCommune,
  };
}
