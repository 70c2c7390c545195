import type {
  Coverage,
  QueueItem,
  ResidentItem,
  ResidentsQuery,
  StageCounts,
  WorkplaceMembersQuery,
  WorkplaceSummary,
} from '../../../shared/contracts/introductions';
import { formatLetterNumber, introductionStages, isOverdue } from '../../../shared/rules/introduction-letter';
import type { Executor } from '../../db/client';
import { isAdmin, type Actor } from '../../http/actor';
import { Forbidden, NotFound } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../db/member-sql';
import { reachesPath } from './introductions.access';
import { residenceAddress } from '../../documents/address';
import type { LetterDeps } from './letters.service';
import {
  coverageRows,
  findUnit,
  overdueAndOpenRequests,
  residentPage,
  stageCounts,
  workplaceMemberPage,
  type UnitRef,
} from './queues.repository';

/** Queues, residents and coverage: who is where in the hand-off, for each side (Art. 3.1, 4.1, 4.2). */

/** The unit asked for, or the actor's first unit with one of the roles; 404 when out of reach. */
async function resolveUnit(
  db: Executor,
  actor: Actor,
  unitId: string | undefined,
  roles: Parameters<typeof reachesPath>[2],
  preferTypes: string[],
): Promise<UnitRef> {
  const id =
    unitId ??
    actor.grants.find((g) => roles.includes(g.role) && g.unitId && preferTypes.includes(g.unitType ?? ''))
      ?.unitId ??
    actor.grants.find((g) => roles.includes(g.role) && g.unitId)?.unitId;
  if (!id) throw new NotFound('introductions_no_unit');
  const unit = await findUnit(db, id);
  if (!unit || !reachesPath(actor, unit.path, roles)) throw new NotFound();
  return unit;
}

function emptyCounts(): StageCounts {
  return Object.fromEntries(introductionStages.map((s) => [s, 0])) as StageCounts;
}

export async function workplaceSummary(
  deps: Omit<LetterDeps, 'memberHooks'>,
  actor: Actor,
  unitId?: string,
): Promise<WorkplaceSummary> {
  const unit = await resolveUnit(deps.db, actor, unitId, ['committee_officer'], ['workplace_committee']);
  const overdueBefore = new Date(
    deps.clock.now().getTime() - deps.config.overdueDays * 86_400_000,
  ).toISOString();
  const [rows, extra] = await Promise.all([
    stageCounts(deps.db, unit.path, overdueBefore),
    overdueAndOpenRequests(deps.db, unit.path, overdueBefore),
  ]);
  const totals = emptyCounts();
  const communes = new Map<string, WorkplaceSummary['communes'][number]>();
  for (const r of rows) {
    totals[r.stage] += r.count;
    const key = r.communeId ?? 'none';
    const entry = communes.get(key) ?? {
      communeId: r.communeId,
      communeName: r.communeName,
      counts: emptyCounts(),
      total: 0,
      overdue: 0,
    };
    entry.counts[r.stage] += r.count;
    entry.total += r.count;
    entry.overdue += r.overdue;
    communes.set(key, entry);
  }
  const list = [...communes.values()].sort((a, b) =>
    (a.communeName ?? '\uffff').localeCompare(b.communeName ?? '\uffff', 'vi'),
  );
  return {
    unitId: unit.id,
    unitName: unit.name,
    totals,
    overdue: extra.overdue,
    openRequests: extra.openRequests,
    communes: list,
  };
}

export async function workplaceMembers(deps: LetterDeps, actor: Actor, query: WorkplaceMembersQuery) {
  const unit = await resolveUnit(
    deps.db,
    actor,
    query.unitId,
    ['committee_officer'],
    ['workplace_committee'],
  );
  const cursor = decodeCursor(query.cursor);
  const rows = await workplaceMemberPage(deps.db, unit.path, {
    stage: query.stage,
    communeId: query.communeId,
    q: query.q,
    after: cursor ? { k: cursor.k, id: cursor.id } : undefined,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const now = deps.clock.now();
  const last = page[page.length - 1];
  return {
    items: page.map((r): QueueItem => ({
      memberId: r.memberId,
      fullName: r.fullName,
      cardNumber: r.cardNumber,
      phone: r.phone,
      cellName: r.cellName,
      category: r.category,
      residenceCommuneId: r.residenceCommuneId,
      residenceCommuneName: r.residenceCommuneName,
      residenceAddress: residenceAddress(r.street, r.areaName, r.residenceCommuneName),
      stage: r.stage,
      letterId: r.letterId,
      letterNumber: formatLetterNumber(r.letterNumber),
      letterStatus: r.letterStatus,
      issuedAt: r.issuedAt ? new Date(r.issuedAt).toISOString() : null,
      overdue: r.letterStatus
        ? isOverdue(r.letterStatus, r.issuedAt ? new Date(r.issuedAt) : null, now, deps.config.overdueDays)
        : false,
      rejectReason: r.rejectReason,
      rejectNote: r.rejectNote,
      residenceCellName: r.residenceCellName,
    })),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ k: last.sortKey, id: last.memberId }) : null,
  };
}

