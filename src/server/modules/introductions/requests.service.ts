import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import type { CreateRequestBody, RequestItem } from '../../../shared/contracts/introductions';
import { grantsWith, isAdmin, type Actor } from '../../http/actor';
import { Conflict, Forbidden, Invalid, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { decodeCursor, encodeCursor } from '../members/members.repository';
import { notifyEach } from '../notifications/notifications.service';
import { todayInVietnam } from '../org-units/org-units.service';
import { reachesPath, signerGrants, workplaceMemberScope } from './introductions.access';
import * as repo from './letters.repository';
import { existingRequest } from './natural-keys';
import { checkCommuneAndArea, lockMember } from './residence.service';
import { endLettersOfMember, issueLetters, residenceAddress, type LetterDeps } from './letters.service';

/**
 * "Known here, no letter" (Art. 4.1): the commune found a working member living locally and asks the workplace
 * to introduce them; the workplace answers with a letter or declines. A request sent again while open is the
 * same request (issue 12, natural-keys.ts).
 */

export async function createRequest(
  deps: LetterDeps,
  actor: Actor,
  body: CreateRequestBody,
): Promise<{ id: string; workplaceUnitName: string; created: boolean }> {
  return deps.db.transaction(async (tx) => {
    const [commune] = await queryRows<{ path: string; type: string; name: string }>(
      tx,
      sql`select path::text as path, type, name from org_units where id = ${body.communeId} and status = 'active'`,
    );
    if (!commune || !reachesPath(actor, commune.path, ['committee_officer'])) throw new NotFound();
    if (!['commune_committee', 'district_committee'].includes(commune.type)) throw new Invalid('validation_failed', { communeId: 'member.communeInvalid' });
    if (body.residenceAreaId) await checkCommuneAndArea(tx, body.communeId, body.residenceAreaId, 'communeId');
    // A card number found in the registry routes the request to the member's own committee.
    const [match] = body.cardNumber
      ? await queryRows<{ memberId: string; committeeId: string }>(
          tx,
          sql`select m.id as "memberId", ${repo.committeeOfCell(sql`c`)} as "committeeId"
              from members m join org_units c on c.id = m.cell_id where m.card_number = ${body.cardNumber} and c.type = 'workplace_cell'`,
        )
      : [];
    const workplaceUnitId = match?.committeeId ?? body.workplaceUnitId;
    if (!workplaceUnitId) throw new Invalid('validation_failed', { workplaceUnitId: 'introductions.requestNeedsCardOrWorkplace' });
    const [workplace] = await queryRows<{ name: string }>(
      tx,
      sql`select name from org_units where id = ${workplaceUnitId} and status = 'active'
          and type in ('workplace_committee', 'bloc_committee', 'province_committee', 'commune_committee', 'district_committee')`,
    );
    if (!workplace) throw new Invalid('validation_failed', { workplaceUnitId: 'introductions.workplaceInvalid' });
    const repeated = await existingRequest(tx, body, workplaceUnitId);
    if (repeated) return { ...repeated, created: false };
    const [created] = await queryRows<{ id: string }>(
      tx,
      sql`insert into introduction_requests (commune_id, workplace_unit_id, member_id, full_name, date_of_birth, card_number, phone,
            residence_area_id, residence_street, note, created_by, created_at)
          values (${body.communeId}, ${workplaceUnitId}, ${match?.memberId ?? null}, ${body.fullName}, ${body.dateOfBirth ?? null}::date,
            ${body.cardNumber ?? null}, ${body.phone ?? null}, ${body.residenceAreaId ?? null}, ${body.residenceStreet ?? null},
            ${body.note ?? null}, ${actor.userId}, ${deps.clock.now().toISOString()}::timestamptz)
          on conflict do nothing returning id`,
    );
    if (!created) {
      // a parallel twin committed first: answer it (or 409 when it differs)
      const twin = await existingRequest(tx, body, workplaceUnitId);
      if (!twin) throw new Conflict('request_exists');
      return { ...twin, created: false };
    }
    await writeAudit(tx, actor, { action: 'introduction_request.created', entityType: 'introduction_request', entityId: created.id, unitId: body.communeId, after: body });
    const officers = await repo.usersOnUnits(tx, 'committee_officer', [workplaceUnitId]);
    await notifyEach(
      tx,
      officers.map((o) => ({ userId: o.userId, kind: 'introduction_requested', params: { member: body.fullName, commune: commune.name }, link: '/introductions' })),
      { email: true },
    );
    return { id: created.id, workplaceUnitName: workplace.name, created: true };
  });
}

function requestScope(actor: Actor, side: 'workplace' | 'commune'): SQL {
  if (isAdmin(actor)) return sql`true`;
  const col = side === 'workplace' ? sql`r.workplace_unit_id` : sql`r.commune_id`;
  const conds = grantsWith(actor, 'committee_officer').map((g) => sql`${col} in (select u.id from org_units u where u.path <@ ${g.unitPath}::ltree)`);
  return conds.length ? sql`(${sql.join(conds, sql` or `)})` : sql`false`;
}

const requestSelect = sql`select r.id, r.status, r.commune_id as "communeId", co.name as "communeName", r.workplace_unit_id as "workplaceUnitId",
    w.name as "workplaceUnitName", r.member_id as "memberId", r.full_name as "fullName", r.date_of_birth::text as "dateOfBirth",
    r.card_number as "cardNumber", r.phone, r.residence_street as street, a.name as "areaName", r.note, r.decline_note as "declineNote",
    r.letter_id as "letterId", r.created_at as "createdAt", r.residence_area_id as "residenceAreaId"
  from introduction_requests r join org_units co on co.id = r.commune_id join org_units w on w.id = r.workplace_unit_id
  left join residential_areas a on a.id = r.residence_area_id`;

type RequestRow = Omit<RequestItem, 'residenceAddress'> & { street: string | null; areaName: string | null; residenceAreaId: string | null };

function toRequestItem(r: RequestRow): RequestItem {
  const { street, areaName, residenceAreaId: _area, ...rest } = r;
  return { ...rest, residenceAddress: residenceAddress(street, areaName, r.communeName), createdAt: new Date(r.createdAt).toISOString() };
}

export async function listRequests(
  deps: LetterDeps,
  actor: Actor,
  query: { side: 'workplace' | 'commune'; unitId?: string; status?: RequestItem['status']; cursor?: string; limit: number },
) {
  const where: SQL[] = [requestScope(actor, query.side)];
  if (query.unitId) {
    const col = query.side === 'workplace' ? sql`r.workplace_unit_id` : sql`r.commune_id`;
    where.push(sql`${col} in (select u.id from org_units u where u.path <@ (select path from org_units where id = ${query.unitId}))`);
  }
  if (query.status) where.push(sql`r.status = ${query.status}`);
  const cursor = decodeCursor(query.cursor);
  if (cursor) where.push(sql`(r.created_at, r.id) < (${cursor.k}::timestamptz, ${cursor.id}::uuid)`);
  const rows = await queryRows<RequestRow>(
    deps.db,
    sql`${requestSelect} where ${sql.join(where.map((w) => sql`(${w})`), sql` and `)} order by r.created_at desc, r.id desc limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toRequestItem),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: new Date(last.createdAt).toISOString(), id: last.id }) : null,
  };
}

async function lockRequest(tx: Executor, actor: Actor, id: string): Promise<RequestRow> {
  const [r] = await queryRows<RequestRow>(tx, sql`${requestSelect} where r.id = ${id} and ${requestScope(actor, 'workplace')} for update of r`);
  if (!r) throw new NotFound();
  if (r.status !== 'open') throw new Conflict('request_closed');
  return r;
}

/** The workplace answers a request with a letter for the member (their residence is corrected to the commune's finding). */
export async function fulfilRequest(deps: LetterDeps, actor: Actor, id: string, body: { memberId: string; issue: boolean }): Promise<{ letterId: string }> {
  const letterId = await deps.db.transaction(async (tx) => {
    const r = await lockRequest(tx, actor, id);
    const m = await lockMember(tx, actor, body.memberId, workplaceMemberScope(actor));
    if (m.status !== 'active') throw new Conflict('member_not_active');
    // Art. 3.1: only the secretary or deputy signs. Refuse before anything changes, not after the request is closed.
    if (body.issue && !signerGrants(actor).some((g) => m.committeePath === g.unitPath || m.committeePath.startsWith(`${g.unitPath}.`)))
      throw new Forbidden('letter_issue_needs_signer', { action: 'issue' });
    const [open] = await queryRows<{ id: string }>(
      tx,
      sql`select id from introduction_letters where member_id = ${m.id} and status in ('draft', 'issued', 'received', 'placed', 'acknowledged')`,
    );
    if (open) await endLettersOfMember(tx, actor, m.id, 'request', deps.clock.now());
    const now = deps.clock.now().toISOString();
    await tx.execute(sql`update members set residence_commune_id = ${r.communeId}, residence_area_id = coalesce(${r.residenceAreaId}, residence_area_id),
      residence_street = coalesce(${r.street}, residence_street), residence_cell_id = null, updated_at = ${now}::timestamptz where id = ${m.id}`);
    // The member no longer lives in the old residence cell: close that membership too (history kept).
    await tx.execute(sql`update unit_memberships set valid_to = greatest(valid_from, ${todayInVietnam(deps.clock.now())}::date)
      where member_id = ${m.id} and kind = 'residence_cell' and valid_to is null`);
    const [letter] = await queryRows<{ id: string }>(
      tx,
      sql`insert into introduction_letters (member_id, issuing_unit_id, receiving_commune_id, residence_area_id, residence_street, exempt,
            previous_letter_id, created_by, status, created_at, updated_at)
          select m.id, ${m.committeeId}, ${r.communeId}, m.residence_area_id, m.residence_street,
            ${repo.exemptTextSql('m')}, ${m.currentLetterId}, ${actor.userId}, 'draft', ${now}::timestamptz, ${now}::timestamptz
          from members m where m.id = ${m.id} returning id`,
    );
    await tx.execute(sql`update members set current_letter_id = ${letter!.id} where id = ${m.id}`);
    await tx.execute(sql`update introduction_requests set status = 'fulfilled', member_id = ${m.id}, letter_id = ${letter!.id},
      closed_at = ${now}::timestamptz where id = ${id}`);
    await writeAudit(tx, actor, [
      { action: 'introduction_request.fulfilled', entityType: 'introduction_request', entityId: id, unitId: r.communeId, after: { memberId: m.id, letterId: letter!.id } },
      { action: 'introduction.created', entityType: 'introduction_letter', entityId: letter!.id, unitId: m.committeeId, after: { status: 'draft', requestId: id } },
    ]);
    return letter!.id;
  });
  if (body.issue) await issueLetters(deps, actor, [letterId]);
  return { letterId };
}

export async function declineRequest(deps: LetterDeps, actor: Actor, id: string, note: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const r = await lockRequest(tx, actor, id);
    await tx.execute(sql`update introduction_requests set status = 'declined', decline_note = ${note}, closed_at = ${deps.clock.now().toISOString()}::timestamptz where id = ${id}`);
    await writeAudit(tx, actor, { action: 'introduction_request.declined', entityType: 'introduction_request', entityId: id, unitId: r.communeId, after: { note } });
    const [creator] = await queryRows<{ userId: string | null }>(tx, sql`select created_by as "userId" from introduction_requests where id = ${id}`);
    if (creator?.userId)
      await notifyEach(tx, [{ userId: creator.userId, kind: 'request_declined', params: { member: r.fullName, workplace: r.workplaceUnitName }, link: '/introductions/inbox' }]);
  });
}
