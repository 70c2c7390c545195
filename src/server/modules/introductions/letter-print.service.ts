import { placeName } from '../../documents/party-names';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { formatLetterNumber } from '../../../shared/rules/introduction-letter';
import type { Actor } from '../../http/actor';
import { Invalid, NotFound } from '../../http/errors';
import { letterReadScope } from './introductions.access';
import { renderLetterDocx, renderLetterPdf, renderLettersPdf, type LetterDocumentData } from './letter-document';
import { residenceAddress, type LetterDeps } from './letters.service';
import { sqlUuidArray } from './letters.repository';
import { formatCode, verifyUrl } from './verification';

/** Printing letters: the registry data as the official paper (PDF, DOCX), one or a whole batch. */

export const MAX_PRINT = 500;

interface PrintRow {
  id: string;
  number: number | null;
  status: string;
  superiorName: string | null;
  issuerName: string;
  provinceName: string | null;
  issuedOn: string | null;
  communeName: string;
  cellName: string | null;
  fullName: string;
  sex: 'male' | 'female';
  dateOfBirth: string;
  dateAdmitted: string | null;
  dateOfficial: string | null;
  workplaceCellName: string;
  jobTitle: string | null;
  street: string | null;
  areaName: string | null;
  residenceProvince: string | null;
  registeredStreet: string | null;
  registeredArea: string | null;
  registeredCommune: string | null;
  registeredProvince: string | null;
  exempt: string | null;
  signerName: string | null;
  signerPosition: string | null;
  code: string | null;
  receivedOn: string | null;
}

async function loadForPrint(deps: LetterDeps, actor: Actor, where: SQL): Promise<PrintRow[]> {
  return queryRows<PrintRow>(
    deps.db,
    sql`select l.id, l.number, l.status, sup.name as "superiorName", iu.name as "issuerName", prov.name as "provinceName",
          to_char(l.issued_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as "issuedOn", rc.name as "communeName", cell.name as "cellName",
          m.full_name as "fullName", m.sex, m.date_of_birth::text as "dateOfBirth", m.date_admitted::text as "dateAdmitted",
          m.date_official::text as "dateOfficial", wc.name as "workplaceCellName", m.job_title as "jobTitle",
          l.residence_street as street, a.name as "areaName", m.residence_province as "residenceProvince",
          m.registered_street as "registeredStreet", m.registered_area as "registeredArea", m.registered_commune as "registeredCommune",
          m.registered_province as "registeredProvince", l.exempt, l.signer_name as "signerName", l.signer_position as "signerPosition",
          l.verification_code as code, to_char(l.received_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as "receivedOn"
        from introduction_letters l
        join members m on m.id = l.member_id
        join org_units iu on iu.id = l.issuing_unit_id
        left join org_units sup on sup.id = iu.parent_id
        left join lateral (select p.name from org_units p where p.path @> iu.path and p.type = 'province_committee' order by p.depth limit 1) prov on true
        join org_units rc on rc.id = l.receiving_commune_id
        left join org_units cell on cell.id = l.residence_cell_id
        join org_units wc on wc.id = m.cell_id
        left join residential_areas a on a.id = l.residence_area_id
        where ${where} and ${letterReadScope(actor)}
        order by rc.name, m.sort_key collate "C", l.id
        limit ${MAX_PRINT + 1}`,
  );
}

export { placeName } from '../../documents/party-names';

function toDocument(r: PrintRow, publicUrl: string): LetterDocumentData {
  const registered = [r.registeredStreet, r.registeredArea, r.registeredCommune, r.registeredProvince].filter(Boolean).join(', ');
  const residence = [residenceAddress(r.street, r.areaName, r.communeName.replace(/^Đảng (ủy|bộ)\s+/i, '')), r.residenceProvince].filter(Boolean).join(', ');
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

async function one(deps: LetterDeps, actor: Actor, id: string): Promise<{ data: LetterDocumentData; name: string }> {
  const [row] = await loadForPrint(deps, actor, sql`l.id = ${id}`);
  if (!row) throw new NotFound();
  return { data: toDocument(row, deps.config.publicUrl), name: fileName(row) };
}

function fileName(r: PrintRow): string {
  const who = r.fullName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9]+/g, '-');
  return `giay-gioi-thieu-${r.number ?? 'du-thao'}-${who}`;
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
export async function lettersPdf(deps: LetterDeps, actor: Actor, selection: { batchId: string } | { letterIds: string[] }) {
  const where = 'batchId' in selection ? sql`l.batch_id = ${selection.batchId}` : sql`l.id = any(${sqlUuidArray(selection.letterIds)})`;
  const rows = await loadForPrint(deps, actor, where);
  if (rows.length === 0) throw new NotFound();
  if (rows.length > MAX_PRINT) throw new Invalid('letters_print_too_many', undefined, { max: MAX_PRINT });
  const body = await renderLettersPdf(rows.map((r) => toDocument(r, deps.config.publicUrl)));
  return { body, fileName: `giay-gioi-thieu-${rows.length}.pdf` };
}
