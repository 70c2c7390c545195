import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import type {
  CreateNoticeBody,
  MyResidence,
  NoticeItem,
  ReportMoveBody,
} from '../../../shared/contracts/introductions';
import { newLetterStatus, stageOf, type LetterStatus } from '../../../shared/rules/introduction-letter';
import { checkNoticeTransition, noticeStatusOf } from '../../../shared/rules/residence-notice';
import { literal } from '../../db/sql-values';
import { grantsWith, isAdmin, type Actor } from '../../http/actor';
import { Conflict, Forbidden, Invalid, NotFound } from '../../http/errors';
import { translate } from '../../i18n/messages';
import { writeAudit } from '../audit/audit.service';
import { decodeCursor, encodeCursor } from '../members/members.repository';
import { notifyEach, type NotificationItem } from '../notifications/notifications.service';
import { todayInVietnam } from '../org-units/org-units.service';
import { workplaceMemberScope } from './introductions.access';
import * as repo from './letters.repository';
import { existingNotice } from './natural-keys';
import { cancelOpenEvaluationsOfMember } from '../evaluations/placement';
import { endLettersOfMember, residenceAddress, toListItem, type LetterDeps } from './letters.service';

/** Notices to the residence side (Art. 3.1, 3.2) and the member's move (Art. 2.7); "known here, no letter" is in requests.service.ts. */

export interface MemberState {
  id: string;
  fullName: string;
  status: string;
  cellId: string;
  committeeId: string;
  committeeName: string;
  committeePath: string;
  residenceCommuneId: string | null;
  residenceCellId: string | null;
  residenceAreaId: string | null;
  residenceStreet: string | null;
  currentLetterId: string | null;
  inScope: boolean;
}

export async function lockMember(
  tx: Executor,
  actor: Actor,
  memberId: string,
  scope: SQL,
): Promise<MemberState> {
  const [m] = await queryRows<MemberState>(
    tx,
    sql`select m.id, m.full_name as "fullName", m.status, m.cell_id as "cellId", w.id as "committeeId", w.name as "committeeName",
          w.path::text as "committeePath",
          m.residence_commune_id as "residenceCommuneId", m.residence_cell_id as "residenceCellId",
          m.residence_area_id as "residenceAreaId", m.residence_street as "residenceStreet",
          m.current_letter_id as "currentLetterId", ${scope} as "inScope"
        from members m join org_units c on c.id = m.cell_id
        join org_units w on w.id = ${repo.committeeOfCell(sql`c`)}
        where m.id = ${memberId} for update of m`,
  );
  if (!m || !m.inScope) throw new NotFound();
  return m;
}

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
    const m = await lockMember(tx, actor, body.memberId, workplaceMemberScope(actor));
    // Issue 12: sent again (after the member's lock, so a parallel twin sees the first) → the same notice.
    const existing = await existingNotice(tx, body);
    if (existing) return { ...existing, created: false };
    if (m.status !== 'active') throw new Conflict('member_not_active');
    const now = deps.clock.now();
    let newCommittee: { id: string } | undefined;
    if (body.kind === 'job_transfer') {
      [newCommittee] = await queryRows<{ id: string }>(
        tx,
        sql`select ${repo.committeeOfCell(sql`c`)} as id from org_units c
            where c.id = ${body.newCellId!} and c.type = 'workplace_cell' and c.status = 'active'`,
      );
      if (!newCommittee || body.newCellId === m.cellId)
        throw new Invalid('validation_failed', { newCellId: 'member.cellInvalid' });
    }
    const [notice] = await queryRows<{ id: string }>(
      tx,
      sql`insert into residence_notices (member_id, kind, issuing_unit_id, residence_commune_id, residence_cell_id, effective_date,
            period_from, period_to, new_job_title, new_cell_id, note, created_by, created_at)
          values (${m.id}, ${body.kind}, ${m.committeeId}, ${m.residenceCommuneId}, ${m.residenceCellId}, ${body.effectiveDate}::date,
            ${EXEMPTING.has(body.kind) ? (body.periodFrom ?? body.effectiveDate) : null}::date, ${body.periodTo ?? null}::date,
            ${body.newJobTitle ?? null}, ${body.newCellId ?? null}, ${body.note ?? null}, ${actor.userId}, ${now.toISOString()}::timestamptz)
          returning id`,
    );
    const changes = await applyNotice(tx, actor, m, body, now);
    await writeAudit(tx, actor, [
      {
        action: 'notice.created',
        entityType: 'residence_notice',
        entityId: notice!.id,
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
      ...(await repo.usersOnUnits(
        tx,
        'committee_officer',
        [m.residenceCommuneId, newCommittee?.id].filter((x): x is string => !!x),
      )),
      ...(await repo.usersOnUnits(tx, 'cell_secretary', m.residenceCellId ? [m.residenceCellId] : [])),
    ];
    await notifyEach(
      tx,
      recipients.map((r) => ({
        userId: r.userId,
        kind: 'residence_notice',
        params: { member: m.fullName, kind: body.kind, issuer: m.committeeName },
        link: r.unitId === newCommittee?.id ? `/members/${m.id}` : '/introductions/inbox',
      })),
      { email: true },
    );
    return { id: notice!.id, created: true };
  });
}