/** Working members living in a commune (Art. 4.1) or placed in a residential cell (Art. 4.2). */
export async function listResidents(deps: LetterDeps, actor: Actor, query: ResidentsQuery) {
  let place: { cellId: string } | { path: string };
  if (query.cellId) {
    const cell = await findUnit(deps.db, query.cellId);
    if (!cell || !reachesPath(actor, cell.path, ['committee_officer', 'cell_secretary', 'front_head']))
      throw new NotFound();
    place = { cellId: cell.id };
  } else {
    const unit = await resolveUnit(
      deps.db,
      actor,
      query.unitId,
      ['committee_officer', 'cell_secretary', 'front_head'],
      ['commune_committee', 'residential_cell'],
    );
    place = unit.type === 'residential_cell' ? { cellId: unit.id } : { path: unit.path };
  }
  // New arrivals first, then Vietnamese name order.
  const cursor = decodeCursor(query.cursor);
  const rows = await residentPage(deps.db, place, {
    onlyNew: query.onlyNew,
    q: query.q,
    after: cursor ? { isOld: cursor.fuzzy ?? false, k: cursor.k, id: cursor.id } : undefined,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r): ResidentItem => ({
      memberId: r.memberId,
      fullName: r.fullName,
      phone: r.phone,
      email: r.email,
      category: r.category,
      categoryReason: r.categoryReason,
      residenceCellId: r.residenceCellId,
      residenceCellName: r.residenceCellName,
      residenceAddress: residenceAddress(r.street, r.areaName, r.communeName),
      workplaceCommitteeId: r.workplaceCommitteeId,
      workplaceCommitteeName: r.workplaceCommitteeName,
      workplaceCommitteePhone: r.workplaceCommitteePhone,
      workplaceCellName: r.workplaceCellName,
      jobTitle: r.jobTitle,
      letterId: r.letterId,
      letterNumber: formatLetterNumber(r.letterNo),
      letterStatus: r.letterStatus,
      isNew: r.isNew,
      placedAt: r.placedAt ? new Date(r.placedAt).toISOString() : null,
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ k: last.sortKey, id: last.memberId, fuzzy: !last.isNew })
        : null,
  };
}

const WORKPLACE_TYPES = new Set(['workplace_committee', 'workplace_cell', 'bloc_committee']);
const RESIDENCE_TYPES = new Set(['commune_committee', 'residential_cell', 'district_committee']);

/**
 * Share of working members introduced / received / placed, for a unit and each of its child units.
 * Workplace side counts members by their party cell; residence side by where they live.
 */
export async function coverage(
  deps: LetterDeps,
  actor: Actor,
  unitId: string | undefined,
  side?: 'workplace' | 'residence',
): Promise<Coverage> {
  const unit = await resolveUnit(
    deps.db,
    actor,
    unitId,
    ['committee_officer', 'cell_secretary', 'front_head'],
    ['workplace_committee', 'commune_committee'],
  );
  const chosen =
    side ??
    (RESIDENCE_TYPES.has(unit.type)
      ? 'residence'
      : WORKPLACE_TYPES.has(unit.type)
        ? 'workplace'
        : 'workplace');
  if (chosen === 'workplace' && !isAdmin(actor) && !reachesPath(actor, unit.path, ['committee_officer']))
    throw new Forbidden('introductions_side_not_allowed');
  const { total, children } = await coverageRows(deps.db, unit, chosen);
  return {
    unitId: unit.id,
    unitName: unit.name,
    side: chosen,
    total: { unitId: unit.id, unitName: unit.name, unitType: unit.type, ...total },
    children,
  };
}
