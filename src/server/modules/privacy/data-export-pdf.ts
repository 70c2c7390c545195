/**
 * The printed summary of a member's data (issue 12): who they are in the register, their account and roles,
 * and one table per kind of record with the essentials; the JSON download carries every column. Vietnamese,
 * on the shared PDF building blocks with the Noto Serif fonts the letters use.
 */
import type { FigureTable } from '../../documents/official-report';
import { contentBox, ensureSpace, renderPdf, runsAt, textAt, type Pdf } from '../../documents/pdf';
import { drawFigureTable } from '../../documents/pdf-table';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import { hasMessage, registerMessages, translate } from '../../i18n/messages';
import { privacyMessages } from './privacy.messages';
import type { MemberData } from './privacy.repository';

registerMessages(privacyMessages);

const SIZE = 11;

/** dd/mm/yyyy (Vietnam's calendar) of a timestamp or an ISO day; '–' for none. */
export function day(value: Date | string | null | undefined): string {
  if (!value) return '–';
  const iso = value instanceof Date ? vnDay(value) : value.slice(0, 10);
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** A stored code in Vietnamese words, from the first catalogue key that has it (the code itself otherwise). */
function label(value: string, ...prefixes: string[]): string {
  const key = prefixes.map((p) => `${p}.${value}`).find(hasMessage);
  return key ? translate('vi', key) : value;
}

const text = (v: string | number | null | undefined): string =>
  v === null || v === undefined || v === '' ? '–' : String(v);

function none(doc: Pdf): void {
  const box = contentBox(doc);
  doc.y = textAt(doc, 'Không có.', box.left, doc.y, box.width, { size: SIZE, font: 'italic' }) + 2;
}

function heading(doc: Pdf, title: string): void {
  ensureSpace(doc, 60);
  const box = contentBox(doc);
  doc.y = textAt(doc, title, box.left, doc.y + 10, box.width, { size: SIZE + 1, font: 'bold' }) + 4;
}

/** "Label: value" lines, the label in bold: a record's fields read as a form, not as a grid of figures. */
function fields(doc: Pdf, rows: [string, string][]): void {
  if (rows.length === 0) return none(doc);
  const box = contentBox(doc);
  for (const [name, value] of rows) {
    ensureSpace(doc, 16);
    doc.y =
      runsAt(doc, [{ text: `${name}: `, font: 'bold' }, { text: value }], box.left, doc.y, box.width, {
        size: SIZE,
        lineGap: 1,
      }) + 2;
  }
}

function table(doc: Pdf, columns: string[], rows: (string | number)[][]): void {
  if (rows.length === 0) return none(doc);
  const t: FigureTable = { columns, rows, widths: columns.map(() => 1) };
  drawFigureTable(doc, t, { size: SIZE - 1.5, newPage: (d) => d.addPage() });
}

export interface ExportSummaryInput {
  data: MemberData;
  units: Map<string, string>;
  generatedAt: Date;
}

export function renderDataExportPdf({ data, units, generatedAt }: ExportSummaryInput): Promise<Buffer> {
  const m = data.member!;
  const unit = (id: string | null | undefined) => (id ? (units.get(id) ?? id) : '–');
  return renderPdf(
    {
      title: `Dữ liệu cá nhân — ${m.fullName}`,
      author: 'Residence Link',
      subject: 'Dữ liệu cá nhân của đảng viên',
    },
    (doc) => {
      doc.addPage();
      const box = contentBox(doc);
      let y = textAt(doc, 'DỮ LIỆU CÁ NHÂN ĐƯỢC LƯU VỀ ĐỒNG CHÍ', box.left, box.top, box.width, {
        size: 14,
        font: 'bold',
        align: 'center',
      });
      y = textAt(
        doc,
        `Trích xuất ngày ${day(generatedAt)} theo Luật Bảo vệ dữ liệu cá nhân. Tệp JSON đi kèm chứa đầy đủ mọi trường.`,
        box.left,
        y + 4,
        box.width,
        { size: SIZE - 1, font: 'italic', align: 'center' },
      );
      doc.y = y + 6;

      heading(doc, '1. Hồ sơ đảng viên');
      fields(doc, [
        ['Họ và tên', m.fullName],
        ['Ngày sinh', day(m.dateOfBirth)],
        ['Số thẻ đảng viên', m.cardNumber],
        ['Số CCCD', text(m.citizenId)],
        ['Điện thoại', text(m.phone)],
        ['Thư điện tử', text(m.email)],
        ['Ngày vào Đảng / chính thức', `${day(m.dateAdmitted)} / ${day(m.dateOfficial)}`],
        ['Chi bộ sinh hoạt', unit(m.cellId)],
        [
          'Nơi thường trú',
          [m.registeredStreet, m.registeredArea, m.registeredCommune, m.registeredProvince]
            .filter(Boolean)
            .join(', ') || '–',
        ],
        [
          'Nơi ở hiện nay',
          [m.residenceStreet, unit(m.residenceCommuneId), m.residenceProvince]
            .filter((v) => v && v !== '–')
            .join(', ') || '–',
        ],
        ['Chi bộ nơi cư trú', unit(m.residenceCellId)],
        ['Trạng thái', label(m.status, 'privacy.memberStatus')],
      ]);

      heading(doc, '2. Tài khoản và vai trò');
      const a = data.account;
      fields(
        doc,
        a
          ? [
              ['Tên đăng nhập', a.username],
              ['Thư điện tử', text(a.email)],
              ['Điện thoại', text(a.phone)],
              ['Đăng nhập gần nhất', day(a.lastLoginAt)],
              ...data.roles.map((r): [string, string] => [
                'Vai trò',
                `${label(r.role, 'privacy.role')}${r.unitName ? ` — ${r.unitName}` : ''}`,
              ]),
            ]
          : [],
      );

      heading(doc, '3. Quá trình sinh hoạt');
      table(
        doc,
        ['Đơn vị', 'Loại', 'Từ ngày', 'Đến ngày'],
        data.memberships.map((r) => [
          text(r.unitName),
          label(r.kind, 'privacy.membershipKind'),
          day(r.validFrom),
          day(r.validTo),
        ]),
      );

      heading(doc, '4. Giấy giới thiệu, thông báo và đề nghị');
      table(
        doc,
        ['Loại', 'Số / trạng thái', 'Ngày'],
        [
          ...data.letters.map((l) => [
            'Giấy giới thiệu',
            `${l.number ? `${l.number}/${l.year}` : '–'} — ${label(l.status, 'report.value.status')}`,
            day(l.issuedAt ?? l.createdAt),
          ]),
          ...data.notices.map((n) => ['Thông báo nơi cư trú', label(n.kind, 'noticeKind'), day(n.createdAt)]),
          ...data.moves.map((mv) => ['Chuyển nơi ở', unit(mv.toCommuneId), day(mv.movedOn)]),
          ...data.requests.map((r) => ['Đề nghị giới thiệu', r.status, day(r.createdAt)]),
        ],
      );

      heading(doc, '5. Sinh hoạt chi bộ nơi cư trú');
      table(
        doc,
        ['Cuộc họp', 'Ngày', 'Tham dự'],
        data.attendances.map((r) => [
          r.meetingTitle,
          day(r.startsAt),
          label(r.status, 'report.value.attendance'),
        ]),
      );

      heading(doc, '6. Nhắc nhở, nhận xét và đề nghị xem xét lại');
      table(
        doc,
        ['Loại', 'Năm / ngày', 'Trạng thái'],
        [
          ...data.warnings.map((w) => [
            label(w.kind, 'report.value.warningKind'),
            day(w.createdAt),
            label(w.status, 'report.value.warningStatus'),
          ]),
          ...data.evaluations.map((e) => [
            'Nhận xét nơi cư trú',
            String(e.year),
            label(e.status, 'report.value.evaluationStatus', 'evaluation.status'),
          ]),
          ...data.disputes.map((d) => [
            'Đề nghị xem xét lại',
            day(d.openedAt),
            label(d.status, 'report.value.disputeStatus'),
          ]),
        ],
      );

      heading(doc, '7. Ai đã xem hồ sơ của đồng chí');
      table(
        doc,
        ['Thời gian', 'Người xem', 'Đơn vị', 'Trang'],
        data.recordReads.map((r) => [day(r.at), text(r.readerName), text(r.readerUnitName), text(r.source)]),
      );

      heading(doc, '8. Số bản ghi khác');
      table(
        doc,
        ['Loại', 'Số bản ghi'],
        [
          ['Ý kiến phát biểu tại cuộc họp', data.contributions.length],
          ['Đóng góp hoạt động', data.activityContributions.length],
          ['Bản tự kiểm điểm', data.selfReports.length],
          ['Thông báo trong ứng dụng', data.notifications.length],
          ['Nhật ký thay đổi hồ sơ', data.audit.length],
        ],
      );
    },
  );
}
