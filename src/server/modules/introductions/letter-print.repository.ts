import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { vnDateOf } from '../../db/vietnam-calendar-sql';
import { sqlUuidArray } from './letters.repository';

/** The query behind the printed introduction letters (letter-print.service.ts). */

export interface PrintRow {
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

/** One letter, a batch's letters, or letters picked by id. */
export type PrintSelection = { id: string } | { batchId: string } | { letterIds: string[] };

function selected(s: PrintSelection): SQL {
  if ('id' in s) return sql`l.id = ${s.id}`;
  return 'batchId' in s ? sql`l.batch_id = ${s.batchId}` : sql`l.id = any(${sqlUuidArray(s.letterIds)})`;
}

/** The letters selected within `scope` (the actor's reach), in print order: by receiving commune, then name. */
export function printRows(
  db: Executor,
  scope: SQL,
  selection: PrintSelection,
  limit: number,
): Promise<PrintRow[]> {
  return queryRows<PrintRow>(
    db,
    sql`select l.id, l.number, l.status, sup.name as "superiorName", iu.name as "issuerName", prov.name as "provinceName",
          to_char(${vnDateOf(sql`l.issued_at`)}, 'YYYY-MM-DD') as "issuedOn", rc.name as "communeName", cell.name as "cellName",
          m.full_name as "fullName", m.sex, m.date_of_birth::text as "dateOfBirth", m.date_admitted::text as "dateAdmitted",
          m.date_official::text as "dateOfficial", wc.name as "workplaceCellName", m.job_title as "jobTitle",
          l.residence_street as street, a.name as "areaName", m.residence_province as "residenceProvince",
          m.registered_street as "registeredStreet", m.registered_area as "registeredArea", m.registered_commune as "registeredCommune",
          m.registered_province as "registeredProvince", l.exempt, l.signer_name as "signerName", l.signer_position as "signerPosition",
          l.verification_code as code, to_char(${vnDateOf(sql`l.received_at`)}, 'YYYY-MM-DD') as "receivedOn"
        from introduction_letters l
        join members m on m.id = l.member_id
        join org_units iu on iu.id = l.issuing_unit_id
        left join org_units sup on sup.id = iu.parent_id
        left join lateral (select p.name from org_units p where p.path @> iu.path and p.type = 'province_committee' order by p.depth limit 1) prov on true
        join org_units rc on rc.id = l.receiving_commune_id
        left join org_units cell on cell.id = l.residence_cell_id
        join org_units wc on wc.id = m.cell_id
        left join residential_areas a on a.id = l.residence_area_id
        where ${selected(selection)} and ${scope}
        order by rc.name, m.sort_key collate "C", l.id
        limit ${limit}`,
  );
}
