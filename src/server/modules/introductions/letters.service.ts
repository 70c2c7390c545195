import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from '../../db/client';
import type { Clock } from '../../context';
import type {
  CreateLettersBody,
  CreateLettersResponse,
  LetterDetail,
  LetterListItem,
  LetterListQuery,
  PlaceLettersBody,
  RejectReason,
  ResendLetterBody,
  TransitionResult,
} from '../../../shared/contracts/introductions';
import {
  actionsFrom,
  awaitingReceiptStatus,
  cancelledOnEndStatuses,
  checkTransition,
  formatLetterNumber,
  fromStatuses,
  isOverdue,
  newLetterStatus,
  openLetterStatuses,
  transitionFor,
  type LetterAction,
  type LetterActorSide,
  type LetterStatus,
} from '../../../shared/rules/introduction-letter';
import { isAdmin, type Actor } from '../../http/actor';
import { isValue, literal, oneOf } from '../../db/sql-values';
import { Conflict, Forbidden, Invalid, NotFound } from '../../http/errors';
import { assignPendingCells } from '../evaluations/placement';
import { writeAudit } from '../audit/audit.service';
import { decodeCursor, encodeCursor } from '../members/members.repository';
import { notifyEach, type NotificationItem } from '../notifications/notifications.service';
import { todayInVietnam } from '../org-units/org-units.service';
import {
  letterActScope,
  letterReadScope,
  letterSideColumn,
  signerGrants,
  signerMemberScope,
  workplaceMemberScope,
} from './introductions.access';
import * as repo from './letters.repository';
import { formatCode, signLetters, verifyUrl } from './verification';

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
}

const letterLink = (id: string) => `/introductions/letters/${id}`;

