import type { CreateNoticeBody } from '../../../shared/contracts/introductions';
import { checkNoticeTransition, noticeStatusOf } from '../../../shared/rules/residence-notice';
import type { Executor } from '../../db/client';
import type { MemberHooks } from '../../hooks';
import type { Actor } from '../../http/actor';
import { Conflict, Invalid, NotFound } from '../../http/errors';
import { translate } from '../../i18n/messages';
import { writeAudit } from '../audit/audit.service';
import { decodeCursor, encodeCursor } from '../../db/member-sql';
import { notifyEach } from '../notifications/notifications.service';
import { noticeScope, workplaceMemberScope } from './introductions.access';
import { inSubtreeOfUnit } from '../../http/access';
import { endLettersOfMember } from './letter-steps.service';
import type { LetterDeps } from './letters.service';
import { usersOnUnits } from '../notifications/recipients.service';
import { existingNotice } from './natural-keys';
import * as repo from './notices.repository';
import { lockMember, type MemberState } from './residence-checks';

/** Notices to the residence side (Art. 3.1, 3.2); their states are in src/shared/rules/residence-notice.ts. */

const EXEMPTING = new Set(['often_away', 'mobile', 'special_duty']);
const ENDING: Record<string, 'expelled' | 'removed' | 'left'> = {
  expelled: 'expelled',
  removed: 'removed',
  left: 'left',
};

function checkNotice(body: CreateNoticeBody): void {
  const fields: Record<string, string> = {};
  if (body.kind === 'position_change' && !body.newJobTitle) fields.newJobTitle = 'field.required';
  if (body.kind === 'job_transfer' && !body.newCellId) fields.newCellId = 'field.required';
  const from = body.periodFrom ?? body.effectiveDate;
  if (EXEMPTING.has(body.kind) && body.periodTo && body.periodTo < from)
    fields.periodTo = 'introductions.periodOrder';
  if (Object.keys(fields).length) throw new Invalid('validation_failed', fields);
}

/**
 * The workplace tells the residence side of a change (Art. 3.2); the notice is delivered at once and the
 * member's record follows: exempt period, new job title, new workplace cell, or the end of residence activity.
 */
export async function createNotice(
  deps: LetterDeps,
  actor: Actor,
  body: CreateNoticeBody,
): Promise<{ id: string; created: boolean }> {
  checkNotice(body);
  return deps.db.transaction(async (tx) => {
    const m = await lockMember(tx, body.memberId, workplaceMemberScope(actor));
    // Issue 12: sent again (after the member's lock, so a parallel twin sees the first) → the same notice.
    const existing = await existingNotice(tx, body);
    if (existing) return { ...existing, created: false };
    if (m.status !== 'active') throw new Conflict('member_not_active');
    const now = deps.clock.now();
    let newCommittee: string | undefined;
    if (body.kind === 'job_transfer') {
      newCommittee = await repo.committeeOfWorkplaceCell(tx, body.newCellId!);
      if (!newCommittee || body.newCellId === m.cellId)
        throw new Invalid('validation_failed', { newCellId: 'member.cellInvalid' });
    }
    const noticeId = await repo.insertNotice(tx, {
      body,
      memberId: m.id,
      issuingUnitId: m.committeeId,
      residenceCommuneId: m.residenceCommuneId,
      residenceCellId: m.residenceCellId,
      periodFrom: EXEMPTING.has(body.kind) ? (body.periodFrom ?? body.effectiveDate) : null,
      createdBy: actor.userId,
      at: now,
    });
    const changes = await applyNotice(tx, deps.memberHooks, actor, m, body, now);
    await writeAudit(tx, actor, [
      {
        action: 'notice.created',
        entityType: 'residence_notice',
        entityId: noticeId,
        unitId: m.committeeId,
        after: body,
      },
      {
        action: `member.${body.kind}`,
        entityType: 'member',
        entityId: m.id,
        unitId: m.cellId,
        before: changes.before,
        after: changes.after,
      },
    ]);
    // Delivered automatically: the commune and the cell where the member lives, and a new committee taking over.
    const recipients = [
      ...(await usersOnUnits(
        tx,
        'committee_officer',
        [m.residenceCommuneId, newCommittee].filter((x): x is string => !!x),
      )),
      ...(await usersOnUnits(tx, 'cell_secretary', m.residenceCellId ? [m.residenceCellId] : [])),
    ];
    await notifyEach(
      tx,
      recipients.map((r) => ({
        userId: r.userId,
        kind: 'residence_notice',
        params: { member: m.fullName, kind: body.kind, issuer: m.committeeName },
        link: r.unitId === newCommittee ? `/members/${m.id}` : '/introductions/inbox',
      })),
      { email: true },
    );
    return { id: noticeId, created: true };
  });
}

