import { placeName, withoutParty } from '../../documents/party-names';
import { fileSafe } from '../../documents/file-name';
import { formatLetterNumber } from '../../../shared/rules/introduction-letter';
import type { Actor } from '../../http/actor';
import { Invalid, NotFound } from '../../http/errors';
import { letterReadScope } from './introductions.access';
import { printRows, type PrintRow, type PrintSelection } from './letter-print.repository';
import {
  renderLetterDocx,
  renderLetterPdf,
  renderLettersPdf,
  type LetterDocumentData,
} from './letter-document';
import { residenceAddress } from '../../documents/address';
import type { LetterDeps } from './letters.service';
import { formatCode, verifyUrl } from '../verification/codes';

/** Printing letters: the registry data as the official paper (PDF, DOCX), one or a whole batch. */

export const MAX_PRINT = 500;

/** The letters to print matching `where` that the actor may read (one more than the limit, to tell). */
function loadForPrint(deps: LetterDeps, actor: Actor, selection: PrintSelection): Promise<PrintRow[]> {
  return printRows(deps.db, letterReadScope(actor), selection, MAX_PRINT + 1);
}

export { placeName } from '../../documents/party-names';

function toDocument(r: PrintRow, publicUrl: string): LetterDocumentData {
  const registered = [r.registeredStreet, r.registeredArea, r.registeredCommune, r.registeredProvince]
    .filter(Boolean)
    .join(', ');
  const residence = [residenceAddress(r.street, r.areaName, withoutParty(r.communeName)), r.residenceProvince]
    .filter(Boolean)
    .join(', ');
  return {
    number: formatLetterNumber(r.number),
    superiorCommitteeName: r.superiorName,
    issuingCommitteeName: r.issuerName,
    place: placeName(r.provinceName),
    issuedOn: r.issuedOn,
    receivingCommuneName: r.communeName,
    receivingCellName: r.cellName,
    member: {
      fullName: r.fullName,
      sex: r.sex,
      dateOfBirth: r.dateOfBirth,
      dateAdmitted: r.dateAdmitted,
      dateOfficial: r.dateOfficial,
      workplaceCellName: r.workplaceCellName,
      jobTitle: r.jobTitle,
      residenceAddress: residence,
      registeredAddress: registered && registered !== residence ? registered : null,
    },
    exempt: r.exempt !== null ? { reason: r.exempt || null, from: null, to: null } : null,
    signer:
      r.signerName && (r.signerPosition === 'secretary' || r.signerPosition === 'deputy_secretary')
        ? { position: r.signerPosition, name: r.signerName }
        : null,
    verification: r.code ? { code: formatCode(r.code), url: verifyUrl(publicUrl, r.code) } : null,
    receipt: r.receivedOn ? { receivedOn: r.receivedOn, cellName: r.cellName, signerName: null } : null,
  };
}

async function one(
  deps: LetterDeps,
  actor: Actor,
  id: string,
): Promise<{ data: LetterDocumentData; name: string }> {
  const [row] = await loadForPrint(deps, actor, { id });
  if (!row) throw new NotFound();
  return { data: toDocument(row, deps.config.publicUrl), name: fileName(row) };
}

function fileName(r: PrintRow): string {
  return `giay-gioi-thieu-${r.number ?? 'du-thao'}-${fileSafe(r.fullName)}`;
}

export async function letterPdf(deps: LetterDeps, actor: Actor, id: string) {
  const { data, name } = await one(deps, actor, id);
  return { body: await renderLetterPdf(data), fileName: `${name}.pdf` };
}

export async function letterDocx(deps: LetterDeps, actor: Actor, id: string) {
  const { data, name } = await one(deps, actor, id);
  return { body: await renderLetterDocx(data), fileName: `${name}.docx` };
}

/** Several letters in one PDF (a batch, or a selection), grouped by receiving commune. */
export async function lettersPdf(
  deps: LetterDeps,
  actor: Actor,
  selection: { batchId: string } | { letterIds: string[] },
) {
  const rows = await loadForPrint(deps, actor, selection);
  if (rows.length === 0) throw new NotFound();
  if (rows.length > MAX_PRINT) throw new Invalid('letters_print_too_many', undefined, { max: MAX_PRINT });
  const body = await renderLettersPdf(rows.map((r) => toDocument(r, deps.config.publicUrl)));
  return { body, fileName: `giay-gioi-thieu-${rows.length}.pdf` };
}
