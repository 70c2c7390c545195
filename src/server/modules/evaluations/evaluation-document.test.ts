import { describe, expect, it } from 'vitest';
import {
  renderEvaluationDocx,
  renderEvaluationPdf,
  renderEvaluationsPdf,
  type EvaluationFormData,
} from './evaluation-document';
import { docxText, pdfText, unzip } from '../../documents/testing';

const level = (key: string, label: string) => ({ key, label });

function confirmedForm(overrides: Partial<EvaluationFormData> = {}): EvaluationFormData {
  return {
    communeName: 'Đảng ủy phường Thành Vinh',
    cellName: 'Chi bộ khối 5',
    areaName: 'Khối 5',
    place: 'Thành Vinh',
    title:
      'PHIẾU NHẬN XÉT ĐẢNG VIÊN ĐANG CÔNG TÁC THƯỜNG XUYÊN GIỮ MỐI LIÊN HỆ VỚI TỔ CHỨC ĐẢNG VÀ NHÂN DÂN NƠI CƯ TRÚ',
    year: 2026,
    purpose: null,
    basis:
      'Quy định số 213-QĐ/TW ngày 02/01/2020 của Bộ Chính trị và Hướng dẫn số 33-HD/BTCTW ngày 30/10/2020 của Ban Tổ chức Trung ương',
    jointMeeting: { on: '2026-11-20', participants: 'Chi ủy chi bộ khối 5, Ban công tác Mặt trận khối 5' },
    member: {
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1985-07-14',
      workplaceCellName: 'Chi bộ Phòng Kỹ thuật - An toàn',
      workplaceCommitteeName: 'Đảng bộ Công ty Điện lực Nghệ An',
      residenceAddress: 'Số 12, ngõ 7, đường Lê Hồng Phong, khối 5, phường Thành Vinh, tỉnh Nghệ An',
    },
    criteria: [
      {
        label: 'Gương mẫu về phẩm chất chính trị, đạo đức, lối sống',
        levels: [level('good', 'Tốt'), level('yes', 'Có'), level('not_yet', 'Chưa')],
        chosen: 'good',
        justification: null,
      },
      {
        label: 'Tham gia sinh hoạt định kỳ và các cuộc họp do chi bộ, cấp ủy nơi cư trú triệu tập',
        levels: [level('full', 'Đầy đủ'), level('partial', 'Không đầy đủ'), level('none', 'Không tham gia')],
        chosen: 'full',
        justification: 'Vắng buổi tháng 5 do đi công tác đột xuất, đã báo chi ủy.',
      },
      {
        label: 'Giữ mối liên hệ với chi ủy, tổ trưởng tổ dân phố, ban công tác Mặt trận',
        levels: [
          level('regular_active', 'Thường xuyên, tích cực'),
          level('regular', 'Thường xuyên'),
          level('irregular', 'Không thường xuyên'),
        ],
        chosen: 'regular',
        justification: null,
      },
      {
        label: 'Đề xuất',
        levels: [
          level('commend', 'Đề nghị khen thưởng'),
          level('none', 'Không đề xuất'),
          level('discipline', 'Đề nghị xem xét kỷ luật'),
        ],
        chosen: 'commend',
        justification: null,
      },
    ],
    otherComments: 'Nhiệt tình tham gia xây dựng nhà văn hóa khối.',
    checks: [
      {
        criterion: 2,
        label: 'Đánh giá "tham gia đầy đủ" nhưng có buổi vắng không lý do',
        metric: 'unexcusedAbsences',
        actual: 1,
      },
    ],
    cellSigner: { name: 'Trần Đức Thắng' },
    frontSigner: { name: 'Lê Thị Hoa', signedOn: '2026-11-20' },
    signedOn: '2026-11-21',
    confirmation: { position: 'secretary', name: 'Phạm Văn Bình', confirmedOn: '2026-11-23' },
    verification: { code: '7KQ2-MX4P-R9TD', url: 'http://localhost:3000/verify/7KQ2MX4PR9TD' },
    ...overrides,
  };
}

const exemptDraft = confirmedForm({
  title: 'PHIẾU NHẬN XÉT ĐẢNG VIÊN ĐƯỢC MIỄN SINH HOẠT NƠI CƯ TRÚ',
  purpose: 'Bổ nhiệm, giới thiệu ứng cử',
  member: { ...confirmedForm().member, fullName: 'Lê Thị Hường' },
  criteria: confirmedForm()
    .criteria.filter((_, i) => i !== 1)
    .map((c) => ({ ...c, chosen: c.levels[1]!.key, justification: null })),
  otherComments: null,
  checks: [],
  cellSigner: { name: null },
  frontSigner: { name: null, signedOn: null },
  signedOn: null,
  confirmation: { position: null, name: null, confirmedOn: null },
  verification: null,
});

