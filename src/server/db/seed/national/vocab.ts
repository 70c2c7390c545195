/**
 * Words the national generator puts together into names and texts (Vietnamese, as users write them).
 * Personal names come from ../names.ts.
 */

/** Two syllables make a place name (commune, village, company); 44 × 32 combinations. */
export const PLACE_FIRST = [
  'An',
  'Bình',
  'Cẩm',
  'Diễn',
  'Đông',
  'Đức',
  'Gia',
  'Hà',
  'Hải',
  'Hòa',
  'Hoằng',
  'Hồng',
  'Hưng',
  'Hương',
  'Kim',
  'Lạc',
  'Long',
  'Minh',
  'Mỹ',
  'Nam',
  'Nghĩa',
  'Ngọc',
  'Nhân',
  'Phú',
  'Phúc',
  'Quảng',
  'Quang',
  'Quế',
  'Tân',
  'Thạch',
  'Thanh',
  'Thái',
  'Thiệu',
  'Thịnh',
  'Thọ',
  'Thuận',
  'Tiên',
  'Trung',
  'Tường',
  'Vân',
  'Việt',
  'Vĩnh',
  'Xuân',
  'Yên',
];
export const PLACE_SECOND = [
  'An',
  'Bình',
  'Châu',
  'Dương',
  'Điền',
  'Định',
  'Đoài',
  'Giang',
  'Hòa',
  'Hợp',
  'Hưng',
  'Khánh',
  'Lâm',
  'Lập',
  'Lộc',
  'Lợi',
  'Mỹ',
  'Nghĩa',
  'Ninh',
  'Phong',
  'Phú',
  'Phước',
  'Sơn',
  'Tân',
  'Thành',
  'Thắng',
  'Thịnh',
  'Thủy',
  'Tiến',
  'Trung',
  'Vinh',
  'Xuân',
];
/** Hamlet names in the mountains (bản). */
export const BAN_NAMES = [
  'Nà Sản',
  'Phiêng Lanh',
  'Hua Pan',
  'Nậm Cứm',
  'Co Muông',
  'Pá Khoang',
  'Huổi Lèng',
  'Ten Luông',
  'Nà Hừ',
  'Khau Vai',
];

export const STREET_NAMES = [
  'Lê Duẩn',
  'Nguyễn Văn Cừ',
  'Phan Đình Phùng',
  'Trường Chinh',
  'Hùng Vương',
  'Điện Biên Phủ',
  'Võ Nguyên Giáp',
  'Nguyễn Thị Minh Khai',
  'Tôn Đức Thắng',
  'Lê Hồng Phong',
  'Nguyễn Sinh Sắc',
  'Mai Hắc Đế',
  'Lý Tự Trọng',
  'Hoàng Diệu',
];

/** Agencies in the agencies bloc; the first ones are the province's departments. */
export const DEPARTMENTS = [
  'Sở Tài chính',
  'Sở Nội vụ',
  'Sở Tư pháp',
  'Sở Xây dựng',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Công Thương',
  'Sở Nông nghiệp và Môi trường',
  'Sở Khoa học và Công nghệ',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Thanh tra tỉnh',
  'Văn phòng Ủy ban nhân dân tỉnh',
  'Thuế tỉnh',
  'Kho bạc Nhà nước khu vực',
  'Bảo hiểm xã hội tỉnh',
];
export const AGENCY_KINDS = [
  'Bệnh viện Đa khoa khu vực',
  'Trung tâm Y tế khu vực',
  'Trường Cao đẳng Kỹ thuật',
  'Trường Trung học phổ thông',
  'Ban Quản lý dự án đầu tư xây dựng khu vực',
  'Trung tâm Phát triển quỹ đất',
  'Chi cục Thủy lợi',
  'Trung tâm Văn hóa',
];
export const ENTERPRISE_KINDS = [
  'Công ty Cổ phần Xây dựng',
  'Công ty Cổ phần Cấp nước',
  'Công ty TNHH MTV Môi trường đô thị',
  'Công ty Cổ phần Vận tải',
  'Công ty Cổ phần Dược phẩm',
  'Công ty Cổ phần Thương mại',
  'Công ty Cổ phần May',
  'Công ty Cổ phần Chế biến thủy sản',
  'Công ty TNHH MTV Lâm nghiệp',
  'Công ty Điện lực',
  'Ngân hàng TMCP Công Thương chi nhánh',
  'Công ty Cổ phần Cơ khí',
];
/** Workplaces that sit directly under a commune committee. */
export const SCHOOL_KINDS = [
  'Trường Trung học cơ sở',
  'Trường Tiểu học',
  'Trường Mầm non',
  'Trường Trung học phổ thông',
];

/** Five cell names per kind of workplace (agency, enterprise, school); a committee has 2–5 of them. */
export const WORKPLACE_CELLS = [
  [
    'Chi bộ Văn phòng',
    'Chi bộ Phòng Kế hoạch - Tài chính',
    'Chi bộ Phòng Tổ chức cán bộ',
    'Chi bộ Phòng Nghiệp vụ',
    'Chi bộ Thanh tra',
  ],
  [
    'Chi bộ Văn phòng công ty',
    'Chi bộ Phòng Kỹ thuật',
    'Chi bộ Phòng Kinh doanh',
    'Chi bộ Xí nghiệp số 1',
    'Chi bộ Xí nghiệp số 2',
  ],
  [
    'Chi bộ Tổ Tự nhiên',
    'Chi bộ Tổ Xã hội',
    'Chi bộ Tổ Văn phòng',
    'Chi bộ Tổ Ngoại ngữ',
    'Chi bộ Tổ Thể dục - Nghệ thuật',
  ],
];
export const JOB_TITLES = [
  [
    'Chuyên viên',
    'Chuyên viên chính',
    'Trưởng phòng',
    'Phó trưởng phòng',
    'Kế toán viên',
    'Bác sĩ',
    'Điều dưỡng',
    'Thanh tra viên',
  ],
  [
    'Kỹ sư',
    'Công nhân',
    'Kế toán viên',
    'Trưởng phòng',
    'Nhân viên kinh doanh',
    'Tổ trưởng sản xuất',
    'Lái xe',
    'Kỹ thuật viên',
  ],
  [
    'Giáo viên',
    'Giáo viên',
    'Giáo viên',
    'Tổ trưởng chuyên môn',
    'Hiệu phó',
    'Nhân viên văn phòng',
    'Kế toán',
    'Giáo viên',
  ],
];
export const LOCAL_JOBS = ['Kinh doanh', 'Nông dân', 'Lao động tự do', 'Nội trợ', 'Thợ may', 'Buôn bán nhỏ'];

