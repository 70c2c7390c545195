import { inflateRawSync, inflateSync } from 'node:zlib';

/**
 * Test helpers to read generated documents without the fonts or a PDF tool: the PDF's text through its
 * fonts' ToUnicode maps (what a reader copies out), and the files inside a DOCX zip.
 */

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const m of s.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const start = at + (body[at + 6] === '\r' ? 8 : 7);
    const raw = Buffer.from(body.slice(start, body.lastIndexOf('endstream')), 'latin1');
    const dict = body.slice(0, at);
    let stream: Buffer | null = raw;
    if (dict.includes('/FlateDecode')) {
      try {
        stream = inflateSync(raw);
      } catch {
        stream = null;
      }
    }
    objects.set(Number(m[1]), { dict, stream });
  }
  return objects;
}

const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');

/** glyph id → text, from a ToUnicode CMap (the bfrange/bfchar forms PDFKit writes) */
function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const m of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
    const lo = parseInt(m[1]!, 16);
    [...m[3]!.matchAll(/<([0-9a-f]+)>/gi)].forEach((d, i) => map.set(lo + i, utf16(d[1]!)));
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi))
      map.set(parseInt(m[1]!, 16), utf16(m[2]!));
  return map;
}

export interface PdfTextResult {
  /** the text, one line per text object */
  text: string;
  /** each text object with its font's base name (e.g. "NotoSerif-Bold") and its page (1-based) */
  runs: { font: string; text: string; page: number }[];
  /** glyphs drawn with glyph id 0 (.notdef): characters the font does not have */
  missingGlyphs: number;
}

/** The text a reader would copy out of a PDFKit PDF, and how many glyphs were missing from the font. */
export function pdfText(pdf: Buffer): PdfTextResult {
  const objects = pdfObjects(pdf);
  const s = pdf.toString('latin1');
  const fontObject = new Map<string, number>();
  for (const m of s.matchAll(/\/(F\d+) (\d+) 0 R/g)) fontObject.set(m[1]!, Number(m[2]));
  const cmaps = new Map<string, Map<number, string>>();
  const baseFont = new Map<string, string>();
  for (const [name, id] of fontObject) {
    baseFont.set(name, /\/BaseFont \/(?:[A-Z]+\+)?(\S+)/.exec(objects.get(id)?.dict ?? '')?.[1] ?? name);
    const ref = /\/ToUnicode (\d+) 0 R/.exec(objects.get(id)?.dict ?? '');
    const stream = ref ? objects.get(Number(ref[1]))?.stream : null;
    if (stream) cmaps.set(name, parseCmap(stream.toString('latin1')));
  }
  const runs: PdfTextResult['runs'] = [];
  let missingGlyphs = 0;
  let page = 0;
  // PDFKit writes one content stream per page, in page order
  for (const { stream } of objects.values()) {
    const content = stream?.toString('latin1') ?? '';
    if (!content.includes(' TJ')) continue;
    page++;
    let cmap = new Map<number, string>();
    let font = '';
    for (const m of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[-\d.\s])*)\] TJ/gi)) {
      if (m[1]) {
        cmap = cmaps.get(m[1]) ?? new Map();
        font = baseFont.get(m[1]) ?? m[1];
        continue;
      }
      let line = '';
      for (const part of m[2]!.matchAll(/<([0-9a-f]*)>|(-?[\d.]+)/gi)) {
        if (part[2] !== undefined) {
          // a large negative adjustment is a justified word space
          if (Number(part[2]) < -100) line += ' ';
          continue;
        }
        for (const gid of part[1]!.match(/.{4}/g) ?? []) {
          const id = parseInt(gid, 16);
          if (id === 0) missingGlyphs++;
          line += cmap.get(id) ?? '\ufffd';
        }
      }
      runs.push({ font, text: line, page });
    }
  }
  return { text: runs.map((r) => r.text).join('\n'), runs, missingGlyphs };
}

/** Just enough of a zip reader (central directory + deflate) to look inside a .docx. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = zip.readUInt16LE(eocd + 10);
  const files = new Map<string, Buffer>();
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const skip = nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(raw) : raw);
    p += 46 + skip;
  }
  return files;
}

/** The visible text of a DOCX body (runs joined per paragraph). */
export function docxText(docx: Buffer): string {
  const xml = unzip(docx).get('word/document.xml')?.toString('utf8') ?? '';
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean)
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
