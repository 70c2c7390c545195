import { describe, expect, it } from 'vitest';
import { formatFigure, isFigureCell } from './figure-table';
import { renderOfficialReportDocx } from './official-report-docx';
import { renderOfficialReportPdf } from './official-report-pdf';
import { ANNEX_ROWS, annexMarker, sampleReport } from './official-report.sample';
import { docxText, pdfText, unzip } from './testing';

const draft = sampleReport({ draft: true, number: null, date: null, signer: null });
// Rendering the 60-row annex takes a moment; the tests that only read the finished PDF share one.
let finalPdf: Promise<Buffer> | undefined;
const renderFinal = () => (finalPdf ??= renderOfficialReportPdf(sampleReport()));
const flat = (text: string) => text.replace(/\s+/g, ' ');
const latin1 = (pdf: Buffer) => pdf.toString('latin1');
const landscapePages = (pdf: Buffer) => latin1(pdf).match(/\/MediaBox \[0 0 841\.89 595\.28\]/g)?.length ?? 0;
/** A document information entry: PDFKit writes it as a UTF-16BE literal string in an object of its own. */
function info(pdf: Buffer, key: string): string | undefined {
  const s = latin1(pdf);
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(s)?.[1];
  const literal = ref ? new RegExp(`\\n${ref} 0 obj\\n\\(([\\s\\S]*?)\\)\\nendobj`).exec(s)?.[1] : undefined;
  if (literal === undefined) return undefined;
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  const raw = literal.replace(/\\([0-7]{1,3}|.)/g, (_, e: string) =>
    /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : (escapes[e] ?? e),
  );
  return Buffer.from(raw, 'latin1').subarray(2).swap16().toString('utf16le'); // after the byte-order mark
}
const pageTotal = (pdf: Buffer) => latin1(pdf).match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

describe('Vietnamese figures', () => {
  it('groups thousands with dots and marks decimals with a comma', () => {
    expect(formatFigure(1234)).toBe('1.234');
    expect(formatFigure(1234567)).toBe('1.234.567');
    expect(formatFigure(95.5)).toBe('95,5');
    expect(formatFigure(93.25)).toBe('93,25');
    expect(formatFigure(-1234.5)).toBe('-1.234,5');
    expect(formatFigure(0)).toBe('0');
    expect(formatFigure('–')).toBe('–');
  });

  it('right-aligns figures but never the row label', () => {
    expect(isFigureCell(12, 1)).toBe(true);
    expect(isFigureCell('95,5', 2)).toBe(true);
    expect(isFigureCell('–', 2)).toBe(true);
    expect(isFigureCell('Tốt: 5', 1)).toBe(false);
    expect(isFigureCell(2026, 0)).toBe(false);
  });
});

