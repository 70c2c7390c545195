import type {
  EvaluationDetail,
  EvaluationListItem,
  EvaluationListQuery,
  FormContent,
  SelfReport,
} from '../../../shared/contracts/evaluations';
import {
  canEvaluation,
  cancelledStatus,
  deliveredStatuses,
  evaluationFromStatuses,
  evaluationTransitions,
  releasedStatuses,
  residenceOpenStatuses,
  type EvaluationAction,
} from '../../../shared/rules/evaluation';
import { classificationLevel, contradictsResidence } from '../../../shared/rules/evaluation-rules';
import type { Actor } from '../../http/actor';
import { NotFound } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../db/member-sql';
import { evaluationScopeSql } from './evaluation-queues';
import {
  classificationScore,
  listDisputes,
  lastReleasedVersion,
  listEvaluationRows,
  listVersions,
  loadRows,
  loadSelfReport,
  loadVersion,
  type EvaluationRow,
  type VersionRow,
} from './evaluations.repository';
import { evidenceOf } from './evidence.repository';
import { vnDay, vnYear } from '../../../shared/rules/vietnam-calendar';
import type { EvaluationDeps } from './requests.service';
import { getRuleSet } from '../rule-sets/rule-sets.service';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export function toListItem(r: EvaluationRow, today: string): EvaluationListItem {
  return {
    id: r.id,
    memberId: r.memberId,
    fullName: r.fullName,
    cardNumber: r.cardNumber,
    year: r.year,
    kind: r.kind,
    purpose: r.purpose,
    formKind: r.formKind,
    status: r.status,
    version: r.version,
    workplaceUnitName: r.workplaceUnitName,
    communeName: r.communeName,
    cellId: r.cellId,
    cellName: r.cellName,
    dueDate: r.dueDate,
    overdue: residenceOpenStatuses.includes(r.status) && r.dueDate < today,
    selfReported: r.selfReported,
    frontSigned: r.frontSigned,
    // a member sees their own flags only with the released form; the residence and workplace sides always
    flags:
      r.asCell || r.asFront || r.asCommune || (r.asWorkplace && deliveredStatuses.includes(r.status))
        ? r.flags
        : [],
    proposal: canSeeContent(r) ? r.proposal : null,
    requestedAt: iso(r.requestedAt)!,
  };
}

/** A released comment sent back for revision after a dispute, its revised version not released yet. */
export function isUnderRevision(r: Pick<EvaluationRow, 'status' | 'releasedAt'>): boolean {
  return r.releasedAt !== null && !releasedStatuses.includes(r.status) && r.status !== cancelledStatus;
}

/** Content of the form: the residence side always; the workplace once delivered; the member once released. */
export function canSeeContent(r: EvaluationRow): boolean {
  return (
    r.asCell ||
    r.asFront ||
    r.asCommune ||
    (r.asWorkplace && deliveredStatuses.includes(r.status)) ||
    (r.asMember && releasedStatuses.includes(r.status))
  );
}

function toContent(v: VersionRow): FormContent {
  return {
    version: v.version,
    ratings: v.ratings,
    justifications: v.justifications,
    otherComments: v.otherComments,
    flags: v.flags,
    evidence: v.evidence,
    jointMeetingOn: v.jointMeetingOn,
    jointMeetingParticipants: v.jointMeetingParticipants,
    frontSignerName: v.frontSignerName,
    frontSignedAt: iso(v.frontSignedAt),
    signerName: v.signerName,
    signedAt: iso(v.signedAt),
    confirmerName: v.confirmerName,
    confirmedAt: iso(v.confirmedAt),
    openedReason: v.openedReason,
    createdAt: iso(v.createdAt)!,
  };
}

function allowedActions(r: EvaluationRow): EvaluationDetail['allowedActions'] {
  const flag = {
    workplace: r.asWorkplace,
    commune: r.asCommune,
    cell: r.asCell,
    front: r.asFront,
    member: r.asMember,
  };
  const out: EvaluationDetail['allowedActions'] = evaluationTransitions
    .filter((t) => flag[t.side] && canEvaluation(t.action, r.status))
    .filter((t) => !(t.action === 'front_sign' && r.frontSigned))
    .map((t) => t.action as EvaluationAction);
  if (r.asWorkplace && deliveredStatuses.includes(r.status) && r.proposal && r.proposal !== 'none')
    out.push('answer_proposal');
  return [...new Set(out)];
}

