import { and, eq, isNull } from 'drizzle-orm';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import type { Db, Executor } from '../../db/client';
import { members, unitMemberships } from '../../db/schema';
import type { Clock } from '../../context';
import type {
  CreateMemberBody,
  MemberDetail,
  MemberListItem,
  MemberListQuery,
  UpdateMemberBody,
} from '../../../shared/contracts/members';
import { isAdmin, type Actor } from '../../http/actor';
import { canAdministerPath, memberReadScope, memberWriteScope } from '../../http/access';
import { Conflict, Forbidden, Invalid, NotFound } from '../../http/errors';
import { registerMessages } from '../../i18n/messages';
import { diff, writeAudit } from '../audit/audit.service';
import { checkMemberRules, memberMessages } from './member-rules';
import * as repo from './members.repository';
import type { SearchScope } from '../../db/member-sql';

registerMessages(memberMessages);

export interface MemberDeps {
  db: Db;
  clock: Clock;
}

type ListRow = Awaited<ReturnType<typeof repo.listMembers>>[number];

function toListItem(r: ListRow): MemberListItem {
  return {
    id: r.id,
    fullName: r.fullName,
    sex: r.sex,
    dateOfBirth: r.dateOfBirth,
    cardNumber: r.cardNumber,
    phone: r.phone,
    cellId: r.cellId,
    cellName: r.cellName,
    category: r.category,
    status: r.status,
    residenceCommuneId: r.residenceCommuneId,
    residenceCommuneName: r.residenceCommuneName,
    residenceAreaName: r.residenceAreaName,
    isWorking: r.isWorking,
    livesAway: r.livesAway,
  };
}

/** Keyset page of members the actor may see, in Vietnamese name order; typo-tolerant when nothing matches exactly. */
/**
 * How a name search runs: over the whole register through the trigram index; within an actor's units through
 * the scope's own indexes with the name as a filter (measured on the national data: a commune 16–90 ms instead
 * of 0.2–1.1 s; a province is slow either way, 0.5–2.5 s — see the README's scale notes).
 */
function searchScopeOf(actor: Actor): SearchScope {
  return isAdmin(actor) ? 'wide' : 'scoped';
}

export async function listMembers(deps: MemberDeps, actor: Actor, query: MemberListQuery) {
  const cursor = repo.decodeCursor(query.cursor);
  const scope = memberReadScope(actor);
  const searchScope = searchScopeOf(actor);
  let fuzzy = cursor?.fuzzy ?? false;
  let rows = await repo.listMembers(
    deps.db,
    repo.listFilters(scope, query, fuzzy ? 'fuzzy' : 'exact', searchScope),
    cursor,
    query.limit + 1,
  );
  if (rows.length === 0 && !cursor && repo.canSearchFuzzy(query.q)) {
    fuzzy = true;
    rows = await repo.listMembers(
      deps.db,
      repo.listFilters(scope, query, 'fuzzy', searchScope),
      null,
      query.limit + 1,
    );
  }
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toListItem),
    nextCursor:
      rows.length > query.limit && last
        ? repo.encodeCursor({ k: last.sortKey ?? '', id: last.id, fuzzy })
        : null,
  };
}

/** Every page, for exports: yields batches so a large export never holds one giant result. */
export async function* iterateMembers(
  deps: MemberDeps,
  actor: Actor,
  query: Omit<MemberListQuery, 'limit' | 'cursor'>,
  batch = 2000,
) {
  const where = repo.listFilters(memberReadScope(actor), query, 'exact', searchScopeOf(actor));
  let cursor: repo.Cursor | null = null;
  for (;;) {
    const rows = await repo.listMembers(deps.db, where, cursor, batch);
    if (rows.length === 0) return;
    yield rows.map(toListItem);
    const last = rows[rows.length - 1]!;
    cursor = { k: last.sortKey ?? '', id: last.id };
    if (rows.length < batch) return;
  }
}

export async function getMember(deps: MemberDeps, actor: Actor, id: string): Promise<MemberDetail> {
  // one query: the member in the read scope, whether it is in the write scope, its memberships
  // the scopes are a function of the grants (and the member id that comes with them): one statement per grants
  const row = await repo.findMemberDetail(
    deps.db,
    id,
    (bind) => ({ read: memberReadScope(actor, bind), write: memberWriteScope(actor, bind) }),
    { grants: actor.grants, memberId: actor.memberId },
  );
  if (!row) throw new NotFound();
  const { memberships, canEdit } = row;
  const m = row.member;
  return {
    ...toListItem(row),
    citizenId: m.citizenId,
    email: m.email,
    dateAdmitted: m.dateAdmitted,
    dateOfficial: m.dateOfficial,
    jobTitle: m.jobTitle,
    workplaceCommitteeName: row.workplaceCommitteeName,
    registeredProvince: m.registeredProvince,
    registeredCommune: m.registeredCommune,
    registeredArea: m.registeredArea,
    registeredStreet: m.registeredStreet,
    residenceProvince: m.residenceProvince,
    residenceAreaId: m.residenceAreaId,
    residenceStreet: m.residenceStreet,
    residenceCellId: m.residenceCellId,
    residenceCellName: row.residenceCellName,
    categoryReason: m.categoryReason,
    exemptFrom: m.exemptFrom,
    exemptTo: m.exemptTo,
    memberships,
    canEdit,
    updatedAt: m.updatedAt.toISOString(),
  };
}

const CELL_TYPES = new Set(['residential_cell', 'workplace_cell']);
const COMMUNE_TYPES = new Set(['commune_committee', 'district_committee']);

