/**
 * The 34 provinces and centrally-run cities after 1 July 2025, with their number of communes, wards and
 * special zones (3,321 in all) and the citizen-ID province code of the name they kept. Cities first, in the
 * order the issue lists them, so `--provinces 1` is Hà Nội.
 */
export type Region = 'north' | 'mountain' | 'central' | 'south';

export interface ProvinceSpec {
  /** 1-based position in the list: the unit codes (`N01`), card numbers and codes derive from it */
  index: number;
  name: string;
  city: boolean;
  communes: number;
  /** first three digits of a citizen ID (CCCD) issued there */
  idCode: string;
  region: Region;
}

const LIST: readonly (readonly [string, boolean, number, string, Region])[] = [
  ['Hà Nội', true, 126, '001', 'north'],
  ['Hồ Chí Minh', true, 168, '079', 'south'],
  ['Hải Phòng', true, 114, '031', 'north'],
  ['Đà Nẵng', true, 94, '048', 'central'],
  ['Cần Thơ', true, 103, '092', 'south'],
  ['Huế', true, 40, '046', 'central'],
  ['Nghệ An', false, 130, '040', 'central'],
  ['Thanh Hóa', false, 166, '038', 'central'],
  ['Hà Tĩnh', false, 69, '042', 'central'],
  ['Quảng Trị', false, 78, '045', 'central'],
  ['Quảng Ngãi', false, 96, '051', 'central'],
  ['Gia Lai', false, 135, '064', 'central'],
  ['Khánh Hòa', false, 65, '056', 'central'],
  ['Đắk Lắk', false, 102, '066', 'central'],
  ['Lâm Đồng', false, 124, '068', 'central'],
  ['Quảng Ninh', false, 54, '022', 'north'],
  ['Lạng Sơn', false, 65, '020', 'mountain'],
  ['Cao Bằng', false, 56, '004', 'mountain'],
  ['Tuyên Quang', false, 124, '008', 'mountain'],
  ['Lào Cai', false, 99, '010', 'mountain'],
  ['Lai Châu', false, 38, '012', 'mountain'],
  ['Điện Biên', false, 45, '011', 'mountain'],
  ['Sơn La', false, 75, '014', 'mountain'],
  ['Thái Nguyên', false, 92, '019', 'north'],
  ['Phú Thọ', false, 148, '025', 'north'],
  ['Bắc Ninh', false, 99, '024', 'north'],
  ['Hưng Yên', false, 104, '033', 'north'],
  ['Ninh Bình', false, 129, '037', 'north'],
  ['Đồng Nai', false, 95, '075', 'south'],
  ['Tây Ninh', false, 96, '072', 'south'],
  ['Vĩnh Long', false, 124, '086', 'south'],
  ['Đồng Tháp', false, 102, '087', 'south'],
  ['An Giang', false, 102, '089', 'south'],
  ['Cà Mau', false, 64, '096', 'south'],
];

export const PROVINCES: readonly ProvinceSpec[] = LIST.map(([name, city, communes, idCode, region], i) => ({
  index: i + 1,
  name,
  city,
  communes,
  idCode,
  region,
}));

/** Country-wide averages per commune of the full size (issue: ~100,000 cells, ~50,000 workplaces, ~2.5 M / ~5.6 M members). */
export const PER_COMMUNE = {
  areas: 30,
  workplaces: 50_000 / 3_321,
  working: 2_500_000 / 3_321,
  others: 3_100_000 / 3_321,
} as const;

export interface ProvincePlan {
  spec: ProvinceSpec;
  /** unit code of the province root, e.g. `N01`; every unit of the province starts with it */
  code: string;
  /** `TP. Hà Nội`, `tỉnh Nghệ An` as written in addresses */
  displayName: string;
  /** root unit name, e.g. `Đảng bộ thành phố Hà Nội` */
  unitName: string;
  communes: number;
  /** residential areas (one residential cell each) */
  areas: number;
  workplaces: number;
  working: number;
  others: number;
  /** share of communes that are wards (phường) */
  wardShare: number;
}

/** The counts of one province at `fraction` of the full size (every count scales; at least a minimal tree). */
export function planProvince(spec: ProvinceSpec, fraction: number): ProvincePlan {
  const c = spec.communes * fraction;
  const communes = Math.max(1, Math.round(c));
  const working = Math.max(20, Math.round(c * PER_COMMUNE.working));
  return {
    spec,
    code: `N${String(spec.index).padStart(2, '0')}`,
    displayName: spec.city ? `TP. ${spec.name}` : `tỉnh ${spec.name}`,
    unitName:
      spec.name === 'Hồ Chí Minh'
        ? 'Đảng bộ Thành phố Hồ Chí Minh'
        : `Đảng bộ ${spec.city ? 'thành phố' : 'tỉnh'} ${spec.name}`,
    communes,
    areas: Math.max(communes * 2, Math.round(c * PER_COMMUNE.areas)),
    workplaces: Math.max(2, Math.round(c * PER_COMMUNE.workplaces)),
    working,
    others: Math.max(20, Math.round(c * PER_COMMUNE.others)),
    wardShare: spec.city ? 0.45 : 0.15,
  };
}

export interface NationalSize {
  /** only the first N provinces of the list (default all 34) */
  provinces?: number;
  /** 0 < F ≤ 1: every per-province count scaled (default 1) */
  fraction?: number;
}

export function planCountry(size: NationalSize = {}): ProvincePlan[] {
  const n = size.provinces ?? PROVINCES.length;
  const fraction = size.fraction ?? 1;
  if (!Number.isInteger(n) || n < 1 || n > PROVINCES.length)
    throw new Error(`provinces must be a whole number from 1 to ${PROVINCES.length} (got ${n})`);
  if (!(fraction > 0 && fraction <= 1)) throw new Error(`fraction must be > 0 and ≤ 1 (got ${fraction})`);
  return PROVINCES.slice(0, n).map((p) => planProvince(p, fraction));
}

/** Members the plan would create, to refuse sizes PGlite cannot hold. */
export function plannedMembers(plans: readonly ProvincePlan[]): number {
  return plans.reduce((s, p) => s + p.working + p.others, 0);
}
