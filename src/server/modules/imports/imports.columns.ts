import { foldVietnamese } from '../../../shared/rules/vietnamese-name';

/**
 * The columns of the member import file, shared by the template, the parser and the export.
 * `key` is the field the column feeds; the header is what a person sees (Vietnamese, as on paper forms).
 */
export interface ImportColumn {
  key: ImportKey;
  header: string;
  required?: boolean;
  kind?: 'date' | 'text';
  width: number;
  example: string;
  /** maximum length of free text */
  max?: number;
  help: string;
}

export type ImportKey =
  | 'fullName'
  | 'sex'
  | 'dateOfBirth'
  | 'cardNumber'
  | 'citizenId'
  | 'phone'
  | 'email'
  | 'dateAdmitted'
  | 'dateOfficial'
  | 'cellCode'
  | 'jobTitle'
  | 'registeredProvince'
  | 'registeredCommune'
  | 'registeredArea'
  | 'registeredStreet'
  | 'residenceProvince'
  | 'residenceCommuneCode'
  | 'residenceAreaName'
  | 'residenceStreet'
  | 'category'
  | 'categoryReason'
  | 'exemptFrom'
  | 'exemptTo';

export const SEX_LABELS = { male: 'Nam', female: 'Nữ' } as const;
export const CATEGORY_LABELS = {
  active: 'Đang sinh hoạt',
  exempt: 'Miễn sinh hoạt',
  not_introduced: 'Chưa giới thiệu',
} as const;
export const STATUS_LABELS = {
  active: 'Đang sinh hoạt Đảng',
  transferred: 'Đã chuyển sinh hoạt',
  expelled: 'Bị khai trừ',
  removed: 'Bị xóa tên',
  left: 'Ra khỏi Đảng',
  deceased: 'Từ trần',
} as const;

const DATE_HELP = 'Ngày theo dạng dd/mm/yyyy (ví dụ 05/09/1985); cũng nhận yyyy-mm-dd hoặc ô ngày của Excel.';

