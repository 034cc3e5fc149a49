/**
 * The A4 poster as PDF (pdfkit). The QR code is drawn from the module matrix as rectangles, so it
 * stays sharp at any print size. pdfkit's built-in fonts are Latin-1 only: for Russian and Persian we
 * embed DejaVu Sans (Debian package fonts-dejavu-core); without it the poster falls back to English
 * wording and replaces characters the built-in font cannot draw.
 */
import fs from 'node:fs';
import { POSTER_DEFAULT_COLOR, POSTER_LOGO, posterTexts, wrapText, type PosterInput } from '../../core/surveys/poster.ts';
import { directionOf } from '../../core/i18n/languages.ts';
import { removeXmlInvalidChars } from '../../core/text/xml.ts';

const FONT_CANDIDATES = [
  process.env.SARAFAN_POSTER_FONT,
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
].filter((p): p is string => !!p);

const MM = 72 / 25.4;

// pdfkit (with fontkit) takes 0.2-0.6 s to load: loaded by the first PDF poster instead of at every server start.
const loadPdfKit = async () => (await import('pdfkit')).default;

/** Path of a Unicode TTF font for posters, or null when none is installed. */
export function posterFontPath(): string | null {
  return FONT_CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

/** Renders the poster; resolves to the PDF bytes. `fontPath` null forces the Latin-only fallback. */
export async function renderPosterPdf(input: PosterInput, fontPath: string | null = posterFontPath()): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const lang = fontPath ? input.lang : 'en';
  // Control characters have no glyph: dropped as in the SVG poster instead of drawn as boxes or '?'.
  const latin = (s: string) => {
    const drawable = removeXmlInvalidChars(s);
    return fontPath ? drawable : drawable.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
  };
  const rtl = directionOf(lang) === 'rtl';
  const texts = posterTexts(lang);
  const doc = new PDFDocument({ size: 'A4', margin: 0, info: { Title: latin(input.title) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const boldPath = fontPath?.replace(/\.ttf$/i, '-Bold.ttf');
  const regular = fontPath ?? 'Helvetica';
  const bold = boldPath && fs.existsSync(boldPath) ? boldPath : fontPath ? fontPath : 'Helvetica-Bold';
  doc.font(regular);
  const pageW = doc.page.width;

  // An explicit features list makes pdfkit shape the whole line in one run, so fontkit lays Persian
  // out right to left with joined letter forms (word-by-word layout would reverse the word order).
  const line = (text: string, yMm: number, size: number, color = '#000', font = regular) =>
    doc
      .font(font)
      .fillColor(color)
      .fontSize(size)
      .text(latin(text), 0, yMm * MM, { width: pageW, align: 'center', lineBreak: false, ...(rtl ? { features: [] } : {}) });

  const color = input.brand?.color ?? POSTER_DEFAULT_COLOR;
  const logo = input.brand?.logo;
  doc.rect(0, 0, pageW, 8 * MM).fill(color);
  if (logo) {
    const box = [POSTER_LOGO.width * MM, POSTER_LOGO.height * MM] as [number, number];
    doc.image(Buffer.from(logo.base64, 'base64'), (pageW - box[0]) / 2, POSTER_LOGO.top * MM, { fit: box, align: 'center', valign: 'center' });
  }
  const top = 20 + (logo ? POSTER_LOGO.shift : 0);
  const titleLines = wrapText(input.title, 26, 2);
  titleLines.forEach((l, i) => line(l, top + i * 12, 28, '#000', bold));
  line(texts.cta, top + 1 + titleLines.length * 12, 20, color);

  const qrTop = 78 * MM;
  const qrSize = 140 * MM;
  const quiet = 2;
  const cell = qrSize / (input.qr.size + quiet * 2);
  const left = (pageW - qrSize) / 2;
  doc.roundedRect(left - 3 * MM, qrTop - 3 * MM, qrSize + 6 * MM, qrSize + 6 * MM, 4 * MM).lineWidth(1 * MM).stroke(color);
  for (let r = 0; r < input.qr.size; r++) {
    for (let c = 0; c < input.qr.size; c++) {
      // Slight overlap avoids hairline gaps between neighbouring modules in some viewers.
      if (input.qr.isDark(r, c)) doc.rect(left + (c + quiet) * cell, qrTop + (r + quiet) * cell, cell + 0.2, cell + 0.2);
    }
  }
  doc.fill('#000');
  line(texts.scan, 78 + 140 + 9, 16);
  if (input.locationName) wrapText(input.locationName, 36, 2).forEach((l, i) => line(l, 78 + 140 + 23 + i * 9, 22, '#000', bold));
  // The URL is Latin: its own line, laid out left to right even on a Persian poster.
  line(texts.orOpen, 297 - 32, 13, '#444');
  doc.font(regular).fillColor('#444').fontSize(13).text(input.shortUrl, 0, (297 - 24) * MM, { width: pageW, align: 'center', lineBreak: false });
  doc.end();
  return done;
}
