import { describe, expect, it } from 'vitest';
import { buildPosterSvg, qrPath, wrapText, type QrMatrix } from './poster.ts';
import { escapeXml } from '../text/xml.ts';

/** A small checkerboard stands in for a real QR matrix. */
const checker = (size: number): QrMatrix => ({ size, isDark: (r, c) => (r + c) % 2 === 0 });
const full = (size: number): QrMatrix => ({ size, isDark: () => true });

const input = { lang: 'en', title: 'Your visit', locationName: 'Main street', url: 'https://x.test/s/visit?loc=S1&channel=qr', shortUrl: 'x.test/s/visit?loc=S1', qr: checker(5) };

describe('poster SVG', () => {
  it('escapes XML special characters', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
  });

  it('draws dark modules as one path, merging runs', () => {
    expect(qrPath(full(2))).toBe('M0 0h2v1h-2zM0 1h2v1h-2z');
    expect(qrPath(checker(3)).match(/M/g)).toHaveLength(5);
  });

  it('wraps long texts between words and shortens what does not fit', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('a b c d e f', 3, 2)).toEqual(['a b', 'c …']);
    expect(wrapText('abcdefghij', 5)).toEqual(['abcd…']);
  });

  it('builds an A4 document with title, call to action, QR, location and URL, all escaped', () => {
    const svg = buildPosterSvg({ ...input, title: 'Tom & <Jerry>', locationName: '<script>alert(1)</script>' });
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('width="210mm" height="297mm"');
    expect(svg).toContain('Tom &amp; &lt;Jerry&gt;');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('Tell us how we did!');
    expect(svg).toMatch(/<path class="qr"[^>]* d="M0 0h1v1h-1z/);
    expect(svg).toContain('x.test/s/visit?loc=S1');
    expect(svg).not.toContain('direction="rtl"');
  });

  it('lays Persian posters out right to left, Russian ones left to right', () => {
    const fa = buildPosterSvg({ ...input, lang: 'fa', title: 'بازدید شما' });
    expect(fa).toContain('xml:lang="fa"');
    expect(fa).toContain('direction="rtl"');
    expect(fa).toContain('کد را با دوربین');
    const ru = buildPosterSvg({ ...input, lang: 'ru', title: 'Ваш визит' });
    expect(ru).toContain('Расскажите, как мы работаем!');
    expect(ru).not.toContain('direction="rtl"');
  });
});