describe('official report PDF', () => {
  it('prints the header, title, figures, signature and annex in Vietnamese', async () => {
    const pdf = await renderFinal();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, runs, missingGlyphs } = pdfText(pdf);
    // every glyph came from Noto Serif and maps back to text: the diacritics are really there
    expect(missingGlyphs).toBe(0);
    expect(text).not.toContain('\ufffd');
    const all = flat(text);
    for (const expected of [
      'ĐẢNG BỘ TỈNH NGHỆ AN',
      'ĐẢNG ỦY PHƯỜNG THÀNH VINH',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 12-BC/ĐU',
      'Nghệ An, ngày 05 tháng 12 năm 2026',
      'BÁO CÁO',
      sampleReport().subtitle,
      'I. TÌNH HÌNH ĐẢNG VIÊN ĐANG CÔNG TÁC CƯ TRÚ TRÊN ĐỊA BÀN',
      'Bảng 1. Số đảng viên theo nơi cư trú và nơi công tác',
      'T/M ĐẢNG ỦY',
      'BÍ THƯ',
      'Nguyễn Thị Hương',
      'Nơi nhận:',
      '- Ban Thường vụ Tỉnh ủy (để báo cáo),',
      'PHỤ LỤC 1. KẾT QUẢ SINH HOẠT VÀ NHẬN XÉT ĐẢNG VIÊN THEO CHI BỘ',
    ])
      expect(all).toContain(expected);
    // table cells as a Vietnamese reader writes figures
    const cells = new Set(runs.map((r) => r.text));
    for (const figure of ['1.234', '1.318', '1.234.567', '95,5', '93,25']) expect(cells).toContain(figure);
    const fontOf = (t: string) => runs.find((r) => r.text === t)?.font;
    expect(fontOf('ĐẢNG ỦY PHƯỜNG THÀNH VINH')).toBe('NotoSerif-Bold');
    expect(fontOf('ĐẢNG BỘ TỈNH NGHỆ AN')).toBe('NotoSerif-Regular');
    expect(fontOf('Nơi nhận:')).toBe('NotoSerif-BoldItalic');
    expect(fontOf('Nguyễn Thị Hương')).toBe('NotoSerif-Bold');
    expect(fontOf('Nội dung')).toBe('NotoSerif-Bold'); // the header row
    expect(all).not.toContain('DỰ THẢO');
    expect(info(pdf, 'Title')).toBe('Báo cáo 12-BC/ĐU — Quy định 213 năm 2026');
    expect(info(pdf, 'Author')).toBe('Đảng ủy phường Thành Vinh');
  });

  it('runs the 60-row annex over several landscape pages, repeating the header and never splitting a row', async () => {
    const pdf = await renderFinal();
    const { runs } = pdfText(pdf);
    const pageOf = (match: (t: string) => boolean) => runs.find((r) => match(r.text))?.page;
    const annexPage = pageOf((t) => t.startsWith('PHỤ LỤC 1'))!;
    const rowPages = Array.from({ length: ANNEX_ROWS }, (_, i) => {
      const label = new RegExp(`^Chi bộ khối ${i + 1}(?!\\d)`);
      const labelPage = pageOf((t) => label.test(t));
      // the row's last cell is on the page of its label: the row was not cut in two
      expect(
        pageOf((t) => t === formatFigure(annexMarker(i))),
        `row ${i + 1}`,
      ).toBe(labelPage);
      return labelPage!;
    });
    expect(rowPages[0]).toBe(annexPage);
    const annexPages = [...new Set(rowPages)];
    expect(annexPages.length).toBeGreaterThan(1);
    expect(landscapePages(pdf)).toBe(annexPages.length);
    // the header row ("Chi bộ") is printed again at the top of every page the table runs onto
    const headerPages = new Set(runs.filter((r) => r.text === 'Chi bộ').map((r) => r.page));
    expect([...headerPages].sort()).toEqual(annexPages);
  });

  it('numbers the pages from the second on, in the top margin', async () => {
    const pdf = await renderFinal();
    const { runs } = pdfText(pdf);
    const pages = pageTotal(pdf);
    expect(pages).toBeGreaterThanOrEqual(4);
    // the number is stamped last on each page
    const last = (page: number) => runs.filter((r) => r.page === page).at(-1)?.text;
    expect(last(1)).not.toBe('1');
    for (let page = 2; page <= pages; page++) expect(last(page)).toBe(String(page));
  });

  it('marks a draft on every page and leaves the number and the date to fill in', async () => {
    const pdf = await renderOfficialReportPdf(draft);
    const { text, runs } = pdfText(pdf);
    const all = flat(text);
    expect(all).toMatch(/Số\s+-BC\/ĐU/);
    expect(all).not.toContain('Số 12-BC/ĐU');
    expect(all).toContain('Nghệ An, ngày …… tháng …… năm ……');
    expect(all).not.toContain('Nguyễn Thị Hương');
    const marked = new Set(runs.filter((r) => r.text === 'DỰ THẢO').map((r) => r.page));
    expect(marked.size).toBe(pageTotal(pdf));
  });

  it('never leaves the signature alone on a page: the last paragraph goes over with it', async () => {
    const last = 'Đề nghị bổ sung kinh phí hỗ trợ hoạt động cho các chi bộ khối.';
    const sentence =
      'Các chi bộ khối đã tổ chức sinh hoạt đúng kỳ, nội dung thiết thực, có đảng viên đang công tác dự. ';
    // Growing the text a line at a time pushes the signature over a page break at some length.
    for (let n = 20; n < 44; n++) {
      const pdf = await renderOfficialReportPdf(
        sampleReport({
          sections: [{ heading: 'I. KẾT QUẢ', paragraphs: [sentence.repeat(n), last], tables: [] }],
          annexes: [],
        }),
      );
      const { runs } = pdfText(pdf);
      const signPage = runs.find((r) => r.text === 'T/M ĐẢNG ỦY')!.page;
      const withText = runs.some((r) => r.page === signPage && r.text.length > 3 && last.includes(r.text));
      expect(withText, `${n} sentences`).toBe(true);
    }
  });

  it('puts a narrow annex on a portrait page', async () => {
    const narrow = sampleReport({
      annexes: [{ title: 'PHỤ LỤC 2', table: { columns: ['Khối', 'Số đảng viên'], rows: [['Khối 1', 12]] } }],
    });
    const pdf = await renderOfficialReportPdf(narrow);
    expect(landscapePages(pdf)).toBe(0);
    expect(flat(pdfText(pdf).text)).toContain('PHỤ LỤC 2');
  });
});

