import { describe, expect, it } from 'vitest';
import { unzip } from '../../documents/testing';
import {
  renderLetterDocx,
  renderLetterPdf,
  renderLettersPdf,
  type LetterDocumentData,
} from './letter-document';

function letter(overrides: Partial<LetterDocumentData> = {}): LetterDocumentData {
  return {
    number: '12-GGT/ĐU',
    superiorCommitteeName: 'Đảng bộ Khối Doanh nghiệp tỉnh Nghệ An',
    issuingCommitteeName: 'Đảng ủy Công ty Điện lực Nghệ An',
    place: 'Nghệ An',
    issuedOn: '2025-03-05',
    receivingCommuneName: 'Đảng ủy phường Thành Vinh',
    receivingCellName: 'Chi bộ khối 5',
    member: {
      fullName: 'Nguyễn Văn An',
      sex: 'male',
      dateOfBirth: '1985-07-14',
      dateAdmitted: '2010-05-19',
      dateOfficial: '2011-05-19',
      workplaceCellName: 'Chi bộ Phòng Kỹ thuật - An toàn',
      jobTitle: 'Phó Trưởng phòng Kỹ thuật',
      residenceAddress: 'Số 12, ngõ 7, đường Lê Hồng Phong, khối 5, phường Thành Vinh, tỉnh Nghệ An',
      registeredAddress: 'Xóm 3, xã Hưng Nguyên, tỉnh Nghệ An',
    },
    exempt: null,
    signer: { position: 'secretary', name: 'Trần Đức Thắng' },
    verification: { code: '7KQ2-MX4P-R9TD', url: 'http://localhost:3000/verify/7KQ2MX4PR9TD' },
    receipt: null,
    ...overrides,
  };
}

const exemptDraft = letter({
  number: null,
  issuedOn: null,
  superiorCommitteeName: null,
  receivingCellName: null,
  member: { ...letter().member, fullName: 'Lê Thị Hường', sex: 'female', dateOfficial: null, jobTitle: null },
  exempt: { reason: 'Tuổi cao, sức khỏe yếu', from: '2025-01-01', to: null },
  signer: null,
  verification: null,
});

// PDFKit compresses page content but not object dictionaries, so page and font objects are searchable.
const latin1 = (pdf: Buffer) => pdf.toString('latin1');
const pageCount = (pdf: Buffer) => latin1(pdf).match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
const baseFonts = (pdf: Buffer) => [...latin1(pdf).matchAll(/\/BaseFont \/(\S+)/g)].map((m) => m[1]);
// The draft watermark is the only translucent drawing, so its graphics state marks a draft.
const hasTranslucency = (pdf: Buffer) => /\/ca 0\.\d+/.test(latin1(pdf));

describe('introduction letter PDF', () => {
  it('renders a full letter on one A4 page with Noto Serif embedded', async () => {
    const pdf = await renderLetterPdf(
      letter({
        receipt: { receivedOn: '2025-03-12', cellName: 'Chi bộ khối 5', signerName: 'Phạm Văn Bình' },
      }),
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    expect(latin1(pdf)).toContain('/MediaBox [0 0 595.28 841.89]');
    const fonts = baseFonts(pdf);
    expect(fonts.some((f) => f.endsWith('+NotoSerif-Regular'))).toBe(true);
    expect(fonts.some((f) => f.endsWith('+NotoSerif-Bold'))).toBe(true);
    expect(fonts.some((f) => f.endsWith('+NotoSerif-Italic'))).toBe(true);
    // Never the standard 14 fonts: they cannot show Vietnamese.
    expect(fonts.every((f) => f.includes('NotoSerif'))).toBe(true);
    expect(latin1(pdf)).toContain('/Subtype /Image'); // the QR code
    expect(hasTranslucency(pdf)).toBe(false);
  });

  it('renders a draft for an exempt member, unsigned, without QR, with the draft watermark', async () => {
    const pdf = await renderLetterPdf(exemptDraft);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    expect(baseFonts(pdf).every((f) => f.includes('NotoSerif'))).toBe(true);
    expect(latin1(pdf)).not.toContain('/Subtype /Image');
    expect(hasTranslucency(pdf)).toBe(true);
  });

  it('continues onto further pages when the data is long instead of overlapping', async () => {
    const long = 'Số 12, ngõ 7, đường Lê Hồng Phong, khối 5, phường Thành Vinh, tỉnh Nghệ An. '.repeat(12);
    const pdf = await renderLetterPdf(
      letter({ member: { ...letter().member, residenceAddress: long }, exempt: exemptDraft.exempt }),
    );
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
  });

  it('puts a batch in one PDF, one letter per page', async () => {
    const pdf = await renderLettersPdf([
      letter(),
      exemptDraft,
      letter({ signer: { position: 'deputy_secretary', name: 'Hoàng Thị Mai' } }),
    ]);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(3);
    expect(pageCount(pdf)).toBe(3); // normal data fits one page each
  });

  it('refuses an empty batch', async () => {
    await expect(renderLettersPdf([])).rejects.toThrow(RangeError);
  });
});

describe('introduction letter DOCX', () => {
  it('is a Word zip with the letter text, dd/mm/yyyy dates and the QR image', async () => {
    const docx = await renderLetterDocx(letter());
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const files = unzip(docx);
    const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
    expect(xml).toContain('GIẤY GIỚI THIỆU');
    expect(xml).toContain('NGUYỄN VĂN AN');
    expect(xml).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(xml).toContain('Số 12-GGT/ĐU');
    expect(xml).toContain('Nghệ An, ngày 05 tháng 03 năm 2025');
    expect(xml).toContain('14/07/1985');
    expect(xml).toContain('Quy định số 213-QĐ/TW ngày 02/01/2020 của Bộ Chính trị');
    expect(xml).toContain('Mã xác thực: 7KQ2-MX4P-R9TD');
    expect(xml).toContain('PHẦN TIẾP NHẬN CỦA ĐẢNG ỦY XÃ, PHƯỜNG NƠI CƯ TRÚ');
    expect(xml).not.toContain('DỰ THẢO');
    expect([...files.keys()].some((name) => name.startsWith('word/media/') && name.endsWith('.png'))).toBe(
      true,
    );
    expect(files.get('word/styles.xml')?.toString('utf8')).toContain('Times New Roman');
  });

  it('marks a draft and an exemption, leaving blanks to fill in', async () => {
    const xml =
      unzip(await renderLetterDocx(exemptDraft))
        .get('word/document.xml')
        ?.toString('utf8') ?? '';
    expect(xml).toContain('LÊ THỊ HƯỜNG');
    expect(xml).toContain('DỰ THẢO');
    expect(xml).toContain('Thuộc diện miễn sinh hoạt nơi cư trú: Tuổi cao, sức khỏe yếu (từ 01/01/2025).');
    expect(xml).toContain('-GGT/ĐU');
    expect(xml).not.toContain('Số 12-GGT/ĐU');
    expect(xml).not.toContain('Mã xác thực');
  });
});
