import { describe, expect, it } from 'vitest';
import { posterFontPath, renderPosterPdf } from './pdfPoster.ts';
import { qrMatrix } from './links.ts';

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
  it('renders an A4 PDF with the QR drawn as rectangles', async () => {
    const pdf = await renderPosterPdf(input('en', 'Your visit', 'Main street'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  it('falls back to Latin-only text without a Unicode font instead of failing', async () => {
    const pdf = await renderPosterPdf(input('fa', 'بازدید شما', 'فروشگاه'), null);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/Helvetica');
  });

  const font = posterFontPath();
  it.skipIf(!font)('embeds DejaVu Sans for Russian and Persian posters (needs fonts-dejavu-core)', async () => {
    for (const [lang, title, loc] of [['ru', 'Ваш визит', 'Магазин'], ['fa', 'بازدید شما', 'فروشگاه']]) {
      const pdf = await renderPosterPdf(input(lang, title, loc), font);
      expect(pdf.toString('latin1'), lang).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans/);
    }
  });
});
