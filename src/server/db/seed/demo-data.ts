/**
 * The demo province: Nghệ An after the 1 July 2025 reorganisation (no districts; communes and wards
 * directly under the province). Names of communes and areas are real places; people are invented.
 */
export interface AreaSpec {
  code: string;
  name: string;
  kind: 'block' | 'hamlet' | 'village';
  cellName: string;
  meetingPlace: string;
  frontHeadName: string;
  frontHeadPhone: string;
}

export interface CommuneSpec {
  code: string;
  /** Party committee name */
  name: string;
  /** administrative name, as written in addresses */
  adminName: string;
  address: string;
  /** streets for house addresses; empty for rural communes (addresses are by hamlet) */
  streets: string[];
  areas: AreaSpec[];
}

export interface WorkplaceSpec {
  code: string;
  name: string;
  sector: 'agency' | 'enterprise' | 'public_service';
  address: string;
  emailDomain: string;
  jobTitles: string[];
  cells: { code: string; name: string }[];
}

export const PROVINCE = {
  code: 'NA',
  name: 'Đảng bộ tỉnh Nghệ An',
  adminName: 'Nghệ An',
  address: 'Số 5, đường Phan Đăng Lưu, phường Thành Vinh, tỉnh Nghệ An',
} as const;

export const BLOC = {
  code: 'NA-KCQDN',
  name: 'Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh',
  address: 'Số 14, đường Trường Thi, phường Thành Vinh, tỉnh Nghệ An',
} as const;

/** The city committee abolished with the district level; kept to show unit history. */
export const OLD_DISTRICT = {
  code: 'NA-VINH-2025',
  name: 'Đảng bộ thành phố Vinh',
  validFrom: '1963-10-10',
  validTo: '2025-06-30',
} as const;

/** The date the two-level local government took effect. */
export const REORGANISATION_DATE = '2025-07-01';

const area = (
  code: string,
  kind: AreaSpec['kind'],
  place: string,
  frontHeadName: string,
  frontHeadPhone: string,
): AreaSpec => {
  const word = { block: 'khối', hamlet: 'xóm', village: 'thôn' }[kind];
  const title = { block: 'Khối', hamlet: 'Xóm', village: 'Thôn' }[kind];
  return {
    code,
    name: `${title} ${place}`,
    kind,
    cellName: `Chi bộ ${word} ${place}`,
    meetingPlace: `Nhà văn hóa ${word} ${place}`,
    frontHeadName,
    frontHeadPhone,
  };
};

/** Front working committee head of the demo cell's area; also the `front.head` demo account. */
export const DEMO_FRONT_HEAD = { name: 'Phạm Thị Lan', phone: '0915213005' } as const;

export const COMMUNES: CommuneSpec[] = [
  {
    code: 'NA-TVINH',
    name: 'Đảng bộ phường Thành Vinh',
    adminName: 'Phường Thành Vinh',
    address: 'Số 2, đường Lê Hồng Phong, phường Thành Vinh, tỉnh Nghệ An',
    streets: ['Lê Hồng Phong', 'Trường Thi', 'Nguyễn Du', 'Lê Lợi', 'Quang Trung', 'Phan Đăng Lưu'],
    areas: [
      // The demo cell: commune.officer, cell.secretary, front.head and member all meet here.
      area('K5', 'block', '5', DEMO_FRONT_HEAD.name, DEMO_FRONT_HEAD.phone),
      area('KTP', 'block', 'Tân Phúc', 'Nguyễn Văn Thắng', '0915213011'),
      area('KYG', 'block', 'Yên Giang', 'Trần Thị Hương', '0915213012'),
    ],
  },
  {
    code: 'NA-TRVINH',
    name: 'Đảng bộ phường Trường Vinh',
    adminName: 'Phường Trường Vinh',
    address: 'Số 1, đường Nguyễn Văn Cừ, phường Trường Vinh, tỉnh Nghệ An',
    streets: ['Nguyễn Văn Cừ', 'Hồ Tùng Mậu', 'Lê Duẩn', 'Trần Phú', 'Hồng Bàng'],
    areas: [
      area('K3', 'block', '3', 'Lê Văn Hùng', '0915213021'),
      area('KTT', 'block', 'Trung Thuận', 'Hồ Thị Mai', '0915213022'),
      area('KXN', 'block', 'Xuân Nam', 'Đậu Quang Vinh', '0915213023'),
    ],
  },
  {
    code: 'NA-VHUNG',
    name: 'Đảng bộ phường Vinh Hưng',
    adminName: 'Phường Vinh Hưng',
    address: 'Số 8, đường Nguyễn Sỹ Sách, phường Vinh Hưng, tỉnh Nghệ An',
    streets: ['Nguyễn Sỹ Sách', 'Hà Huy Tập', 'Phong Định Cảng', 'Lý Thường Kiệt'],
    areas: [
      area('K7', 'block', '7', 'Phan Đức Tuấn', '0915213031'),
      area('KVQ', 'block', 'Vinh Quang', 'Bùi Thị Thủy', '0915213032'),
    ],
  },
  {
    code: 'NA-HNGUYEN',
    name: 'Đảng bộ xã Hưng Nguyên',
    adminName: 'Xã Hưng Nguyên',
    address: 'Xóm 6, xã Hưng Nguyên, tỉnh Nghệ An',
    streets: [],
    areas: [
      area('X3', 'hamlet', '3', 'Thái Văn Cường', '0915213041'),
      area('TPD', 'village', 'Phú Điền', 'Chu Thị Nga', '0915213042'),
    ],
  },
];