export const EXEMPT_REASONS = [
  'Thường xuyên đi công tác xa',
  'Học tập tập trung dài hạn từ 12 tháng trở lên',
  'Làm việc lưu động',
  'Luân chuyển, ở nhà công vụ',
];
export const NOT_INTRODUCED_REASONS = [
  'Làm nhiệm vụ đặc biệt theo yêu cầu của cơ quan',
  'Làm nhiệm vụ sẵn sàng chiến đấu',
];
/** Communes elsewhere, for members registered away from where they live when the province has one commune. */
export const AWAY_COMMUNES = [
  'Xã Quỳnh Lưu',
  'Phường Hồng Lĩnh',
  'Xã Kim Sơn',
  'Phường Sầm Sơn',
  'Xã Vũ Thư',
];

export const REJECT_NOTES = [
  'Không có số nhà này trên địa bàn',
  'Đảng viên không cư trú tại địa bàn xã',
  'Sai tên tổ dân phố',
];
export const END_REASONS = ['Chuyển nơi cư trú', 'Chuyển nơi ở mới'];
export const REQUEST_NOTES = [
  'Đảng viên đang công tác, cư trú tại địa bàn nhưng chưa có giấy giới thiệu',
  'Tổ dân phố báo cáo có đảng viên mới chuyển đến',
];

export const ABSENCE_REASONS = ['Đi công tác', 'Ốm', 'Việc gia đình', 'Trực cơ quan'];
export const CANCEL_REASONS = [
  'Mưa bão, hoãn sinh hoạt',
  'Trùng lịch bầu cử của khu dân cư',
  'Dịch bệnh, không tập trung đông người',
];
export const MEETING_TOPICS = [
  'Xây dựng khu dân cư văn hóa',
  'Giữ gìn an ninh trật tự trên địa bàn',
  'Vệ sinh môi trường, phân loại rác tại nguồn',
  'Đóng góp xây dựng nhà văn hóa',
  'Góp ý dự thảo văn kiện Đại hội',
  'Phòng chống thiên tai',
  'Chuyển đổi số ở khu dân cư',
];
export const EXTRAORDINARY_TITLES = [
  'Họp bàn công tác bầu cử',
  'Họp bàn xây dựng nhà văn hóa',
  'Họp triển khai phòng chống bão lụt',
];

/** Activities a cell runs in a year (kind, title). */
export const ACTIVITIES: readonly (readonly [string, string])[] = [
  ['environment', 'Ngày Chủ nhật xanh'],
  ['construction', 'Bê tông hóa đường ngõ xóm'],
  ['relief', 'Ủng hộ đồng bào bị thiên tai'],
  ['culture', 'Ngày hội Đại đoàn kết toàn dân tộc'],
  ['security', 'Tuần tra an ninh trật tự dịp Tết'],
  ['other', 'Quỹ khuyến học của khu dân cư'],
];
export const WARNING_REASONS = [
  'Chưa tham gia tổng vệ sinh môi trường của khu dân cư',
  'Để vật liệu xây dựng lấn chiếm lòng đường',
  'Chưa đóng góp các quỹ do khu dân cư vận động',
];

export const SELF_REPORT_DUTIES: Record<string, string> = {
  '1': 'Luôn giữ gìn phẩm chất, lối sống; gương mẫu trước nhân dân nơi cư trú.',
  '2': 'Gia đình chấp hành tốt quy ước của khu dân cư.',
  '3': 'Dự các buổi sinh hoạt của chi bộ nơi cư trú trong năm.',
  '4': 'Giữ liên hệ với chi ủy và ban công tác Mặt trận.',
  '6': 'Tham gia vệ sinh môi trường, đóng góp quỹ khuyến học.',
};
export const OTHER_COMMENTS = [
  'Đồng chí gương mẫu, gia đình văn hóa nhiều năm liền.',
  'Đề nghị đồng chí tham gia sinh hoạt đầy đủ hơn.',
  'Tích cực đóng góp ý kiến xây dựng khu dân cư.',
];
export const RETURN_REASONS = [
  'Thiếu chữ ký của trưởng ban công tác Mặt trận',
  'Đánh giá chưa khớp với sổ theo dõi sinh hoạt',
];
export const DISPUTE_REASONS = [
  'Tôi đi công tác có báo cáo với chi ủy nhưng bị ghi vắng không lý do',
  'Nhận xét chưa khách quan, chưa phản ánh đúng việc tham gia phong trào',
];
export const REVISE_NOTES = 'Đối thoại giữa hai cấp ủy: thống nhất điều chỉnh nội dung nhận xét.';
export const JUSTIFICATION =
  'Chi ủy và Ban công tác Mặt trận thống nhất: đảng viên đã báo cáo lý do với chi ủy.';
