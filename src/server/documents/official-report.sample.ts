/**
 * A realistic yearly report of a ward's Party committee, for the tests and for looking at the rendered
 * pages (the wording imitates what modules/reports/yearly-report-text.ts builds).
 */
import type { FigureTable, OfficialReport } from './official-report';

const RESULTS =
  'Thực hiện Quy định số 213-QĐ/TW ngày 02/01/2020 của Bộ Chính trị về trách nhiệm của đảng viên đang ' +
  'công tác thường xuyên giữ mối liên hệ với tổ chức đảng và nhân dân nơi cư trú, Đảng ủy phường đã ban ' +
  'hành kế hoạch, phân công đồng chí Phó Bí thư Thường trực trực tiếp chỉ đạo, giao Văn phòng Đảng ủy theo ' +
  'dõi, tổng hợp tình hình tiếp nhận giấy giới thiệu và kết quả sinh hoạt của đảng viên tại các chi bộ khối. ' +
  'Các chi bộ nơi cư trú đã lập sổ theo dõi, bố trí đảng viên đang công tác tham gia sinh hoạt ít nhất hai ' +
  'lần trong năm, thông báo lịch sinh hoạt qua hệ thống và nhắc nhở kịp thời những trường hợp vắng mặt không ' +
  'có lý do. Đa số đảng viên đã chủ động báo cáo với chi ủy nơi cư trú về nơi ở, công việc đang đảm nhiệm, ' +
  'gương mẫu thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước và các quy định của địa ' +
  'phương; tích cực tham gia các phong trào thi đua, cuộc vận động do Mặt trận Tổ quốc và các đoàn thể phát ' +
  'động như xây dựng khu dân cư văn minh, giữ gìn vệ sinh môi trường, bảo đảm an ninh trật tự, chăm lo cho ' +
  'gia đình chính sách và hộ nghèo. Ban công tác Mặt trận các khối đã phối hợp với chi ủy tổ chức họp liên ' +
  'tịch để nhận xét đảng viên cuối năm đúng thời gian, bảo đảm dân chủ, khách quan; phiếu nhận xét được gửi ' +
  'về cấp ủy nơi đảng viên công tác đầy đủ, làm căn cứ đánh giá, xếp loại chất lượng đảng viên hằng năm. ' +
  'Bên cạnh những kết quả đạt được, vẫn còn một số đảng viên chưa thường xuyên giữ mối liên hệ, chưa dự đủ ' +
  'các buổi sinh hoạt theo quy định; việc chuyển giấy giới thiệu ở một số đơn vị còn chậm; một số chi bộ ' +
  'chưa chủ động nắm tình hình đảng viên mới chuyển đến cư trú trên địa bàn. Nguyên nhân chủ yếu là do tính ' +
  'chất công việc của một số đảng viên thường xuyên đi công tác xa, thời gian sinh hoạt chưa phù hợp, và sự ' +
  'phối hợp giữa cấp ủy nơi công tác với cấp ủy nơi cư trú có lúc chưa chặt chẽ. Trong thời gian tới, Đảng ' +
  'ủy phường tiếp tục quán triệt sâu sắc Quy định, nâng cao trách nhiệm của chi ủy và đảng viên, tăng cường ' +
  'kiểm tra, giám sát và kịp thời biểu dương những điển hình tiêu biểu.';

/** 12 rows of figures (the last one the total) with thousands and a decimal rate. */
export function coverageTable(): FigureTable {
  const rows: (string | number)[][] = [
    ['Đảng viên đang công tác', 1234, 1318],
    ['Trong đó: sinh hoạt tích cực', 1105, 1190],
    ['Được miễn sinh hoạt nơi cư trú', 87, 91],
    ['Chưa được giới thiệu', 42, 37],
    ['Đã về chi bộ nơi cư trú', 1163, 1240],
    ['Chờ xác nhận tiếp nhận', 18, 22],
    ['Chờ phân về chi bộ', 9, 11],
    ['Giấy giới thiệu quá hạn', 4, '–'],
    ['Cư trú ngoài địa bàn', 27, 30],
    ['Tỉ lệ tham gia sinh hoạt (%)', 95.5, 93.25],
    ['Ngày công đóng góp', 2468, 2790],
    ['Tiền đóng góp (đồng)', 1234567, 2345678],
  ];
  return { columns: ['Nội dung', 'Nơi cư trú', 'Nơi công tác'], rows, boldRows: [0], widths: [5, 1.4, 1.4] };
}