async function applyNotice(
  tx: Executor,
  hooks: MemberHooks,
  actor: Actor,
  m: MemberState,
  body: CreateNoticeBody,
  now: Date,
) {
  const stamp = now.toISOString();
  if (EXEMPTING.has(body.kind)) {
    const reason = [translate('vi', `noticeKind.${body.kind}`), body.note].filter(Boolean).join(': ');
    const from = body.periodFrom ?? body.effectiveDate;
    await repo.setExempt(tx, m.id, { reason, from, to: body.periodTo ?? null }, stamp);
    return {
      before: {},
      after: {
        category: 'exempt',
        categoryReason: reason,
        exemptFrom: from,
        exemptTo: body.periodTo ?? null,
      },
    };
  }
  if (body.kind === 'position_change') {
    await repo.setJobTitle(tx, m.id, body.newJobTitle!, stamp);
    return { before: {}, after: { jobTitle: body.newJobTitle } };
  }
  if (body.kind === 'job_transfer') {
    // The new workplace committee takes the member over; the residence side keeps them.
    await repo.transferCell(tx, m.id, body.newCellId!, body.effectiveDate, stamp);
    return { before: { cellId: m.cellId }, after: { cellId: body.newCellId } };
  }
  // Expelled, removed from the roll, left the Party: residence activity ends; history stays in the memberships.
  // A period never ends before it began (a notice dated before the placement it ends).
  const status = ENDING[body.kind]!;
  await repo.endMembership(tx, m.id, status, body.effectiveDate, stamp);
  await endLettersOfMember(tx, actor, m.id, body.kind, now);
  // what else ends with the membership (open evaluations) is the listeners' (src/server/hooks.ts)
  await hooks.membershipEnded(tx, { actor, memberId: m.id, reason: body.kind });
  return {
    before: { status: 'active', residenceCellId: m.residenceCellId },
    after: { status, residenceCellId: null },
  };
}

export async function listNotices(
  deps: LetterDeps,
  actor: Actor,
  query: {
    side: 'workplace' | 'residence';
    unitId?: string;
    memberId?: string;
    unseen?: boolean;
    cursor?: string;
    limit: number;
  },
) {
  const scope = [noticeScope(actor, query.side)];
  if (query.unitId) scope.push(inSubtreeOfUnit(repo.noticeSideColumn(query.side), query.unitId));
  const cursor = decodeCursor(query.cursor);
  const rows = await repo.noticePage(deps.db, scope, {
    memberId: query.memberId,
    unseen: query.unseen,
    after: cursor ? { k: cursor.k, id: cursor.id } : undefined,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ created, seenAt, ...n }) => ({
      ...n,
      createdAt: new Date(created).toISOString(),
      seenAt: seenAt ? new Date(seenAt).toISOString() : null,
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ k: new Date(last.created).toISOString(), id: last.id })
        : null,
  };
}

export async function markNoticeSeen(deps: LetterDeps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const n = await repo.lockNotice(tx, id, noticeScope(actor, 'residence'));
    if (!n) throw new NotFound();
    // Seen twice (two secretaries, a retry): nothing to do.
    const check = checkNoticeTransition('see', noticeStatusOf(n.seenAt));
    if (!check.ok || check.repeated) return;
    await repo.markNoticeSeen(tx, id, actor.userId, deps.clock.now());
    await writeAudit(tx, actor, {
      action: 'notice.seen',
      entityType: 'residence_notice',
      entityId: id,
      unitId: n.unitId,
    });
  });
}