export function residenceAddress(street: string | null, area: string | null, commune: string | null): string {
  return [street, area, commune].filter((x) => x && x.trim()).join(', ');
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
  const where: SQL[] = [letterReadScope(actor)];
  if (query.unitId) {
    const col = letterSideColumn(query.side);
    where.push(
      sql`${col} in (select u.id from org_units u where u.path <@ (select path from org_units where id = ${query.unitId}))`,
    );
  } else if (query.side === 'member') {
    where.push(actor.memberId ? sql`l.member_id = ${actor.memberId}` : sql`false`);
  } else {
    // No unit: the letters of that side across every unit the actor acts for.
    where.push(letterActScope(actor, query.side === 'cell' ? 'cell' : query.side));
  }
  if (query.status === 'open') where.push(oneOf(sql`l.status`, openLetterStatuses));
  else if (query.status) where.push(sql`l.status = ${query.status}`);
  if (query.communeId) where.push(sql`l.receiving_commune_id = ${query.communeId}`);
  if (query.batchId) where.push(sql`l.batch_id = ${query.batchId}`);
  if (query.overdue)
    where.push(
      sql`${isValue(sql`l.status`, awaitingReceiptStatus)} and l.issued_at < ${new Date(deps.clock.now().getTime() - deps.config.overdueDays * 86_400_000).toISOString()}::timestamptz`,
    );
  const search = repo.memberSearch('m', query.q);
  if (search) where.push(search);
  // Newest first, keyset on (created_at, id).
  const cursor = decodeCursor(query.cursor);
  if (cursor) where.push(sql`(l.created_at, l.id) < (${cursor.k}::timestamptz, ${cursor.id}::uuid)`);
  const rows = await repo.selectLetters(
    deps.db,
    where.map((w) => sql`(${w})`),
    sql`order by l.created_at desc, l.id desc limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const now = deps.clock.now();
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
  const cols = SIDES.map((s) => sql`${letterActScope(actor, s)} as ${sql.identifier(s)}`);
  const [row] = await queryRows<Record<LetterActorSide, boolean>>(
    db,
    sql`select ${sql.join(cols, sql`, `)} from introduction_letters l where l.id = ${letterId}`,
  );
  return new Set(SIDES.filter((s) => row?.[s]));
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

// ── creating letters (Art. 3.1) ───────────────────────────────────────────────

interface Candidate {
  id: string;
  fullName: string;
  status: string;
  category: string;
  isWorking: boolean;
  residenceCommuneId: string | null;
  communeName: string | null;
  hasOpenLetter: boolean;
  inScope: boolean;
  signable: boolean;
}

async function candidates(
  tx: Executor,
  actor: Actor,
  body: { memberIds?: string[]; unitId?: string },
): Promise<Candidate[]> {
  const pick = body.memberIds?.length
    ? sql`m.id = any(${repo.sqlUuidArray(body.memberIds)})`
    : sql`c.path <@ (select path from org_units where id = ${body.unitId!}) and m.status = 'active' and c.type = 'workplace_cell'`;
  return queryRows<Candidate>(
    tx,
    sql`select m.id, m.full_name as "fullName", m.status, m.category, (c.type = 'workplace_cell') as "isWorking",
          m.residence_commune_id as "residenceCommuneId", rc.name as "communeName",
          exists (select 1 from introduction_letters x where x.member_id = m.id
            and ${oneOf(sql`x.status`, openLetterStatuses)}) as "hasOpenLetter",
          ${workplaceMemberScope(actor)} as "inScope", ${signerMemberScope(actor)} as signable
        from members m join org_units c on c.id = m.cell_id
        left join org_units rc on rc.id = m.residence_commune_id and rc.status = 'active'
        where ${pick}
        order by m.sort_key collate "C", m.id`,
  );
}

type SkipReason = CreateLettersResponse['skipped'][number]['reason'];

function skipReason(c: Candidate): SkipReason | null {
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
      const [unit] = await queryRows<{ ok: boolean }>(
        tx,
        sql`select ${
          isAdmin(actor)
            ? sql`true`
            : sql`exists (select 1 from org_units g where g.id = any(${repo.sqlUuidArray(
                actor.grants.filter((x) => x.role === 'committee_officer' && x.unitId).map((x) => x.unitId!),
              )}) and u.path <@ g.path)`
        } as ok from org_units u where u.id = ${body.unitId}`,
      );
      if (!unit?.ok) throw new NotFound();
    }
    const found = await candidates(tx, actor, body);
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
    const now = deps.clock.now().toISOString();
    const created = await queryRows<{ id: string; memberId: string; issuingUnitId: string }>(
      tx,
      sql`insert into introduction_letters (member_id, issuing_unit_id, receiving_commune_id, residence_area_id,
            residence_street, exempt, batch_id, created_by, status, created_at, updated_at)
          select m.id, ${repo.committeeOfCell(sql`c`)}, m.residence_commune_id, m.residence_area_id, m.residence_street,
            ${repo.exemptTextSql('m')},
            ${batchId}, ${actor.userId}, ${literal(newLetterStatus)}, ${now}::timestamptz, ${now}::timestamptz
          from members m join org_units c on c.id = m.cell_id
          where m.id = any(${repo.sqlUuidArray(eligible)})
          order by m.sort_key collate "C", m.id
          on conflict do nothing
          returning id, member_id as "memberId", issuing_unit_id as "issuingUnitId"`,
    );
    const createdMembers = new Set(created.map((c) => c.memberId));
    for (const c of found)
      if (eligible.includes(c.id) && !createdMembers.has(c.id))
        skipped.push({ memberId: c.id, fullName: c.fullName, reason: 'has_open_letter' });
    await tx.execute(sql`update members m set current_letter_id = l.id from introduction_letters l
      where l.batch_id = ${batchId} and m.id = l.member_id`);
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
  const byCommune = result.letterIds.length
    ? await queryRows<{ communeId: string; communeName: string; count: number }>(
        deps.db,
        sql`select l.receiving_commune_id as "communeId", rc.name as "communeName", count(*)::int as count
            from introduction_letters l join org_units rc on rc.id = l.receiving_commune_id
            where l.batch_id = ${result.batchId} group by 1, 2 order by 2`,
      )
    : [];
  return {
    batchId: result.batchId,
    created: result.letterIds.length,
    issued,
    letterIds: result.letterIds,
    skipped: result.skipped,
    byCommune,
  };
}

// ── workflow steps ───────────────────────────────────────────────────────────

interface StepContext {
  tx: Executor;
  ids: string[];
  now: Date;
}

/**
 * One batch step, all or nothing: every letter must be visible (else 404), the actor must act for the right
 * side (else 403) and every letter must be in a state the transition table allows (else 409). Letters
 * already in the target state are left alone, so a retried request changes nothing twice.
 */
async function step(
  deps: LetterDeps,
  actor: Actor,
  action: LetterAction,
  letterIds: string[],
  apply: (ctx: StepContext) => Promise<void>,
): Promise<TransitionResult> {
  const ids = [...new Set(letterIds)];
  const transition = transitionFor(action);
  return deps.db.transaction(async (tx) => {
    const rows = await repo.lockLetters(
      tx,
      ids,
      letterReadScope(actor),
      letterActScope(actor, transition.by),
    );
    if (rows.length !== ids.length || rows.some((r) => !r.visible)) throw new NotFound('letter_not_found');
    if (rows.some((r) => !r.allowed))
      throw new Forbidden(
        transition.by === 'workplace_signer' ? 'letter_issue_needs_signer' : 'letter_not_yours',
        { action },
      );
    const todo: string[] = [];
    let repeated = 0;
    const wrong: LetterStatus[] = [];
    for (const r of rows) {
      const check = checkTransition(action, r.status);
      if (!check.ok) wrong.push(r.status);
      else if (check.repeated) repeated++;
      else todo.push(r.id);
    }
    if (wrong.length)
      throw new Conflict('letter_wrong_state', { action, count: wrong.length, status: wrong[0]! });
    if (todo.length) await apply({ tx, ids: todo, now: deps.clock.now() });
    return { changed: todo.length, repeated, letterIds: todo };
  });
}

async function auditStep(
  tx: Executor,
  actor: Actor,
  action: LetterAction,
  rows: { id: string; unitId: string; from?: string }[],
  extra: Record<string, unknown> = {},
) {
  const t = transitionFor(action);
  await writeAudit(
    tx,
    actor,
    rows.map((r) => ({
      action: `introduction.${action}`,
      entityType: 'introduction_letter',
      entityId: r.id,
      unitId: r.unitId,
      before: { status: r.from ?? t.from[0] },
      after: { status: t.to, ...extra },
    })),
  );
}

/** Art. 3.1: number (per committee per year), sign and send; the commune and the member are told. */
export async function issueLetters(
  deps: LetterDeps,
  actor: Actor,
  letterIds: string[],
): Promise<TransitionResult> {
  const signer = signerGrants(actor)[0];
  return step(deps, actor, 'issue', letterIds, async ({ tx, ids, now }) => {
    // The year of the number is the year printed on the letter: Vietnam's calendar, not UTC's.
    const year = Number(todayInVietnam(now).slice(0, 4));
    const idArray = repo.sqlUuidArray(ids);
    await tx.execute(sql`insert into letter_counters (unit_id, year, kind, last_number)
      select issuing_unit_id, ${year}, 'GGT', count(*) from introduction_letters where id = any(${idArray}) group by issuing_unit_id
      on conflict (unit_id, year, kind) do update set last_number = letter_counters.last_number + excluded.last_number`);
    const issued = await queryRows<{
      id: string;
      unitId: string;
      memberId: string;
      communeId: string;
      number: number;
    }>(
      tx,
      sql`with numbered as (
            select l.id, ctr.last_number - count(*) over (partition by l.issuing_unit_id)
              + row_number() over (partition by l.issuing_unit_id order by l.created_at, m.sort_key collate "C", l.id) as n
            from introduction_letters l join members m on m.id = l.member_id
            join letter_counters ctr on ctr.unit_id = l.issuing_unit_id and ctr.year = ${year} and ctr.kind = 'GGT'
            where l.id = any(${idArray}))
          update introduction_letters l set status = ${literal(transitionFor('issue').to)}, year = ${year}, number = numbered.n,
            issued_at = ${now.toISOString()}::timestamptz, issued_by = ${actor.userId},
            signer_name = ${actor.displayName}, signer_position = ${signer?.position ?? null}, updated_at = ${now.toISOString()}::timestamptz
          from numbered where l.id = numbered.id
          returning l.id, l.issuing_unit_id as "unitId", l.member_id as "memberId", l.receiving_commune_id as "communeId", l.number`,
    );
    await signLetters(tx, deps.config.documentSecret, sql`l.id = any(${idArray})`);
    await auditStep(
      tx,
      actor,
      'issue',
      issued.map((r) => ({ id: r.id, unitId: r.unitId })),
    );
    await notifyIssued(tx, issued);
  });
}

async function notifyIssued(
  tx: Executor,
  issued: { id: string; unitId: string; memberId: string; communeId: string; number: number }[],
) {
  if (issued.length === 0) return;
  const names = await queryRows<{ id: string; member: string; issuer: string; commune: string }>(
    tx,
    sql`select l.id, m.full_name as member, iu.name as issuer, rc.name as commune from introduction_letters l
        join members m on m.id = l.member_id join org_units iu on iu.id = l.issuing_unit_id join org_units rc on rc.id = l.receiving_commune_id
        where l.id = any(${repo.sqlUuidArray(issued.map((i) => i.id))})`,
  );
  const byId = new Map(names.map((n) => [n.id, n]));
  const items: NotificationItem[] = [];
  // The commune hears once per batch, not once per letter.
  const perCommune = new Map<string, typeof issued>();
  for (const l of issued) perCommune.set(l.communeId, [...(perCommune.get(l.communeId) ?? []), l]);
  const officers = await repo.usersOnUnits(tx, 'committee_officer', [...perCommune.keys()]);
  for (const o of officers) {
    const letters = perCommune.get(o.unitId)!;
    const first = byId.get(letters[0]!.id)!;
    items.push(
      letters.length === 1
        ? {
            userId: o.userId,
            kind: 'letter_issued',
            params: {
              member: first.member,
              number: formatLetterNumber(letters[0]!.number),
              issuer: first.issuer,
            },
            link: letterLink(first.id),
          }
        : {
            userId: o.userId,
            kind: 'letters_issued',
            params: { count: letters.length, issuer: first.issuer },
            link: '/introductions/inbox',
          },
    );
  }
  for (const u of await repo.usersOfMembers(
    tx,
    issued.map((l) => l.memberId),
  )) {
    const l = issued.find((x) => x.memberId === u.memberId)!;
    items.push({
      userId: u.userId,
      kind: 'my_letter_issued',
      params: { number: formatLetterNumber(l.number), commune: byId.get(l.id)!.commune },
      link: '/my-residence',
    });
  }
  await notifyEach(tx, items, { email: true });
}

export async function cancelLetters(
  deps: LetterDeps,
  actor: Actor,
  letterIds: string[],
): Promise<TransitionResult> {
  return step(deps, actor, 'cancel', letterIds, async ({ tx, ids, now }) => {
    const rows = await queryRows<{ id: string; unitId: string; from: string; memberId: string }>(
      tx,
      sql`update introduction_letters l set status = ${literal(transitionFor('cancel').to)}, ended_at = ${now.toISOString()}::timestamptz,
            end_reason = 'cancelled', updated_at = ${now.toISOString()}::timestamptz
          from introduction_letters old where old.id = l.id and l.id = any(${repo.sqlUuidArray(ids)})
          returning l.id, l.issuing_unit_id as "unitId", old.status as from, l.member_id as "memberId"`,
    );
    await auditStep(tx, actor, 'cancel', rows);
  });
}

/** Art. 4.1: the commune receives letters (without placing yet). */
export async function receiveLetters(
  deps: LetterDeps,
  actor: Actor,
  letterIds: string[],
): Promise<TransitionResult> {
  return step(deps, actor, 'receive', letterIds, async ({ tx, ids, now }) => {
    const rows = await markReceived(tx, ids, now);
    await auditStep(tx, actor, 'receive', rows);
    await notifyWorkplace(
      tx,
      rows.map((r) => r.id),
      'letter_received',
    );
  });
}

function markReceived(tx: Executor, ids: string[], now: Date) {
  return queryRows<{ id: string; unitId: string }>(
    tx,
    sql`update introduction_letters l set status = ${literal(transitionFor('receive').to)}, received_at = ${now.toISOString()}::timestamptz,
          updated_at = ${now.toISOString()}::timestamptz
        where l.id = any(${repo.sqlUuidArray(ids)}) and ${oneOf(sql`l.status`, fromStatuses('receive'))}
        returning l.id, l.receiving_commune_id as "unitId"`,
  );
}

/**
 * A batch step tells each person once: several notices of the same kind to one user become one
 * `<kind>_many` notice with the count (5,000 placements must not mean 5,000 notices to one secretary).
 */
export function onePerPerson(items: NotificationItem[], link: string): NotificationItem[] {
  const byUser = new Map<string, NotificationItem[]>();
  for (const n of items)
    byUser.set(`${n.userId}|${n.kind}`, [...(byUser.get(`${n.userId}|${n.kind}`) ?? []), n]);
  return [...byUser.values()].map((list) => {
    const first = list[0]!;
    if (list.length === 1) return first;
    const shared = Object.fromEntries(
      Object.entries(first.params ?? {}).filter(
        ([k, v]) => k !== 'member' && list.every((n) => n.params?.[k] === v),
      ),
    );
    return {
      userId: first.userId,
      kind: `${first.kind}_many`,
      params: { ...shared, count: list.length },
      link,
    };
  });
}

async function notifyWorkplace(
  tx: Executor,
  letterIds: string[],
  kind: 'letter_received' | 'letter_placed' | 'letter_rejected' | 'letter_acknowledged',
) {
  if (letterIds.length === 0) return;
  const rows = await queryRows<{
    id: string;
    unitId: string;
    member: string;
    commune: string;
    cell: string | null;
    reason: string | null;
  }>(
    tx,
    sql`select l.id, l.issuing_unit_id as "unitId", m.full_name as member, rc.name as commune, c.name as cell, l.reject_reason::text as reason
        from introduction_letters l join members m on m.id = l.member_id join org_units rc on rc.id = l.receiving_commune_id
        left join org_units c on c.id = l.residence_cell_id where l.id = any(${repo.sqlUuidArray(letterIds)})`,
  );
  const officers = await repo.usersOnUnits(
    tx,
    'committee_officer',
    rows.map((r) => r.unitId),
  );
  const items: NotificationItem[] = [];
  for (const r of rows)
    for (const o of officers.filter((x) => x.unitId === r.unitId))
      items.push({
        userId: o.userId,
        kind,
        params: { member: r.member, commune: r.commune, cell: r.cell, reason: r.reason },
        link: letterLink(r.id),
      });
  await notifyEach(tx, onePerPerson(items, '/introductions'));
}

/**
 * Art. 4.1: place members in residential cells of the receiving commune (letters not yet received are
 * received in the same step). The cell must be an active residential cell inside that commune.
 */
export async function placeLetters(
  deps: LetterDeps,
  actor: Actor,
  body: PlaceLettersBody,
): Promise<TransitionResult> {
  const cellFor = new Map(body.placements.map((p) => [p.letterId, p.cellId]));
  const ids = [...cellFor.keys()];
  const transition = transitionFor('place');
  return deps.db.transaction(async (tx) => {
    const rows = await repo.lockLetters(
      tx,
      ids,
      letterReadScope(actor),
      letterActScope(actor, transition.by),
    );
    if (rows.length !== ids.length || rows.some((r) => !r.visible)) throw new NotFound('letter_not_found');
    if (rows.some((r) => !r.allowed)) throw new Forbidden('letter_not_yours', { action: 'place' });
    const wrong = rows.filter((r) => !checkTransition('place', r.status).ok);
    if (wrong.length)
      throw new Conflict('letter_wrong_state', {
        action: 'place',
        count: wrong.length,
        status: wrong[0]!.status,
      });
    const todo = rows.filter((r) => !(checkTransition('place', r.status) as { repeated: boolean }).repeated);
    const repeated = rows.length - todo.length;
    if (todo.length === 0) return { changed: 0, repeated, letterIds: [] };
    const todoIds = todo.map((r) => r.id);
    const cells = todoIds.map((id) => cellFor.get(id)!);
    // A member can only be placed in a residential cell of the commune that received the letter.
    const bad = await queryRows<{ id: string }>(
      tx,
      sql`select p.letter_id as id from unnest(${repo.sqlUuidArray(todoIds)}, ${repo.sqlUuidArray(cells)}) as p(letter_id, cell_id)
          join introduction_letters l on l.id = p.letter_id join org_units rc on rc.id = l.receiving_commune_id
          left join org_units c on c.id = p.cell_id
          where c.id is null or c.type <> 'residential_cell' or c.status <> 'active' or not (c.path <@ rc.path)`,
    );
    if (bad.length)
      throw new Invalid(
        'letter_cell_outside_commune',
        { cellId: 'introductions.cellOutsideCommune' },
        { count: bad.length },
      );
    const now = deps.clock.now();
    const received = await markReceived(
      tx,
      todo.filter((r) => fromStatuses('receive').includes(r.status)).map((r) => r.id),
      now,
    );
    await auditStep(tx, actor, 'receive', received);
    const placed = await queryRows<{
      id: string;
      unitId: string;
      memberId: string;
      cellId: string;
      communeId: string;
    }>(
      tx,
      sql`update introduction_letters l set status = ${literal(transition.to)}, residence_cell_id = p.cell_id,
            placed_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
          from unnest(${repo.sqlUuidArray(todoIds)}, ${repo.sqlUuidArray(cells)}) as p(letter_id, cell_id)
          where l.id = p.letter_id
          returning l.id, l.receiving_commune_id as "unitId", l.member_id as "memberId", p.cell_id as "cellId", l.receiving_commune_id as "communeId"`,
    );
    await setResidenceCell(tx, placed, now);
    await auditStep(
      tx,
      actor,
      'place',
      placed.map((p) => ({ id: p.id, unitId: p.unitId })),
      {},
    );
    await notifyArrivals(
      tx,
      placed.map((p) => p.id),
    );
    await notifyWorkplace(
      tx,
      placed.map((p) => p.id),
      'letter_placed',
    );
    return { changed: placed.length, repeated, letterIds: placed.map((p) => p.id) };
  });
}

/** The member's residence cell and its dated membership follow the placement (history kept). */
async function setResidenceCell(
  tx: Executor,
  placed: { memberId: string; cellId: string; communeId: string }[],
  now: Date,
) {
  if (placed.length === 0) return;
  const today = todayInVietnam(now);
  const memberIds = repo.sqlUuidArray(placed.map((p) => p.memberId));
  const cellIds = repo.sqlUuidArray(placed.map((p) => p.cellId));
  const communeIds = repo.sqlUuidArray(placed.map((p) => p.communeId));
  await tx.execute(sql`update members m set residence_cell_id = p.cell_id, residence_commune_id = p.commune_id, updated_at = now()
    from unnest(${memberIds}, ${cellIds}, ${communeIds}) as p(member_id, cell_id, commune_id) where m.id = p.member_id`);
  await tx.execute(sql`update unit_memberships set valid_to = ${today}::date
    where kind = 'residence_cell' and valid_to is null and member_id = any(${memberIds})`);
  await tx.execute(sql`insert into unit_memberships (member_id, unit_id, kind, valid_from, note)
    select p.member_id, p.cell_id, 'residence_cell', ${today}::date, 'introduction'
    from unnest(${memberIds}, ${cellIds}) as p(member_id, cell_id)`);
  await assignPendingCells(
    tx,
    placed.map((p) => p.memberId),
  );
}

async function notifyArrivals(tx: Executor, letterIds: string[]) {
  if (letterIds.length === 0) return;
  const rows = await queryRows<{ id: string; cellId: string; member: string; commune: string }>(
    tx,
    sql`select l.id, l.residence_cell_id as "cellId", m.full_name as member, rc.name as commune
        from introduction_letters l join members m on m.id = l.member_id join org_units rc on rc.id = l.receiving_commune_id
        where l.id = any(${repo.sqlUuidArray(letterIds)})`,
  );
  const secretaries = await repo.usersOnUnits(
    tx,
    'cell_secretary',
    rows.map((r) => r.cellId),
  );
  const items: NotificationItem[] = [];
  for (const r of rows)
    for (const s of secretaries.filter((x) => x.unitId === r.cellId))
      items.push({
        userId: s.userId,
        kind: 'letter_arrival',
        params: { member: r.member, commune: r.commune },
        link: '/introductions/cell',
      });
  await notifyEach(tx, onePerPerson(items, '/introductions/cell'), { email: true });
}

/** Not our area / wrong address: back to the workplace with the reason. */
export async function rejectLetters(
  deps: LetterDeps,
  actor: Actor,
  letterIds: string[],
  reason: RejectReason,
  note?: string,
): Promise<TransitionResult> {
  if (reason === 'other' && !note?.trim())
    throw new Invalid('validation_failed', { note: 'introductions.rejectNoteRequired' });
  return step(deps, actor, 'reject', letterIds, async ({ tx, ids, now }) => {
    const rows = await queryRows<{ id: string; unitId: string; from: string; memberId: string }>(
      tx,
      sql`update introduction_letters l set status = ${literal(transitionFor('reject').to)}, rejected_at = ${now.toISOString()}::timestamptz,
            reject_reason = ${reason}, reject_note = ${note?.trim() || null}, updated_at = ${now.toISOString()}::timestamptz
          from introduction_letters old where old.id = l.id and l.id = any(${repo.sqlUuidArray(ids)})
          returning l.id, l.receiving_commune_id as "unitId", old.status as from, l.member_id as "memberId"`,
    );
    await auditStep(tx, actor, 'reject', rows, { reason, note: note?.trim() || null });
    await notifyWorkplace(
      tx,
      rows.map((r) => r.id),
      'letter_rejected',
    );
  });
}

/** Art. 4.2: the cell lists the member and tells them whom to contact. */
export async function acknowledgeLetters(
  deps: LetterDeps,
  actor: Actor,
  letterIds: string[],
): Promise<TransitionResult> {
  return step(deps, actor, 'acknowledge', letterIds, async ({ tx, ids, now }) => {
    const rows = await queryRows<{ id: string; unitId: string; memberId: string; cellId: string }>(
      tx,
      sql`update introduction_letters l set status = ${literal(transitionFor('acknowledge').to)}, acknowledged_at = ${now.toISOString()}::timestamptz,
            updated_at = ${now.toISOString()}::timestamptz
          where l.id = any(${repo.sqlUuidArray(ids)})
          returning l.id, l.residence_cell_id as "unitId", l.member_id as "memberId", l.residence_cell_id as "cellId"`,
    );
    await auditStep(tx, actor, 'acknowledge', rows);
    const contacts = new Map(
      (
        await repo.cellContacts(
          tx,
          rows.map((r) => r.cellId),
        )
      ).map((c) => [c.cellId, c]),
    );
    const items: NotificationItem[] = [];
    for (const u of await repo.usersOfMembers(
      tx,
      rows.map((r) => r.memberId),
    )) {
      const c = contacts.get(rows.find((r) => r.memberId === u.memberId)!.cellId)!;
      items.push({
        userId: u.userId,
        kind: 'my_cell_ready',
        params: {
          cell: c.cellName,
          secretary: c.secretaryName,
          secretaryPhone: c.secretaryPhone,
          meetingPlace: c.meetingPlace,
        },
        link: '/my-residence',
      });
    }
    await notifyEach(tx, items, { email: true });
    await notifyWorkplace(
      tx,
      rows.map((r) => r.id),
      'letter_acknowledged',
    );
  });
}

/**
 * The workplace corrects a rejected letter and sends it to the right commune: the member's actual residence
 * is corrected in the registry and a new letter replaces the rejected one (which stays, superseded).
 */
export async function resendLetter(
  deps: LetterDeps,
  actor: Actor,
  id: string,
  body: ResendLetterBody,
): Promise<{ letterId: string }> {
  const newId = await deps.db.transaction(async (tx) => {
    const [row] = await repo.lockLetters(
      tx,
      [id],
      letterReadScope(actor),
      letterActScope(actor, 'workplace'),
    );
    if (!row?.visible) throw new NotFound('letter_not_found');
    if (!row.allowed) throw new Forbidden('letter_not_yours', { action: 'resend' });
    if (body.issue) {
      const [signer] = await repo.lockLetters(
        tx,
        [id],
        letterReadScope(actor),
        letterActScope(actor, 'workplace_signer'),
      );
      if (!signer?.allowed) throw new Forbidden('letter_issue_needs_signer', { action: 'issue' });
    }
    const check = checkTransition('resend', row.status);
    if (!check.ok || check.repeated)
      throw new Conflict('letter_wrong_state', { action: 'resend', count: 1, status: row.status });
    const [target] = await queryRows<{ ok: boolean; areaOk: boolean }>(
      tx,
      sql`select (c.type in ('commune_committee', 'district_committee') and c.status = 'active') as ok,
            ${body.residenceAreaId ? sql`exists (select 1 from residential_areas a where a.id = ${body.residenceAreaId} and a.commune_unit_id = c.id)` : sql`true`} as "areaOk"
          from org_units c where c.id = ${body.receivingCommuneId}`,
    );
    if (!target?.ok) throw new Invalid('validation_failed', { receivingCommuneId: 'member.communeInvalid' });
    if (!target.areaOk) throw new Invalid('validation_failed', { residenceAreaId: 'member.areaInvalid' });
    const now = deps.clock.now().toISOString();
    const [old] = await queryRows<{
      memberId: string;
      issuingUnitId: string;
      exempt: string | null;
      batchId: string | null;
    }>(
      tx,
      sql`update introduction_letters set status = ${literal(check.transition.to)}, updated_at = ${now}::timestamptz where id = ${id}
          returning member_id as "memberId", issuing_unit_id as "issuingUnitId", exempt, batch_id as "batchId"`,
    );
    await tx.execute(sql`update members set residence_commune_id = ${body.receivingCommuneId}, residence_area_id = ${body.residenceAreaId ?? null},
      residence_street = coalesce(${body.residenceStreet ?? null}, residence_street), updated_at = ${now}::timestamptz where id = ${old!.memberId}`);
    const [created] = await queryRows<{ id: string }>(
      tx,
      sql`insert into introduction_letters (member_id, issuing_unit_id, receiving_commune_id, residence_area_id, residence_street,
            exempt, previous_letter_id, created_by, status, created_at, updated_at)
          select ${old!.memberId}, ${old!.issuingUnitId}, ${body.receivingCommuneId}, ${body.residenceAreaId ?? null}, m.residence_street,
            ${old!.exempt}, ${id}, ${actor.userId}, ${literal(newLetterStatus)}, ${now}::timestamptz, ${now}::timestamptz
          from members m where m.id = ${old!.memberId}
          returning id`,
    );
    await tx.execute(sql`update members set current_letter_id = ${created!.id} where id = ${old!.memberId}`);
    await auditStep(tx, actor, 'resend', [{ id, unitId: old!.issuingUnitId }], { nextLetterId: created!.id });
    await writeAudit(tx, actor, {
      action: 'introduction.created',
      entityType: 'introduction_letter',
      entityId: created!.id,
      unitId: old!.issuingUnitId,
      after: { status: newLetterStatus, previousLetterId: id, receivingCommuneId: body.receivingCommuneId },
    });
    await writeAudit(tx, actor, {
      action: 'member.residence_corrected',
      entityType: 'member',
      entityId: old!.memberId,
      after: {
        residenceCommuneId: body.receivingCommuneId,
        residenceAreaId: body.residenceAreaId ?? null,
        residenceStreet: body.residenceStreet ?? null,
      },
    });
    return created!.id;
  });
  if (body.issue) await issueLetters(deps, actor, [newId]);
  return { letterId: newId };
}

/**
 * The system ends a member's hand-off (move, expulsion, removal, leaving): open letters close with the
 * reason, drafts are cancelled. Runs inside the caller's transaction.
 */
export async function endLettersOfMember(
  tx: Executor,
  actor: Actor | null,
  memberId: string,
  reason: string,
  now: Date,
) {
  const rows = await queryRows<{ id: string; unitId: string; from: LetterStatus; to: LetterStatus }>(
    tx,
    sql`update introduction_letters l set status = (case when ${oneOf(sql`old.status`, cancelledOnEndStatuses)} then ${literal(transitionFor('cancel').to)}
          else ${literal(transitionFor('end').to)} end)::letter_status,
          ended_at = ${now.toISOString()}::timestamptz, end_reason = ${reason}, updated_at = ${now.toISOString()}::timestamptz
        from introduction_letters old
        where old.id = l.id and l.member_id = ${memberId} and ${oneOf(sql`l.status`, openLetterStatuses)}
        returning l.id, l.issuing_unit_id as "unitId", old.status as from, l.status as to`,
  );
  await writeAudit(
    tx,
    actor,
    rows.map((r) => ({
      action: r.to === transitionFor('cancel').to ? 'introduction.cancel' : 'introduction.end',
      entityType: 'introduction_letter',
      entityId: r.id,
      unitId: r.unitId,
      before: { status: r.from },
      after: { status: r.to, reason },
    })),
  );
  return rows;
}