export const ANNEX_ROWS = 60;
/** the last column of annex row i, a figure found nowhere else in the document, to find the row's page */
export const annexMarker = (i: number): number => 2001 + 3 * i;

/** 10 columns and 60 rows: one line per residential cell. */
export function annexTable(): FigureTable {
  const columns = [
    'Chi bộ',
    'ĐV đang công tác',
    'Đã về chi bộ',
    'Tỉ lệ (%)',
    'Buổi sinh hoạt',
    'Có mặt',
    'Vắng có lý do',
    'Vắng không lý do',
    'Phiếu nhận xét',
    'Ngày công đóng góp',
  ];
  const rows = Array.from({ length: ANNEX_ROWS }, (_, i) => [
    `Chi bộ khối ${i + 1}${i % 9 === 4 ? ' (sáp nhập từ khối Tân Phúc và khối Hưng Lộc)' : ''}`,
    20 + (i % 17),
    20 + (i % 17) - (i % 4),
    Math.round((1000 * (20 + (i % 17) - (i % 4))) / (20 + (i % 17))) / 10,
    2 + (i % 3),
    30 + i,
    i % 4,
    i % 3,
    18 + (i % 15),
    annexMarker(i),
  ]);
  return { columns, rows, widths: [3, 1, 1, 1, 1, 1, 1, 1, 1, 1] };
}

export function sampleReport(overrides: Partial<OfficialReport> = {}): OfficialReport {
  return {
    number: '12-BC/ĐU',
    superiorName: 'Đảng bộ tỉnh Nghệ An',
    issuerName: 'Đảng ủy phường Thành Vinh',
    place: 'Nghệ An',
    date: '2026-12-05',
    title: 'BÁO CÁO',
    subtitle:
      'Kết quả thực hiện Quy định số 213-QĐ/TW về trách nhiệm của đảng viên đang công tác giữ mối liên hệ với tổ chức đảng và nhân dân nơi cư trú năm 2026',
    draft: false,
    sections: [
      {
        heading: 'I. TÌNH HÌNH ĐẢNG VIÊN ĐANG CÔNG TÁC CƯ TRÚ TRÊN ĐỊA BÀN',
        paragraphs: [
          'Đến ngày 30/11/2026, toàn Đảng bộ có 1.234 đảng viên đang công tác cư trú trên địa bàn phường, sinh hoạt tại 62 chi bộ khối.',
        ],
        tables: [{ caption: 'Bảng 1. Số đảng viên theo nơi cư trú và nơi công tác', table: coverageTable() }],
        closing: ['Số liệu trên đã đối chiếu với sổ theo dõi của các chi bộ và hồ sơ giấy giới thiệu.'],
      },
      {
        heading: 'II. KẾT QUẢ THỰC HIỆN',
        paragraphs: [RESULTS, 'Kết quả nhận xét cuối năm được tổng hợp tại Phụ lục 1 kèm theo báo cáo này.'],
        tables: [],
      },
      {
        heading: 'III. ĐỀ XUẤT, KIẾN NGHỊ',
        paragraphs: [
          'Đề nghị Ban Thường vụ Tỉnh ủy chỉ đạo các cấp ủy nơi đảng viên công tác chuyển giấy giới thiệu đúng thời hạn và phản hồi kết quả nhận xét về nơi cư trú.',
          'Đề nghị bổ sung kinh phí hỗ trợ hoạt động cho các chi bộ khối có đông đảng viên đang công tác cư trú.',
        ],
        tables: [],
      },
    ],
    signer: { position: 'secretary', name: 'Nguyễn Thị Hương' },
    recipients: [
      'Ban Thường vụ Tỉnh ủy (để báo cáo),',
      'Ban Tổ chức Tỉnh ủy,',
      'Các chi bộ trực thuộc,',
      'Lưu Văn phòng Đảng ủy.',
    ],
    annexes: [
      {
        title: 'PHỤ LỤC 1. KẾT QUẢ SINH HOẠT VÀ NHẬN XÉT ĐẢNG VIÊN THEO CHI BỘ',
        subtitle: '(Kèm theo Báo cáo số 12-BC/ĐU ngày 05/12/2026 của Đảng ủy phường Thành Vinh)',
        table: annexTable(),
      },
    ],
    meta: { title: 'Báo cáo 12-BC/ĐU — Quy định 213 năm 2026', author: 'Đảng ủy phường Thành Vinh' },
    ...overrides,
  };
}
