import { randomUUID } from 'node:crypto';
import { childPath } from '../ltree';
import { lowerFirstWord } from './names';
import type { orgUnits, residentialAreas, unitEvents } from '../schema';
import {
  BLOC,
  COMMUNES,
  OLD_DISTRICT,
  PROVINCE,
  REORGANISATION_DATE,
  WORKPLACES,
  type AreaSpec,
  type CommuneSpec,
  type WorkplaceSpec,
} from './demo-data';

export type UnitRow = typeof orgUnits.$inferInsert & {
  id: string;
  path: string;
  depth: number;
  validFrom: string;
};
export type AreaRow = typeof residentialAreas.$inferInsert & { id: string };
export type UnitEventRow = typeof unitEvents.$inferInsert;

export interface DemoArea {
  spec: AreaSpec;
  row: AreaRow;
  cell: UnitRow;
  commune: DemoCommune;
}
export interface DemoCommune {
  spec: CommuneSpec;
  unit: UnitRow;
  areas: DemoArea[];
}
export interface DemoWorkplace {
  spec: WorkplaceSpec;
  unit: UnitRow;
  cells: UnitRow[];
}

export interface DemoTree {
  province: UnitRow;
  bloc: UnitRow;
  communes: DemoCommune[];
  areas: DemoArea[];
  workplaces: DemoWorkplace[];
  /** every unit except residential cells (they reference areas, which reference communes) */
  upperUnits: UnitRow[];
  residentialCells: UnitRow[];
  events: UnitEventRow[];
}

type UnitFields = Omit<UnitRow, 'id' | 'path' | 'depth' | 'parentId'>;

function makeUnit(parent: UnitRow | null, fields: UnitFields): UnitRow {
  const id = randomUUID();
  return {
    ...fields,
    id,
    parentId: parent?.id ?? null,
    path: childPath(parent?.path ?? null, id),
    depth: parent ? parent.depth + 1 : 0,
  };
}

/** Workplace committees were founded long before the 2025 reorganisation; their cells too. */
const WORKPLACE_FOUNDED: Record<string, string> = {
  'NA-STC': '1976-02-01',
  'NA-PCNA': '1976-05-01',
  'NA-DHV': '1962-09-01',
  'NA-BVHN': '1975-12-01',
};

export function buildDemoTree(): DemoTree {
  const province = makeUnit(null, {
    code: PROVINCE.code,
    name: PROVINCE.name,
    type: 'province_committee',
    address: PROVINCE.address,
    phone: '02383844555',
    email: 'vanphong@tinhuy.nghean.gov.vn',
    validFrom: '1930-04-09',
  });
  const oldDistrict = makeUnit(province, {
    code: OLD_DISTRICT.code,
    name: OLD_DISTRICT.name,
    type: 'district_committee',
    status: 'dissolved',
    validFrom: OLD_DISTRICT.validFrom,
    validTo: OLD_DISTRICT.validTo,
  });
  const bloc = makeUnit(province, {
    code: BLOC.code,
    name: BLOC.name,
    type: 'bloc_committee',
    address: BLOC.address,
    validFrom: '2008-03-01',
  });

  const communes: DemoCommune[] = [];
  const areas: DemoArea[] = [];
  const residentialCells: UnitRow[] = [];
  for (const spec of COMMUNES) {
    const unit = makeUnit(province, {
      code: spec.code,
      name: spec.name,
      type: 'commune_committee',
      address: spec.address,
      validFrom: REORGANISATION_DATE,
    });
    const commune: DemoCommune = { spec, unit, areas: [] };
    for (const a of spec.areas) {
      const row: AreaRow = {
        id: randomUUID(),
        communeUnitId: unit.id,
        name: a.name,
        kind: a.kind,
        frontHeadName: a.frontHeadName,
        frontHeadPhone: a.frontHeadPhone,
      };
      // Residential cells predate the reorganisation; they moved under the new commune on 1 July 2025.
      const cell = makeUnit(unit, {
        code: `${spec.code}-${a.code}`,
        name: a.cellName,
        type: 'residential_cell',
        residentialAreaId: row.id,
        meetingPlace: a.meetingPlace,
        address: `${a.meetingPlace}, ${lowerFirstWord(spec.adminName)}, tỉnh Nghệ An`,
        validFrom: '1976-01-01',
      });
      const demoArea: DemoArea = { spec: a, row, cell, commune };
      commune.areas.push(demoArea);
      areas.push(demoArea);
      residentialCells.push(cell);
    }
    communes.push(commune);
  }

  const workplaces: DemoWorkplace[] = WORKPLACES.map((spec) => {
    const founded = WORKPLACE_FOUNDED[spec.code] ?? '1976-01-01';
    const unit = makeUnit(bloc, {
      code: spec.code,
      name: spec.name,
      type: 'workplace_committee',
      sector: spec.sector,
      address: spec.address,
      email: `dangu@${spec.emailDomain}`,
      validFrom: founded,
    });
    const cells = spec.cells.map((c) =>
      makeUnit(unit, {
        code: `${spec.code}-${c.code}`,
        name: c.name,
        type: 'workplace_cell',
        sector: spec.sector,
        meetingPlace: `Phòng họp, ${spec.address}`,
        validFrom: founded,
      }),
    );
    return { spec, unit, cells };
  });

  const upperUnits = [
    province,
    oldDistrict,
    bloc,
    ...communes.map((c) => c.unit),
    ...workplaces.flatMap((w) => [w.unit, ...w.cells]),
  ];
  const events: UnitEventRow[] = [...upperUnits, ...residentialCells].map((u) => ({
    unitId: u.id,
    kind: 'created' as const,
    effectiveDate: u.validFrom,
    toValue: u.name,
    note: u.type === 'commune_committee' ? 'Thành lập theo mô hình chính quyền địa phương hai cấp' : null,
  }));
  events.push({
    unitId: oldDistrict.id,
    kind: 'dissolved',
    effectiveDate: OLD_DISTRICT.validTo,
    fromValue: oldDistrict.name,
    note: 'Kết thúc hoạt động cấp huyện; các tổ chức đảng trực thuộc chuyển về các đảng bộ phường, xã mới.',
  });
  for (const c of communes) {
    for (const a of c.areas) {
      events.push({
        unitId: a.cell.id,
        kind: 'moved',
        effectiveDate: REORGANISATION_DATE,
        fromValue: c.spec.code === 'NA-HNGUYEN' ? 'Đảng bộ huyện Hưng Nguyên' : OLD_DISTRICT.name,
        toValue: c.unit.name,
        relatedUnitId: c.unit.id,
        note: 'Chuyển về trực thuộc đảng bộ cấp xã sau sắp xếp đơn vị hành chính',
      });
    }
  }
  return { province, bloc, communes, areas, workplaces, upperUnits, residentialCells, events };
}
