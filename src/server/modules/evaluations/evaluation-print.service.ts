import { residenceAddress } from '../../documents/address';
import { fileSafe } from '../../documents/file-name';
import { communePlace, withoutParty } from '../../documents/party-names';
import type { Executor } from '../../db/client';
import type { EvidenceMetric } from '../../../shared/rules/evaluation-rules';
import type { Actor } from '../../http/actor';
import { Invalid, NotFound } from '../../http/errors';
import { formatCode, verifyUrl } from '../verification/codes';
import {
  renderEvaluationDocx,
  renderEvaluationPdf,
  renderEvaluationsPdf,
  type EvaluationFormData,
} from './evaluation-document';
import { cellRows, printRows, type PrintRow } from './evaluation-print.repository';
import { loadRows, type EvaluationRow } from './evaluations.repository';
import { canSeeContent } from './evaluations.service';
import { vnYear } from '../../../shared/rules/vietnam-calendar';
import type { EvaluationDeps } from './requests.service';
import { getRuleSet } from '../rule-sets/rule-sets.service';

/**
 * Printing evaluation forms: the current version as the official paper (PDF, DOCX), one form or a
 * cell's forms for a year. Whoever may read a form's content may print it (the residence side always,
 * the workplace once delivered, the member once released); anyone else is told "not found".
 */

export const MAX_PRINT = 500;

export { communePlace };

async function toDocument(db: Executor, r: PrintRow, publicUrl: string): Promise<EvaluationFormData> {
  const def = await getRuleSet(db, r.ruleSetCode);
  const form = def.forms[r.formKind];
  const justified = (criterion: string) => (r.justifications[criterion]?.trim().length ?? 0) > 0;
  const commune = withoutParty(r.communeName);
  return {
    communeName: r.communeName,
    cellName: r.cellName,
    areaName: r.areaName,
    place: communePlace(r.communeName),
    title: form.title.vi,
    year: r.year,
    purpose:
      r.kind === 'on_demand' && r.purpose
        ? (def.onDemandPurposes.find((p) => p.key === r.purpose)?.label.vi ?? r.purpose)
        : null,
    basis: def.basis.vi,
    jointMeeting: { on: r.jointMeetingOn, participants: r.jointMeetingParticipants },
    member: {
      fullName: r.fullName,
      dateOfBirth: r.dateOfBirth,
      workplaceCellName: r.workplaceCellName,
      workplaceCommitteeName: r.workplaceCommitteeName,
      residenceAddress:
        [residenceAddress(r.street, r.residenceAreaName, commune), r.residenceProvince]
          .filter(Boolean)
          .join(', ') || null,
    },
    criteria: form.criteria.map((c) => ({
      label: c.label.vi,
      levels: c.levels.map((l) => ({ key: l.key, label: l.label.vi })),
      chosen: r.ratings[c.key] ?? null,
      justification: r.justifications[c.key] ?? null,
    })),
    otherComments: r.otherComments,
    // Only the justified flags reach the paper: they tell the workplace why a rating differs from the record.
    checks: r.flags
      .filter((f) => justified(f.criterion))
      .flatMap((f) => {
        const number = form.criteria.findIndex((c) => c.key === f.criterion) + 1;
        const rule = def.flags.find((x) => x.code === f.code);
        return number > 0 && rule
          ? [
              {
                criterion: number,
                label: rule.label.vi,
                metric: f.metric as EvidenceMetric,
                actual: f.actual,
                noMeetingHeld: r.meetingsHeld === 0,
              },
            ]
          : [];
      }),
    cellSigner: { name: r.signerName },
    // The Front head co-signs in the app, or by hand on paper: then the area's recorded head is pre-printed.
    frontSigner: { name: r.frontSignerName ?? r.frontHeadName, signedOn: r.frontSignedOn },
    signedOn: r.signedOn,
    confirmation: {
      position:
        r.confirmerPosition === 'secretary' || r.confirmerPosition === 'deputy_secretary'
          ? r.confirmerPosition
          : null,
      name: r.confirmerName,
      confirmedOn: r.confirmedOn,
    },
    verification: r.verificationCode
      ? { code: formatCode(r.verificationCode), url: verifyUrl(publicUrl, r.verificationCode) }
      : null,
  };
}

async function one(deps: EvaluationDeps, actor: Actor, id: string) {
  const [row] = await loadRows(deps.db, actor, [id]);
  if (!row || !canSeeContent(row)) throw new NotFound('evaluation_not_found');
  const [print] = await printRows(deps.db, [row.id]);
  if (!print) throw new NotFound('evaluation_not_found');
  const name = `phieu-nhan-xet-${row.year}-${fileSafe(row.fullName)}${print.verificationCode ? '' : '-du-thao'}`;
  return { data: await toDocument(deps.db, print, deps.publicUrl), name };
}

export async function evaluationPdf(deps: EvaluationDeps, actor: Actor, id: string) {
  const { data, name } = await one(deps, actor, id);
  return { body: await renderEvaluationPdf(data), fileName: `${name}.pdf` };
}

export async function evaluationDocx(deps: EvaluationDeps, actor: Actor, id: string) {
  const { data, name } = await one(deps, actor, id);
  return { body: await renderEvaluationDocx(data), fileName: `${name}.docx` };
}

const printsFor = (r: EvaluationRow) =>
  canSeeContent(r) && (r.asCell || r.asFront || r.asCommune || r.asWorkplace);

/** A cell's forms for a year in one PDF (Vietnamese name order), for the residence side or the workplace. */
export async function cellFormsPdf(
  deps: EvaluationDeps,
  actor: Actor,
  query: { cellId: string; year?: number },
) {
  const year = query.year ?? vnYear(deps.clock.now());
  // A residential cell has tens of working members; the hard limit only bounds a pathological query.
  const rows = await cellRows(deps.db, actor, { cellId: query.cellId, year, limit: MAX_PRINT * 10 + 1 });
  const printable = rows.filter(printsFor);
  if (printable.length === 0) throw new NotFound('evaluation_not_found');
  if (printable.length > MAX_PRINT || rows.length > MAX_PRINT * 10)
    throw new Invalid('evaluation_print_too_many', undefined, { max: MAX_PRINT });
  const byId = new Map(
    (
      await printRows(
        deps.db,
        printable.map((r) => r.id),
      )
    ).map((p) => [p.id, p]),
  );
  const forms = await Promise.all(printable.map((r) => toDocument(deps.db, byId.get(r.id)!, deps.publicUrl)));
  const cell = printable[0]!.cellName ?? 'chi-bo';
  return {
    body: await renderEvaluationsPdf(forms),
    fileName: `phieu-nhan-xet-${year}-${fileSafe(cell)}.pdf`,
  };
}