const latin1 = (pdf: Buffer) => pdf.toString('latin1');
const pageCount = (pdf: Buffer) => latin1(pdf).match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
const baseFonts = (pdf: Buffer) => [...latin1(pdf).matchAll(/\/BaseFont \/(\S+)/g)].map((m) => m[1]!);
// The draft watermark is the only translucent drawing.
const hasTranslucency = (pdf: Buffer) => /\/ca 0\.\d+/.test(latin1(pdf));
const fontOf = (pdf: Buffer, text: string) => pdfText(pdf).runs.find((r) => r.text.trim() === text)?.font;

describe('evaluation form PDF', () => {
  it('prints a confirmed full form in Vietnamese with every level, the chosen ones marked, and the QR', async () => {
    const pdf = await renderEvaluationPdf(confirmedForm());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(baseFonts(pdf).every((f) => f.includes('NotoSerif'))).toBe(true);
    const { text, missingGlyphs } = pdfText(pdf);
    // every glyph came from the font (none drawn as .notdef) and every one maps back to text
    expect(missingGlyphs).toBe(0);
    expect(text).not.toContain('\ufffd');
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'ĐẢNG BỘ PHƯỜNG THÀNH VINH',
      'CHI BỘ KHỐI 5',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Thành Vinh, ngày 21 tháng 11 năm 2026',
      'PHIẾU NHẬN XÉT',
      'Căn cứ Quy định số 213-QĐ/TW ngày 02/01/2020',
      'Ngày 20/11/2026, Chi ủy chi bộ khối 5 họp liên tịch với Ban công tác Mặt trận khối 5',
      'NGUYỄN VĂN AN',
      '14/07/1985',
      'Thường xuyên, tích cực',
      'Đề nghị xem xét kỷ luật',
      'Giải trình:',
      '5. Ý kiến khác: Nhiệt tình tham gia xây dựng nhà văn hóa khối.',
      'Ghi chú đối chiếu số liệu:',
      '“tham gia đầy đủ”',
      'TRƯỞNG BAN CÔNG TÁC MẶT TRẬN',
      'T/M CHI ỦY BÍ THƯ Trần Đức Thắng',
      'XÁC NHẬN CỦA ĐẢNG ỦY PHƯỜNG',
      'Ngày 23 tháng 11 năm 2026 T/M ĐẢNG ỦY BÍ THƯ',
      'Phạm Văn Bình',
      '7KQ2-MX4P-R9TD',
    ])
      expect(flat).toContain(expected);
    // the chosen level is set in bold next to its ticked box, the others in regular
    expect(fontOf(pdf, 'Tốt')).toBe('NotoSerif-Bold');
    expect(fontOf(pdf, 'Chưa')).toBe('NotoSerif-Regular');
    expect(fontOf(pdf, 'Đề nghị khen thưởng')).toBe('NotoSerif-Bold');
    expect(latin1(pdf)).toContain('/Subtype /Image');
    expect(hasTranslucency(pdf)).toBe(false);
  });

  it('marks an unconfirmed exempt form as a draft, without QR, with blanks to fill in', async () => {
    const pdf = await renderEvaluationPdf(exemptDraft);
    expect(pageCount(pdf)).toBe(1);
    expect(hasTranslucency(pdf)).toBe(true);
    expect(latin1(pdf)).not.toContain('/Subtype /Image');
    const { text, missingGlyphs } = pdfText(pdf);
    expect(missingGlyphs).toBe(0);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('ĐẢNG VIÊN ĐƯỢC MIỄN SINH HOẠT NƠI CƯ TRÚ');
    expect(flat).toContain('(Năm 2026 – nhận xét phục vụ: bổ nhiệm, giới thiệu ứng cử)');
    expect(flat).toMatch(/4\. Ý kiến khác: \.{10,}/);
    expect(flat).toContain('Thành Vinh, ngày …… tháng …… năm ……');
    expect(flat).toContain('(Ký tên, đóng dấu)');
    expect(flat).not.toContain('Mã xác thực');
    expect(flat).not.toContain('Ghi chú đối chiếu số liệu');
  });

  it('would notice a character the font lacks (the check can fail)', async () => {
    const pdf = await renderEvaluationPdf(confirmedForm({ otherComments: 'Có ☒ ở đây' }));
    expect(pdfText(pdf).missingGlyphs).toBeGreaterThan(0);
  });

  it('continues a long form on numbered pages, never leaving the signatures alone', async () => {
    const long =
      'Đồng chí tích cực tham gia các phong trào của khu dân cư, vận động gia đình chấp hành tốt quy định. '.repeat(
        20,
      );
    const pdf = await renderEvaluationPdf(confirmedForm({ otherComments: long }));
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
    const { runs } = pdfText(pdf);
    const signed = runs.find((r) => r.text === 'T/M CHI ỦY')!.page;
    expect(signed).toBeGreaterThan(1);
    const onSignedPage = runs.filter((r) => r.page === signed).map((r) => r.text.trim());
    // the continuation page carries its number, and some of the comments go with the signatures
    expect(onSignedPage).toContain(String(signed));
    expect(onSignedPage.some((t) => t.includes('phong trào'))).toBe(true);
  });

  it('starts each form of a batch on a new page', async () => {
    const one = pageCount(await renderEvaluationPdf(confirmedForm()));
    const pdf = await renderEvaluationsPdf([
      confirmedForm(),
      exemptDraft,
      confirmedForm({ member: { ...confirmedForm().member, fullName: 'Trần Thị Bình' } }),
    ]);
    expect(pageCount(pdf)).toBe(one * 2 + 1);
    const text = pdfText(pdf).text;
    expect(text).toContain('NGUYỄN VĂN AN');
    expect(text).toContain('LÊ THỊ HƯỜNG');
    expect(text).toContain('TRẦN THỊ BÌNH');
  });

  it('refuses an empty batch', async () => {
    await expect(renderEvaluationsPdf([])).rejects.toThrow(RangeError);
  });
});

