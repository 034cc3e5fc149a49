import { describe, expect, it } from 'vitest';
import { posterFontPath, renderPosterPdf } from './pdfPoster.ts';
import { qrMatrix } from './links.ts';
import { decodeQrPdf } from '../../../test/helpers/qr.ts';

const url = 'https://survey.example/s/visit-ab12cd?loc=S-01&channel=qr';
const input = (lang: string, title: string, locationName: string) => ({
  lang,
  title,
  locationName,
  url,
  shortUrl: 'survey.example/s/visit-ab12cd?loc=S-01',
  qr: qrMatrix(url),
});

describe('PDF poster', () => {
  it('renders an A4 PDF whose QR code reads as the survey link', async () => {
    const pdf = await renderPosterPdf(input('en', 'Your visit', 'Main street'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    // Rasterised and read from pixels, as a phone would.
    expect(decodeQrPdf(pdf)).toBe('https://survey.example/s/visit-ab12cd?loc=S-01&channel=qr');
  });

  it('falls back to Latin-only text without a Unicode font instead of failing', async () => {
    const pdf = await renderPosterPdf(input('fa', 'بازدید شما', 'فروشگاه'), null);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/Helvetica');
    expect(decodeQrPdf(pdf)).toBe('https://survey.example/s/visit-ab12cd?loc=S-01&channel=qr');
  });

  it('embeds DejaVu Sans for Russian and Persian posters (needs fonts-dejavu-core)', async () => {
    // Fails rather than skips without the font: CI installs it (.ci/run), and production posters need it.
    const font = posterFontPath();
    expect(font, 'DejaVu Sans not found: install the Debian package fonts-dejavu-core').toBeTruthy();
    for (const [lang, title, loc] of [['ru', 'Ваш визит', 'Магазин'], ['fa', 'بازدید شما', 'فروشگاه']]) {
      const pdf = await renderPosterPdf(input(lang, title, loc), font);
      expect(pdf.toString('latin1'), lang).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans/);
    }
  });
});