export const IMPORT_COLUMNS: ImportColumn[] = [
  {
    key: 'fullName',
    header: 'Họ và tên',
    required: true,
    width: 26,
    example: 'Nguyễn Văn An',
    max: 120,
    help: 'Họ, tên đệm và tên, có dấu (3–120 ký tự).',
  },
  { key: 'sex', header: 'Giới tính', required: true, width: 10, example: 'Nam', help: 'Nam hoặc Nữ.' },
  {
    key: 'dateOfBirth',
    header: 'Ngày sinh',
    required: true,
    kind: 'date',
    width: 13,
    example: '20/05/1985',
    help: DATE_HELP,
  },
  {
    key: 'cardNumber',
    header: 'Số thẻ đảng',
    required: true,
    kind: 'text',
    width: 15,
    example: '12345678',
    help: 'Từ 6 đến 12 chữ số. Dùng để nhận ra đảng viên đã có: nhập lại cùng số thẻ sẽ cập nhật, không tạo mới.',
  },
  {
    key: 'citizenId',
    header: 'Số CCCD',
    kind: 'text',
    width: 15,
    example: '001085012345',
    help: '12 chữ số (để ô dạng văn bản để giữ số 0 đầu).',
  },
  {
    key: 'phone',
    header: 'Điện thoại',
    kind: 'text',
    width: 14,
    example: '0912345678',
    help: 'Số điện thoại Việt Nam, ví dụ 0912345678 hoặc +84912345678.',
  },
  {
    key: 'email',
    header: 'Email',
    width: 24,
    example: 'nguyenvanan@example.vn',
    help: 'Địa chỉ email (không bắt buộc).',
  },
  {
    key: 'dateAdmitted',
    header: 'Ngày vào Đảng',
    kind: 'date',
    width: 14,
    example: '03/02/2010',
    help: DATE_HELP,
  },
  {
    key: 'dateOfficial',
    header: 'Ngày chính thức',
    kind: 'date',
    width: 14,
    example: '03/02/2011',
    help: DATE_HELP + ' Phải sau ngày vào Đảng.',
  },
  {
    key: 'cellCode',
    header: 'Mã chi bộ',
    required: true,
    width: 14,
    example: 'CB-PHONG-KT',
    help: 'Mã của chi bộ nơi đảng viên sinh hoạt (chi bộ cơ quan hoặc chi bộ khu dân cư), xem trong mục Tổ chức. Phải là chi bộ do đồng chí quản lý.',
  },
  {
    key: 'jobTitle',
    header: 'Chức vụ',
    width: 20,
    example: 'Trưởng phòng',
    max: 200,
    help: 'Chức vụ, nơi công tác (không bắt buộc).',
  },
  {
    key: 'registeredProvince',
    header: 'Thường trú: Tỉnh/TP',
    width: 16,
    example: 'Nghệ An',
    max: 100,
    help: 'Địa chỉ thường trú: tỉnh/thành phố.',
  },
  {
    key: 'registeredCommune',
    header: 'Thường trú: Xã/Phường',
    width: 18,
    example: 'Phường Trường Vinh',
    max: 100,
    help: 'Địa chỉ thường trú: xã/phường.',
  },
  {
    key: 'registeredArea',
    header: 'Thường trú: Thôn/Tổ',
    width: 16,
    example: 'Khối 5',
    max: 100,
    help: 'Địa chỉ thường trú: thôn, xóm, tổ dân phố, khối.',
  },
  {
    key: 'registeredStreet',
    header: 'Thường trú: Số nhà, đường',
    width: 24,
    example: '12 Lê Lợi',
    max: 200,
    help: 'Địa chỉ thường trú: số nhà, đường.',
  },
  {
    key: 'residenceProvince',
    header: 'Nơi ở: Tỉnh/TP',
    width: 16,
    example: 'Nghệ An',
    max: 100,
    help: 'Nơi ở hiện nay: tỉnh/thành phố.',
  },
  {
    key: 'residenceCommuneCode',
    header: 'Nơi ở: Mã xã/phường',
    width: 18,
    example: 'P-TRUONGVINH',
    help: 'Mã đảng bộ xã/phường nơi đảng viên đang ở (xem trong mục Tổ chức).',
  },
  {
    key: 'residenceAreaName',
    header: 'Nơi ở: Thôn/Tổ dân phố',
    width: 20,
    example: 'Khối 5',
    help: 'Tên thôn/tổ dân phố/khối thuộc xã/phường trên, đúng như trong danh mục (không phân biệt hoa thường, dấu).',
  },
  {
    key: 'residenceStreet',
    header: 'Nơi ở: Số nhà, đường',
    width: 24,
    example: '12 Lê Lợi',
    max: 200,
    help: 'Nơi ở hiện nay: số nhà, đường.',
  },
  {
    key: 'category',
    header: 'Phân loại',
    width: 16,
    example: 'Đang sinh hoạt',
    help: 'Một trong: Đang sinh hoạt, Miễn sinh hoạt, Chưa giới thiệu. Để trống là Đang sinh hoạt.',
  },
  {
    key: 'categoryReason',
    header: 'Lý do',
    width: 24,
    example: '',
    max: 500,
    help: 'Bắt buộc khi Miễn sinh hoạt hoặc Chưa giới thiệu (Hướng dẫn 33-HD/BTCTW).',
  },
  {
    key: 'exemptFrom',
    header: 'Miễn từ ngày',
    kind: 'date',
    width: 13,
    example: '',
    help: DATE_HELP + ' Bắt buộc khi Miễn sinh hoạt.',
  },
  {
    key: 'exemptTo',
    header: 'Miễn đến ngày',
    kind: 'date',
    width: 13,
    example: '',
    help: DATE_HELP + ' Không bắt buộc; phải sau ngày bắt đầu.',
  },
];

export const REQUIRED_KEYS = IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.key);
export const COLUMN_BY_KEY = new Map(IMPORT_COLUMNS.map((c) => [c.key, c]));

/** Tolerant header form: trimmed, unaccented, lower case, no trailing '*', single spaces, no spaces around punctuation. */
export function normaliseHeader(header: string): string {
  return foldVietnamese(header.replace(/\*+\s*$/, ''))
    .replace(/\s*([:,/()])\s*/g, '$1')
    .trim();
}

const HEADER_TO_KEY = new Map(IMPORT_COLUMNS.map((c) => [normaliseHeader(c.header), c.key]));

export function keyForHeader(header: string): ImportKey | undefined {
  return HEADER_TO_KEY.get(normaliseHeader(header));
}

/** Excel sheet names. */
export const DATA_SHEET = 'Đảng viên';
export const GUIDE_SHEET = 'Hướng dẫn';