/** References must exist, be active and (for the cell) lie where the actor administers. */
async function checkReferences(
  db: Executor,
  actor: Actor,
  input: { cellId?: string; residenceCommuneId?: string | null; residenceAreaId?: string | null },
): Promise<{ residenceCommuneId?: string | null }> {
  const fields: Record<string, string> = {};
  let residenceCommuneId = input.residenceCommuneId;
  if (input.cellId) {
    const cell = await repo.findUnitBrief(db, input.cellId);
    if (
      !cell ||
      !CELL_TYPES.has(cell.type) ||
      cell.status !== 'active' ||
      !canAdministerPath(actor, cell.path)
    )
      fields.cellId = 'member.cellInvalid';
  }
  if (input.residenceCommuneId) {
    const commune = await repo.findUnitBrief(db, input.residenceCommuneId);
    if (!commune || !COMMUNE_TYPES.has(commune.type) || commune.status !== 'active')
      fields.residenceCommuneId = 'member.communeInvalid';
  }
  if (input.residenceAreaId) {
    const area = await repo.findArea(db, input.residenceAreaId);
    if (!area || (residenceCommuneId && area.communeUnitId !== residenceCommuneId))
      fields.residenceAreaId = 'member.areaInvalid';
    else residenceCommuneId = area.communeUnitId;
  }
  if (Object.keys(fields).length) throw new Invalid('validation_failed', fields);
  return { residenceCommuneId };
}

async function checkUnique(db: Executor, cardNumber?: string, citizenId?: string | null, exceptId?: string) {
  const clashes = await repo.findByCardOrCitizenId(db, cardNumber, citizenId, exceptId);
  if (clashes.some((c) => c.cardNumber === cardNumber))
    throw new Conflict('card_number_taken', { cardNumber });
  if (citizenId && clashes.some((c) => c.citizenId === citizenId)) throw new Conflict('citizen_id_taken');
}

function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

export async function createMember(
  deps: MemberDeps,
  actor: Actor,
  input: CreateMemberBody,
): Promise<MemberDetail> {
  const today = vnDay(deps.clock.now());
  const ruleErrors = checkMemberRules(input, today);
  if (Object.keys(ruleErrors).length) throw new Invalid('validation_failed', ruleErrors);
  const id = await deps.db.transaction(async (tx) => {
    const { residenceCommuneId } = await checkReferences(tx, actor, input);
    await checkUnique(tx, input.cardNumber, input.citizenId);
    const [row] = await tx
      .insert(members)
      .values({
        ...input,
        fullName: normaliseName(input.fullName),
        residenceCommuneId: residenceCommuneId ?? null,
      })
      .returning();
    await tx.insert(unitMemberships).values({
      memberId: row!.id,
      unitId: row!.cellId,
      kind: 'party_cell',
      validFrom: input.dateOfficial ?? input.dateAdmitted ?? today,
    });
    await writeAudit(tx, actor, {
      action: 'member.created',
      entityType: 'member',
      entityId: row!.id,
      unitId: row!.cellId,
      after: row,
    });
    return row!.id;
  });
  return getMember(deps, actor, id);
}

export async function updateMember(
  deps: MemberDeps,
  actor: Actor,
  id: string,
  input: UpdateMemberBody,
): Promise<MemberDetail> {
  const today = vnDay(deps.clock.now());
  await deps.db.transaction(async (tx) => {
    const found = await repo.findMember(tx, id, memberReadScope(actor), memberWriteScope(actor));
    if (!found) throw new NotFound();
    if (!found.canEdit) throw new Forbidden('member_not_writable');
    const before = found.member;
    const { expectedUpdatedAt, ...changes } = input;
    if (expectedUpdatedAt && expectedUpdatedAt !== before.updatedAt.toISOString())
      throw new Conflict('stale_update');
    const merged = { ...before, ...changes };
    const ruleErrors = checkMemberRules(merged, today);
    if (Object.keys(ruleErrors).length) throw new Invalid('validation_failed', ruleErrors);
    const refs = await checkReferences(tx, actor, {
      cellId: changes.cellId && changes.cellId !== before.cellId ? changes.cellId : undefined,
      residenceCommuneId: changes.residenceCommuneId === undefined ? undefined : changes.residenceCommuneId,
      residenceAreaId: changes.residenceAreaId,
    });
    if (changes.cardNumber !== undefined || changes.citizenId !== undefined)
      await checkUnique(tx, changes.cardNumber, changes.citizenId, id);
    const patch = {
      ...changes,
      ...(changes.fullName ? { fullName: normaliseName(changes.fullName) } : {}),
      ...(refs.residenceCommuneId !== undefined ? { residenceCommuneId: refs.residenceCommuneId } : {}),
    };
    const d = diff(before as unknown as Record<string, unknown>, patch);
    if (!d.changed) return;
    await tx
      .update(members)
      .set({ ...patch, updatedAt: deps.clock.now() })
      .where(eq(members.id, id));
    if (changes.cellId && changes.cellId !== before.cellId) {
      // Dated membership: close the old cell, open the new one; history is never overwritten.
      await tx
        .update(unitMemberships)
        .set({ validTo: today })
        .where(
          and(
            eq(unitMemberships.memberId, id),
            eq(unitMemberships.kind, 'party_cell'),
            isNull(unitMemberships.validTo),
          ),
        );
      await tx
        .insert(unitMemberships)
        .values({ memberId: id, unitId: changes.cellId, kind: 'party_cell', validFrom: today });
    }
    await writeAudit(tx, actor, {
      action: 'member.updated',
      entityType: 'member',
      entityId: id,
      unitId: changes.cellId ?? before.cellId,
      before: d.before,
      after: d.after,
    });
  });
  return getMember(deps, actor, id);
}