describe('official report DOCX', () => {
  it('holds the same content as the PDF, in Word tables', async () => {
    const docx = await renderOfficialReportDocx(sampleReport());
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const text = docxText(docx);
    for (const expected of [
      'ĐẢNG BỘ TỈNH NGHỆ AN',
      'ĐẢNG ỦY PHƯỜNG THÀNH VINH',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 12-BC/ĐU',
      'Nghệ An, ngày 05 tháng 12 năm 2026',
      'BÁO CÁO',
      sampleReport().subtitle,
      '1.234',
      '1.234.567',
      '95,5',
      'T/M ĐẢNG ỦY',
      'Nguyễn Thị Hương',
      'Nơi nhận:',
      '- Lưu Văn phòng Đảng ủy.',
      'PHỤ LỤC 1. KẾT QUẢ SINH HOẠT VÀ NHẬN XÉT ĐẢNG VIÊN THEO CHI BỘ',
      `Chi bộ khối ${ANNEX_ROWS}`,
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('DỰ THẢO');
    // content before the signature, then the annex
    expect(text.indexOf('III. ĐỀ XUẤT, KIẾN NGHỊ')).toBeLessThan(text.indexOf('Nguyễn Thị Hương'));
    expect(text.indexOf('Nguyễn Thị Hương')).toBeLessThan(text.indexOf('PHỤ LỤC 1'));
  });

  it('repeats the header rows of long tables, keeps rows whole and sets the wide annex landscape', async () => {
    const xml = unzip(await renderOfficialReportDocx(sampleReport()))
      .get('word/document.xml')!
      .toString('utf8');
    const annex = xml.slice(xml.indexOf('PHỤ LỤC 1'));
    expect(annex).toContain('<w:tblHeader/>');
    expect(annex.match(/<w:cantSplit\/>/g)?.length).toBeGreaterThan(ANNEX_ROWS);
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('w:fill="E6E6E6"'); // shaded header row
    // the cell holding 1.234 is right-aligned
    const cell = /<w:p>(?:(?!<\/w:p>).)*>1\.234<\/w:t>/.exec(xml)?.[0] ?? '';
    expect(cell).toContain('<w:jc w:val="right"/>');
  });

  it('frames a draft mark at the top and leaves the number blank', async () => {
    const text = docxText(await renderOfficialReportDocx(draft));
    expect(text.split('\n')[0]).toBe('DỰ THẢO');
    expect(text).toContain('Số      -BC/ĐU');
    expect(text).not.toContain('Số 12-BC/ĐU');
  });
});