describe('evaluation form DOCX', () => {
  it('is a Word zip with the member, every level and the chosen one ticked, and the QR image', async () => {
    const docx = await renderEvaluationDocx(confirmedForm());
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const files = unzip(docx);
    expect(files.has('word/document.xml')).toBe(true);
    const text = docxText(docx);
    expect(text).toContain('NGUYỄN VĂN AN');
    expect(text).toContain('☒ Tốt\n☐ Có\n☐ Chưa');
    expect(text).toContain('☐ Thường xuyên, tích cực\n☒ Thường xuyên\n☐ Không thường xuyên');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('Thành Vinh, ngày 21 tháng 11 năm 2026');
    expect(text).toContain('XÁC NHẬN CỦA ĐẢNG ỦY PHƯỜNG');
    expect(text).toContain('Mã xác thực: 7KQ2-MX4P-R9TD');
    expect(text).not.toContain('DỰ THẢO');
    expect([...files.keys()].some((name) => name.startsWith('word/media/') && name.endsWith('.png'))).toBe(
      true,
    );
  });

  it('marks a draft and leaves the confirmation to be signed by hand', async () => {
    const text = docxText(await renderEvaluationDocx(exemptDraft));
    expect(text).toContain('DỰ THẢO');
    expect(text).toContain('LÊ THỊ HƯỜNG');
    expect(text).toContain('☐ Tốt\n☒ Có\n☐ Chưa');
    expect(text).toContain('(Ký tên, đóng dấu)');
    expect(text).not.toContain('Mã xác thực');
  });
});

describe('evidence on the paper when the cell held no meeting', () => {
  const noMeeting = confirmedForm({
    checks: [
      {
        criterion: 3,
        label: 'Đánh giá "thường xuyên, tích cực" nhưng chưa dự buổi sinh hoạt nào',
        metric: 'meetingsAttended',
        actual: 0,
        noMeetingHeld: true,
      },
      {
        criterion: 2,
        label: 'Tỷ lệ dự sinh hoạt',
        metric: 'attendanceRate',
        actual: 100,
        noMeetingHeld: true,
      },
    ],
  });

  it('says "no meeting held" instead of a rate or a count, in the PDF and the DOCX', async () => {
    const pdf = pdfText(await renderEvaluationPdf(noMeeting)).text.replace(/\s+/g, ' ');
    const docx = docxText(await renderEvaluationDocx(noMeeting)).replace(/\s+/g, ' ');
    for (const text of [pdf, docx]) {
      expect(text).toContain('(số liệu theo dõi: chi bộ chưa tổ chức buổi sinh hoạt nào trong năm)');
      expect(text).not.toContain('100%');
      expect(text).not.toContain('dự 0 buổi');
    }
  });

  it('still gives the figures of a year with meetings', async () => {
    const held = confirmedForm({
      checks: [
        {
          criterion: 2,
          label: 'Tỷ lệ dự sinh hoạt',
          metric: 'attendanceRate',
          actual: 50,
          noMeetingHeld: false,
        },
      ],
    });
    expect(docxText(await renderEvaluationDocx(held)).replace(/\s+/g, ' ')).toContain(
      'tỷ lệ dự sinh hoạt 50%',
    );
  });
});