async function applyNotice(tx: Executor, actor: Actor, m: MemberState, body: CreateNoticeBody, now: Date) {
  const stamp = now.toISOString();
  if (EXEMPTING.has(body.kind)) {
    const reason = [translate('vi', `noticeKind.${body.kind}`), body.note].filter(Boolean).join(': ');
    const from = body.periodFrom ?? body.effectiveDate;
    await tx.execute(sql`update members set category = 'exempt', category_reason = ${reason}, exempt_from = ${from}::date,
      exempt_to = ${body.periodTo ?? null}::date, updated_at = ${stamp}::timestamptz where id = ${m.id}`);
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
    await tx.execute(
      sql`update members set job_title = ${body.newJobTitle!}, updated_at = ${stamp}::timestamptz where id = ${m.id}`,
    );
    return { before: {}, after: { jobTitle: body.newJobTitle } };
  }
  if (body.kind === 'job_transfer') {
    // The new workplace committee takes the member over; the residence side keeps them.
    await tx.execute(
      sql`update members set cell_id = ${body.newCellId!}, updated_at = ${stamp}::timestamptz where id = ${m.id}`,
    );
    await tx.execute(sql`update unit_memberships set valid_to = ${body.effectiveDate}::date
      where member_id = ${m.id} and kind = 'party_cell' and valid_to is null`);
    await tx.execute(sql`insert into unit_memberships (member_id, unit_id, kind, valid_from, note)
      values (${m.id}, ${body.newCellId!}, 'party_cell', ${body.effectiveDate}::date, 'job_transfer')`);
    return { before: { cellId: m.cellId }, after: { cellId: body.newCellId } };
  }
  // Expelled, removed from the roll, left the Party: residence activity ends; history stays in the memberships.
  const status = ENDING[body.kind]!;
  await tx.execute(
    sql`update members set status = ${status}, residence_cell_id = null, updated_at = ${stamp}::timestamptz where id = ${m.id}`,
  );
  // A period never ends before it began (a notice dated before the placement it ends).
  await tx.execute(sql`update unit_memberships set valid_to = greatest(valid_from, ${body.effectiveDate}::date)
    where member_id = ${m.id} and valid_to is null`);
  await endLettersOfMember(tx, actor, m.id, body.kind, now);
  const cancelled = await cancelOpenEvaluationsOfMember(tx, m.id, `notice:${body.kind}`);
  await writeAudit(
    tx,
    actor,
    cancelled.map((e) => ({
      action: 'evaluation.cancel',
      entityType: 'evaluation',
      entityId: e.id,
      unitId: e.workplaceUnitId,
      before: { status: e.status },
      after: { status: 'cancelled', reason: body.kind },
    })),
  );
  return {
    before: { status: 'active', residenceCellId: m.residenceCellId },
    after: { status, residenceCellId: null },
  };
}

