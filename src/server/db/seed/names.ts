import type { Rng } from './random';

/**
 * Vietnamese personal names for generated data. Family names are weighted roughly by frequency
 * (Nguyễn about a third), with a few common in Nghệ An (Hồ, Thái, Đậu, Chu).
 * The scale generator in SQL uses the same lists.
 */
export const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 34],
  ['Trần', 11],
  ['Lê', 10],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Phan', 5],
  ['Vũ', 4],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 2],
  ['Hồ', 3],
  ['Ngô', 2],
  ['Dương', 1],
  ['Lý', 1],
  ['Thái', 2],
  ['Đậu', 2],
  ['Chu', 1],
  ['Cao', 1],
];

export const MIDDLE_NAMES = {
  male: ['Văn', 'Văn', 'Đức', 'Hữu', 'Minh', 'Quang', 'Công', 'Đình', 'Xuân', 'Trọng', 'Thanh', 'Ngọc'],
  female: ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thanh', 'Minh', 'Thu', 'Hồng', 'Phương', 'Kim'],
} as const;

export const GIVEN_NAMES = {
  male: [
    'An',
    'Bình',
    'Cường',
    'Dũng',
    'Đông',
    'Hải',
    'Hùng',
    'Nam',
    'Quân',
    'Sơn',
    'Tuấn',
    'Hiếu',
    'Khánh',
    'Long',
    'Minh',
    'Phúc',
    'Thắng',
    'Trung',
    'Việt',
    'Vinh',
    'Đức',
    'Hoàng',
    'Tùng',
    'Kiên',
  ],
  female: [
    'An',
    'Bình',
    'Hà',
    'Hạnh',
    'Lan',
    'Linh',
    'Mai',
    'Ngọc',
    'Phương',
    'Thảo',
    'Trang',
    'Yến',
    'Hương',
    'Huyền',
    'Nga',
    'Nhung',
    'Oanh',
    'Quỳnh',
    'Thủy',
    'Vân',
    'Hoa',
    'Hằng',
  ],
} as const;

export type Sex = 'male' | 'female';

const familyTotal = FAMILY_NAMES.reduce((s, [, w]) => s + w, 0);

export function pickFamilyName(rng: Rng): string {
  let r = rng.next() * familyTotal;
  for (const [name, weight] of FAMILY_NAMES) {
    r -= weight;
    if (r < 0) return name;
  }
  return FAMILY_NAMES[0]![0];
}

/** A plausible name; the middle name follows the sex ("Thị" only for women). */
export function randomPerson(rng: Rng): { fullName: string; sex: Sex } {
  const sex: Sex = rng.chance(0.45) ? 'female' : 'male';
  return {
    sex,
    fullName: `${pickFamilyName(rng)} ${rng.pick(MIDDLE_NAMES[sex])} ${rng.pick(GIVEN_NAMES[sex])}`,
  };
}

/** "Nguyễn Văn An" → "nguyenvanan", for generated e-mail addresses. */
export function asciiSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** "Thôn Phú Điền" → "thôn Phú Điền": a place name used mid-sentence keeps its proper-noun capitals. */
export function lowerFirstWord(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
