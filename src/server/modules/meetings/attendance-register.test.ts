import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderAttendanceRegisterPdf, type AttendanceRegisterData } from './attendance-register';

type Row = AttendanceRegisterData['rows'][number];

const names = [
  'Nguyễn Văn An',
  'Trần Thị Bích Ngọc',
  'Lê Hoàng Phúc',
  'Phạm Thị Hường',
  'Tôn Nữ Thị Phương Thảo Nguyên Khánh',
  'Đặng Quốc Việt',
];
const statuses: Row['status'][] = [
  'present',
  'late',
  'absent_excused',
  'absent_unexcused',
  'excused_exempt',
  'unrecorded',
];

function rows(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => {
    const status = statuses[i % statuses.length]!;
    const absent = status.startsWith('absent') || status === 'excused_exempt';
    return {
      fullName: names[i % names.length]!,
      workplace: i % 4 === 0 ? null : 'Ngân hàng TMCP Ngoại thương Việt Nam – Chi nhánh Vinh',
      rsvp: i % 5 === 0 ? null : absent ? 'not_attending' : 'attending',
      rsvpReason: absent ? 'Đi công tác tại Hà Nội theo quyết định của cơ quan' : null,
      status,
      reason: status === 'absent_excused' ? 'Đã báo trước với bí thư chi bộ' : null,
      method: status === 'present' ? 'self_qr' : status === 'unrecorded' ? null : 'secretary',
    };
  });
}

function register(overrides: Partial<AttendanceRegisterData> = {}): AttendanceRegisterData {
  return {
    communeName: 'Đảng bộ phường Thành Vinh',
    cellName: 'Chi bộ khối 5',
    meeting: {
      title: 'Sinh hoạt với đảng viên đang công tác 6 tháng đầu năm 2025',
      kind: 'regular',
      startsAt: '2025-03-15T12:30:00Z',
      endsAt: '2025-03-15T14:30:00Z',
      place: 'Nhà văn hóa khối 5, phường Thành Vinh',
      agenda: 'Thông báo tình hình địa phương; lấy ý kiến về chỉnh trang đô thị',
    },
    rows: rows(6),
    secretaryName: 'Trần Đức Thắng',
    printedAt: '2025-03-16T02:05:00Z',
    ...overrides,
  };
}

// PDFKit compresses page content but not object dictionaries, so page and font objects are searchable.
const latin1 = (pdf: Buffer) => pdf.toString('latin1');
const pageCount = (pdf: Buffer) => latin1(pdf).match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
const baseFonts = (pdf: Buffer) => [...latin1(pdf).matchAll(/\/BaseFont \/(\S+)/g)].map((m) => m[1]);

/** The inflated content of every deflated stream (page contents among them; fonts fail and are skipped). */
function streams(pdf: Buffer): string[] {
  const text = latin1(pdf);
  const out: string[] = [];
  const re = /stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a deflated stream
    }
  }
  return out;
}

// The table header row is the only grey fill (#e6e6e6 → 0.90196…), so it marks a page with a header.
const headerFill = /0\.90196\d* 0\.90196\d* 0\.90196\d* (?:rg|scn)/;
const pagesWithTableHeader = (pdf: Buffer) => streams(pdf).filter((s) => headerFill.test(s)).length;

describe('attendance register PDF', () => {
  it('renders a short register on one A4 page with Noto Serif embedded', async () => {
    const pdf = await renderAttendanceRegisterPdf(register());
    expect(latin1(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    expect(latin1(pdf)).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const fonts = baseFonts(pdf);
    expect(fonts.some((f) => f?.includes('NotoSerif-Regular'))).toBe(true);
    expect(fonts.some((f) => f?.includes('NotoSerif-Bold'))).toBe(true);
    // Never the built-in Helvetica, which has no Vietnamese glyphs.
    expect(fonts.some((f) => f?.includes('Helvetica'))).toBe(false);
    expect(pagesWithTableHeader(pdf)).toBe(1);
  });

  it('runs 80 members over several pages and repeats the table header on each', async () => {
    const pdf = await renderAttendanceRegisterPdf(
      register({
        communeName: null,
        secretaryName: null,
        meeting: {
          ...register().meeting,
          kind: 'extraordinary',
          agenda: null,
          endsAt: '2025-03-15T17:30:00Z',
        },
        rows: rows(80),
      }),
    );
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pagesWithTableHeader(pdf)).toBe(pages);
  });

  it('still renders a register with nobody on it', async () => {
    const pdf = await renderAttendanceRegisterPdf(register({ rows: [] }));
    expect(latin1(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    expect(pagesWithTableHeader(pdf)).toBe(1);
  });
});