function noticeScope(actor: Actor, side: 'workplace' | 'residence'): SQL {
  if (isAdmin(actor)) return sql`true`;
  const sub = (col: SQL, path: string) =>
    sql`${col} in (select u.id from org_units u where u.path <@ ${path}::ltree)`;
  const conds: SQL[] =
    side === 'workplace'
      ? grantsWith(actor, 'committee_officer').map((g) => sub(sql`n.issuing_unit_id`, g.unitPath!))
      : [
          ...grantsWith(actor, 'committee_officer').map((g) => sub(sql`n.residence_commune_id`, g.unitPath!)),
          ...grantsWith(actor, 'cell_secretary', 'front_head').map((g) =>
            sub(sql`n.residence_cell_id`, g.unitPath!),
          ),
        ];
  return conds.length ? sql`(${sql.join(conds, sql` or `)})` : sql`false`;
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
  const where: SQL[] = [noticeScope(actor, query.side)];
  if (query.unitId) {
    const col =
      query.side === 'workplace'
        ? sql`n.issuing_unit_id`
        : sql`coalesce(n.residence_cell_id, n.residence_commune_id)`;
    where.push(
      sql`${col} in (select u.id from org_units u where u.path <@ (select path from org_units where id = ${query.unitId}))`,
    );
  }
  if (query.memberId) where.push(sql`n.member_id = ${query.memberId}`);
  if (query.unseen) where.push(sql`n.seen_at is null`);
  const cursor = decodeCursor(query.cursor);
  if (cursor) where.push(sql`(n.created_at, n.id) < (${cursor.k}::timestamptz, ${cursor.id}::uuid)`);
  const rows = await queryRows<NoticeItem & { created: string }>(
    deps.db,
    sql`select n.id, n.kind, n.member_id as "memberId", m.full_name as "memberName", iu.name as "issuingUnitName",
          rc.name as "residenceCommuneName", cell.name as "residenceCellName", n.effective_date::text as "effectiveDate",
          n.period_from::text as "periodFrom", n.period_to::text as "periodTo", n.new_job_title as "newJobTitle",
          nc.name as "newCellName", n.note, n.created_at as created, n.seen_at as "seenAt"
        from residence_notices n join members m on m.id = n.member_id join org_units iu on iu.id = n.issuing_unit_id
        left join org_units rc on rc.id = n.residence_commune_id left join org_units cell on cell.id = n.residence_cell_id
        left join org_units nc on nc.id = n.new_cell_id
        where ${sql.join(
          where.map((w) => sql`(${w})`),
          sql` and `,
        )}
        order by n.created_at desc, n.id desc limit ${query.limit + 1}`,
  );
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
    const [n] = await queryRows<{ id: string; seenAt: string | null; unitId: string | null }>(
      tx,
      sql`select n.id, n.seen_at as "seenAt", coalesce(n.residence_cell_id, n.residence_commune_id) as "unitId"
          from residence_notices n where n.id = ${id} and ${noticeScope(actor, 'residence')} for update`,
    );
    if (!n) throw new NotFound();
    // Seen twice (two secretaries, a retry): nothing to do.
    const check = checkNoticeTransition('see', noticeStatusOf(n.seenAt));
    if (!check.ok || check.repeated) return;
    await tx.execute(
      sql`update residence_notices set seen_at = ${deps.clock.now().toISOString()}::timestamptz, seen_by = ${actor.userId} where id = ${id}`,
    );
    await writeAudit(tx, actor, {
      action: 'notice.seen',
      entityType: 'residence_notice',
      entityId: id,
      unitId: n.unitId,
    });
  });
}

// ── the member's move (Art. 2.7) ──────────────────────────────────────────────

export async function checkCommuneAndArea(
  tx: Executor,
  communeId: string,
  areaId: string | null | undefined,
  field: string,
) {
  const [c] = await queryRows<{ ok: boolean; areaOk: boolean; name: string }>(
    tx,
    sql`select (c.type in ('commune_committee', 'district_committee') and c.status = 'active') as ok, c.name,
          ${areaId ? sql`exists (select 1 from residential_areas a where a.id = ${areaId} and a.commune_unit_id = c.id)` : sql`true`} as "areaOk"
        from org_units c where c.id = ${communeId}`,
  );
  if (!c?.ok) throw new Invalid('validation_failed', { [field]: 'member.communeInvalid' });
  if (!c.areaOk) throw new Invalid('validation_failed', { residenceAreaId: 'member.areaInvalid' });
  return c.name;
}

/**
 * The member reports a new actual residence: the old cell, the old commune and the workplace are told,
 * the old hand-off ends, and the workplace finds a draft letter to the new commune ready to issue.
 */