export const WORKPLACES: WorkplaceSpec[] = [
  {
    code: 'NA-STC',
    name: 'Đảng bộ Sở Tài chính',
    sector: 'agency',
    address: 'Số 3, đường Trường Thi, phường Thành Vinh, tỉnh Nghệ An',
    emailDomain: 'taichinh.nghean.gov.vn',
    jobTitles: [
      'Chuyên viên',
      'Chuyên viên',
      'Chuyên viên chính',
      'Phó Trưởng phòng',
      'Trưởng phòng',
      'Kế toán viên',
    ],
    cells: [
      { code: '01', name: 'Chi bộ Văn phòng Sở' },
      { code: '02', name: 'Chi bộ Phòng Quản lý ngân sách' },
      { code: '03', name: 'Chi bộ Phòng Tài chính doanh nghiệp' },
    ],
  },
  {
    // workplace.officer and the demo member Nguyễn Văn An
    code: 'NA-PCNA',
    name: 'Đảng bộ Công ty Điện lực Nghệ An',
    sector: 'enterprise',
    address: 'Số 62, đường Nguyễn Thị Minh Khai, phường Thành Vinh, tỉnh Nghệ An',
    emailDomain: 'pcnghean.vn',
    jobTitles: [
      'Kỹ sư',
      'Kỹ sư',
      'Kỹ thuật viên',
      'Kế toán viên',
      'Trưởng phòng',
      'Công nhân quản lý vận hành',
    ],
    cells: [
      { code: '01', name: 'Chi bộ Phòng Kế toán' },
      { code: '02', name: 'Chi bộ Phòng Kỹ thuật' },
      { code: '03', name: 'Chi bộ Phòng Kinh doanh' },
      { code: '04', name: 'Chi bộ Điện lực Thành Vinh' },
    ],
  },
  {
    code: 'NA-DHV',
    name: 'Đảng bộ Trường Đại học Vinh',
    sector: 'public_service',
    address: 'Số 182, đường Lê Duẩn, phường Trường Vinh, tỉnh Nghệ An',
    emailDomain: 'vinhuni.edu.vn',
    jobTitles: ['Giảng viên', 'Giảng viên', 'Giảng viên chính', 'Phó Giáo sư', 'Trưởng khoa', 'Chuyên viên'],
    cells: [
      { code: '01', name: 'Chi bộ Khoa Toán học' },
      { code: '02', name: 'Chi bộ Khoa Ngữ văn' },
      { code: '03', name: 'Chi bộ Phòng Đào tạo' },
    ],
  },
  {
    code: 'NA-BVHN',
    name: 'Đảng bộ Bệnh viện Hữu nghị Đa khoa Nghệ An',
    sector: 'public_service',
    address: 'Km5, Đại lộ Lê Nin, phường Vinh Hưng, tỉnh Nghệ An',
    emailDomain: 'bvhnnghean.vn',
    jobTitles: ['Bác sĩ', 'Bác sĩ', 'Bác sĩ chuyên khoa II', 'Điều dưỡng', 'Trưởng khoa', 'Dược sĩ'],
    cells: [
      { code: '01', name: 'Chi bộ Khoa Nội' },
      { code: '02', name: 'Chi bộ Khoa Ngoại' },
      { code: '03', name: 'Chi bộ Khoa Hồi sức tích cực' },
    ],
  },
];

/** Registered (permanent) addresses elsewhere, for members who live away from home (Pain point: "living away"). */
export const AWAY_ADDRESSES: { province: string; commune: string; area: string }[] = [
  { province: 'Nghệ An', commune: 'Xã Diễn Châu', area: 'Xóm 4' },
  { province: 'Nghệ An', commune: 'Phường Hoàng Mai', area: 'Khối Tân Mai' },
  { province: 'Nghệ An', commune: 'Xã Đô Lương', area: 'Xóm 8' },
  { province: 'Nghệ An', commune: 'Xã Yên Thành', area: 'Xóm Trung Tâm' },
  { province: 'Nghệ An', commune: 'Phường Thái Hòa', area: 'Khối 12' },
  { province: 'Hà Tĩnh', commune: 'Phường Thành Sen', area: 'Tổ dân phố 6' },
  { province: 'Hà Tĩnh', commune: 'Xã Thạch Hà', area: 'Thôn Bắc Sơn' },
];

export const EXEMPT_REASONS = [
  'Thường xuyên đi công tác xa',
  'Học tập tập trung dài hạn từ 12 tháng trở lên',
  'Làm việc lưu động tại công trình',
  'Luân chuyển công tác, ở nhà công vụ',
];

export const NOT_INTRODUCED_REASONS = [
  'Biệt phái làm nhiệm vụ đặc biệt theo yêu cầu của cơ quan',
  'Đang làm nhiệm vụ bảo đảm an ninh năng lượng, thường trực tại công trường',
];

export const NON_WORKING_JOBS = ['Hưu trí', 'Kinh doanh tự do', 'Lao động tự do', 'Nông dân', 'Nội trợ'];

export const DEMO_PASSWORD = 'Demo@2026';
/** The demo's admins and committee officers share this TOTP secret (Base32; development only, see README). */
export const DEMO_TOTP_SECRET = 'RESIDENCELINKDEMOSECRETFORTOTPXX';
export const DEMO_MEMBER_NAME = 'Nguyễn Văn An';