export async function getEvaluation(
  deps: EvaluationDeps,
  actor: Actor,
  id: string,
): Promise<EvaluationDetail> {
  const [r] = await loadRows(deps.db, actor, [id]);
  if (!r) throw new NotFound('evaluation_not_found');
  const today = vnDay(deps.clock.now());
  const underRevision = isUnderRevision(r);
  // while a disputed comment is revised, the member keeps reading the version released to them
  const released =
    !canSeeContent(r) && r.asMember && underRevision
      ? await lastReleasedVersion(deps.db, r.id, r.releasedAt)
      : null;
  const visible = canSeeContent(r) || released !== null;
  const version = visible ? await loadVersion(deps.db, r.id, released ?? r.version) : null;
  const open = evaluationFromStatuses('draft').includes(r.status);
  // the residence side drafts against the live record; a signed version carries its own
  const evidence =
    r.asCell || r.asFront || r.asCommune
      ? open
        ? await evidenceOf(deps.db, r.memberId, r.year)
        : (version?.evidence ?? null)
      : (version?.evidence ?? null);
  const selfReport =
    r.asMember || r.asCell || r.asFront || r.asCommune || r.asWorkplace
      ? await loadSelfReport(deps.db, r.memberId, r.year)
      : null;
  // the workplace keeps the versions it was delivered while the residence side revises (see getVersion)
  const versions = canSeeContent(r)
    ? await listVersions(deps.db, r.id)
    : r.asWorkplace || released !== null
      ? (await listVersions(deps.db, r.id)).filter(
          (v) => v.confirmedAt && (released === null || v.version <= released),
        )
      : [];
  const disputes =
    r.asMember || r.asWorkplace || r.asCommune || r.asCell ? await listDisputes(deps.db, r.id) : [];
  let classification: EvaluationDetail['classification'] = null;
  if (r.asWorkplace) {
    const score = await classificationScore(deps.db, r.memberId, r.year);
    if (score !== undefined) {
      const def = await getRuleSet(deps.db, r.ruleSetCode);
      classification = {
        score,
        level: classificationLevel(def, score)?.key ?? '',
        contradicts:
          visible && version ? contradictsResidence(def, score, r.formKind, version.ratings) : false,
      };
    }
  }
  return {
    ...toListItem(r, today),
    ruleSetCode: r.ruleSetCode,
    purposeNote: r.purposeNote,
    requestedByMember: r.requestedByMember,
    communeId: r.communeId,
    workplaceUnitId: r.workplaceUnitId,
    returnReason: r.returnReason,
    cancelReason: r.cancelReason,
    signedAt: iso(r.signedAt),
    confirmedAt: iso(r.confirmedAt),
    deliveredAt: iso(r.deliveredAt),
    releasedAt: iso(r.releasedAt),
    proposalAnswer: (r.proposalAnswer as EvaluationDetail['proposalAnswer']) ?? null,
    proposalAnswerNote: r.proposalAnswerNote,
    verificationCode: canSeeContent(r) ? r.verificationCode : null,
    form: version ? toContent(version) : null,
    underRevision,
    evidence,
    selfReport: selfReport && (selfReport.submittedAt || r.asMember) ? toSelfReport(selfReport) : null,
    versions: versions.map((v) => ({
      version: v.version,
      signedAt: iso(v.signedAt),
      confirmedAt: iso(v.confirmedAt),
      openedReason: v.openedReason,
    })),
    disputes: disputes.map((d) => ({ ...d, openedAt: iso(d.openedAt)!, closedAt: iso(d.closedAt) })),
    classification,
    allowedActions: allowedActions(r),
    sides: (
      [
        ['workplace', r.asWorkplace],
        ['commune', r.asCommune],
        ['cell', r.asCell],
        ['front', r.asFront],
        ['member', r.asMember],
      ] as const
    ).flatMap(([side, on]) => (on ? [side] : [])),
  };
}

export async function getVersion(
  deps: EvaluationDeps,
  actor: Actor,
  id: string,
  version: number,
): Promise<FormContent> {
  const [r] = await loadRows(deps.db, actor, [id]);
  if (!r) throw new NotFound('evaluation_not_found');
  const v = version <= r.version ? await loadVersion(deps.db, id, version) : null;
  // the workplace keeps every version it was delivered (a revision does not take the old one away), the
  // member every version released to them
  const releasedToMember =
    r.asMember &&
    v?.confirmedAt != null &&
    r.releasedAt != null &&
    new Date(v.confirmedAt) <= new Date(r.releasedAt);
  const visible = canSeeContent(r) || (r.asWorkplace && v?.confirmedAt != null) || releasedToMember;
  if (!visible) throw new NotFound('evaluation_not_found');
  if (!v) throw new NotFound('evaluation_version_not_found');
  return toContent(v);
}

/** One side's work list, keyset-paged in Vietnamese name order. */
export async function listEvaluations(deps: EvaluationDeps, actor: Actor, query: EvaluationListQuery) {
  const year = query.year ?? vnYear(deps.clock.now());
  const today = vnDay(deps.clock.now());
  const cursor = decodeCursor(query.cursor);
  const rows = await listEvaluationRows(deps.db, actor, {
    filters: evaluationScopeSql(actor, { ...query, year }),
    overdueBefore: query.overdue ? today : undefined,
    flagged: query.flagged,
    q: query.q,
    cursor,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toListItem(r, today)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.sortKey, id: last.id }) : null,
  };
}

export function toSelfReport(s: {
  year: number;
  duties: Record<string, string>;
  submittedAt: Date | null;
  updatedAt: Date | null;
}): SelfReport {
  return { year: s.year, duties: s.duties, submittedAt: iso(s.submittedAt), updatedAt: iso(s.updatedAt) };
}