export async function reportMove(
  deps: LetterDeps,
  actor: Actor,
  body: ReportMoveBody,
): Promise<{ moveId: string; draftLetterId: string | null }> {
  if (!actor.memberId || !actor.grants.some((g) => g.role === 'member'))
    throw new Forbidden('move_member_only');
  const now = deps.clock.now();
  // Dates are meant in Vietnam: at 01:00 in Hà Nội it is still yesterday in UTC.
  if (body.movedOn > todayInVietnam(now))
    throw new Invalid('validation_failed', { movedOn: 'introductions.moveInFuture' });
  return deps.db.transaction(async (tx) => {
    const m = await lockMember(tx, actor, actor.memberId!, sql`true`);
    if (m.status !== 'active') throw new Conflict('member_not_active');
    const communeName = await checkCommuneAndArea(
      tx,
      body.residenceCommuneId,
      body.residenceAreaId,
      'residenceCommuneId',
    );
    if (
      m.residenceCommuneId === body.residenceCommuneId &&
      (m.residenceAreaId ?? null) === (body.residenceAreaId ?? null) &&
      m.residenceStreet === body.residenceStreet
    )
      throw new Conflict('move_same_place');
    const [move] = await queryRows<{ id: string }>(
      tx,
      sql`insert into residence_moves (member_id, moved_on, from_commune_id, from_cell_id, from_area_id, from_street,
            to_commune_id, to_area_id, to_street, reported_by, created_at)
          values (${m.id}, ${body.movedOn}::date, ${m.residenceCommuneId}, ${m.residenceCellId}, ${m.residenceAreaId}, ${m.residenceStreet},
            ${body.residenceCommuneId}, ${body.residenceAreaId ?? null}, ${body.residenceStreet}, ${actor.userId}, ${now.toISOString()}::timestamptz)
          returning id`,
    );
    await tx.execute(sql`update members set residence_commune_id = ${body.residenceCommuneId}, residence_area_id = ${body.residenceAreaId ?? null},
      residence_street = ${body.residenceStreet}, residence_province = coalesce(${body.residenceProvince ?? null}, residence_province),
      residence_cell_id = null, updated_at = ${now.toISOString()}::timestamptz where id = ${m.id}`);
    // A move reported late may be dated before the placement it ends: the period then closes where it began.
    await tx.execute(sql`update unit_memberships set valid_to = greatest(valid_from, ${body.movedOn}::date)
      where member_id = ${m.id} and kind = 'residence_cell' and valid_to is null`);
    await endLettersOfMember(tx, actor, m.id, 'moved', now);
    const [draft] = await queryRows<{ id: string }>(
      tx,
      sql`insert into introduction_letters (member_id, issuing_unit_id, receiving_commune_id, residence_area_id, residence_street, exempt,
            previous_letter_id, created_by, status, created_at, updated_at)
          select m.id, ${m.committeeId}, ${body.residenceCommuneId}, ${body.residenceAreaId ?? null}, ${body.residenceStreet},
            ${repo.exemptTextSql('m')}, ${m.currentLetterId}, ${actor.userId}, ${literal(newLetterStatus)},
            ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
          from members m where m.id = ${m.id} and m.category <> 'not_introduced'
          on conflict do nothing returning id`,
    );
    if (draft)
      await tx.execute(
        sql`update members set current_letter_id = ${draft.id}, updated_at = ${now.toISOString()}::timestamptz where id = ${m.id}`,
      );
    await tx.execute(
      sql`update residence_moves set draft_letter_id = ${draft?.id ?? null} where id = ${move!.id}`,
    );
    await writeAudit(tx, actor, [
      {
        action: 'member.moved',
        entityType: 'member',
        entityId: m.id,
        unitId: m.cellId,
        before: {
          residenceCommuneId: m.residenceCommuneId,
          residenceCellId: m.residenceCellId,
          residenceAreaId: m.residenceAreaId,
          residenceStreet: m.residenceStreet,
        },
        after: { ...body },
      },
      ...(draft
        ? [
            {
              action: 'introduction.created',
              entityType: 'introduction_letter',
              entityId: draft.id,
              unitId: m.committeeId,
              after: { status: newLetterStatus, reason: 'moved' },
            },
          ]
        : []),
    ]);
    const params = { member: m.fullName, date: body.movedOn, commune: communeName };
    const [oldSide, workplace] = await Promise.all([
      Promise.all([
        repo.usersOnUnits(tx, 'committee_officer', m.residenceCommuneId ? [m.residenceCommuneId] : []),
        repo.usersOnUnits(tx, 'cell_secretary', m.residenceCellId ? [m.residenceCellId] : []),
      ]),
      repo.usersOnUnits(tx, 'committee_officer', [m.committeeId]),
    ]);
    const items: NotificationItem[] = [
      ...oldSide
        .flat()
        .map((u) => ({ userId: u.userId, kind: 'member_moved', params, link: '/introductions/inbox' })),
      ...workplace.map((u) => ({ userId: u.userId, kind: 'member_moved', params, link: `/members/${m.id}` })),
      ...(draft
        ? workplace.map((u) => ({
            userId: u.userId,
            kind: 'draft_after_move',
            params,
            link: `/introductions/letters/${draft.id}`,
          }))
        : []),
    ];
    await notifyEach(tx, items, { email: true });
    return { moveId: move!.id, draftLetterId: draft?.id ?? null };
  });
}

export async function myResidence(deps: LetterDeps, actor: Actor): Promise<MyResidence> {
  if (!actor.memberId) throw new NotFound('introductions_not_a_member');
  const [m] = await queryRows<{
    id: string;
    fullName: string;
    category: MyResidence['category'];
    residenceCommuneId: string | null;
    residenceCellId: string | null;
    street: string | null;
    areaName: string | null;
    communeName: string | null;
    letterStatus: LetterStatus | null;
    currentLetterId: string | null;
  }>(
    deps.db,
    sql`select m.id, m.full_name as "fullName", m.category, m.residence_commune_id as "residenceCommuneId",
          m.residence_cell_id as "residenceCellId", m.residence_street as street, a.name as "areaName", rc.name as "communeName",
          l.status as "letterStatus", m.current_letter_id as "currentLetterId"
        from members m left join residential_areas a on a.id = m.residence_area_id
        left join org_units rc on rc.id = m.residence_commune_id
        left join introduction_letters l on l.id = m.current_letter_id
        where m.id = ${actor.memberId}`,
  );
  if (!m) throw new NotFound();
  const now = deps.clock.now();
  const [letters, contacts, moves, history] = await Promise.all([
    repo.selectLetters(
      deps.db,
      [sql`l.member_id = ${m.id}`],
      sql`order by l.created_at desc, l.id desc limit 50`,
    ),
    repo.cellContacts(deps.db, m.residenceCellId ? [m.residenceCellId] : []),
    queryRows<{
      id: string;
      movedOn: string;
      fromStreet: string | null;
      fromArea: string | null;
      fromCommune: string | null;
      fromCellName: string | null;
      toStreet: string | null;
      toArea: string | null;
      toCommune: string;
      draftLetterId: string | null;
      createdAt: string;
    }>(
      deps.db,
      sql`select mv.id, mv.moved_on::text as "movedOn", mv.from_street as "fromStreet", fa.name as "fromArea", fc.name as "fromCommune",
            fcell.name as "fromCellName", mv.to_street as "toStreet", ta.name as "toArea", tc.name as "toCommune",
            mv.draft_letter_id as "draftLetterId", mv.created_at as "createdAt"
          from residence_moves mv left join residential_areas fa on fa.id = mv.from_area_id left join org_units fc on fc.id = mv.from_commune_id
          left join org_units fcell on fcell.id = mv.from_cell_id left join residential_areas ta on ta.id = mv.to_area_id
          join org_units tc on tc.id = mv.to_commune_id
          where mv.member_id = ${m.id} order by mv.created_at desc`,
    ),
    queryRows<{ unitName: string; validFrom: string; validTo: string | null }>(
      deps.db,
      sql`select u.name as "unitName", um.valid_from::text as "validFrom", um.valid_to::text as "validTo"
          from unit_memberships um join org_units u on u.id = um.unit_id
          where um.member_id = ${m.id} and um.kind = 'residence_cell' order by um.valid_from desc, um.created_at desc`,
    ),
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
