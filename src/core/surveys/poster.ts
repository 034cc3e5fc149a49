/**
 * @module Printable QR posters (A4, SVG): survey title, a call to action in the poster's language, a
 * large vector QR code, the location's name and a short URL to type in. Pure: the QR module matrix is
 * computed by the caller. Every user-provided string goes through escapeXml (src/core/text/xml.ts).
 */
import { directionOf } from '../i18n/languages.ts';
import { escapeXml } from '../text/xml.ts';

/** A QR code as a square matrix of modules (true = dark). */
export interface QrMatrix {
  size: number;
  isDark(row: number, col: number): boolean;
}

export interface PosterTexts {
  cta: string;
  scan: string;
  orOpen: string;
}

/** Poster wording per interface language; unknown languages fall back to English. */
export const POSTER_TEXTS: Record<string, PosterTexts> = {
  en: { cta: 'Tell us how we did!', scan: 'Scan the code with your phone camera', orOpen: 'or open' },
  ru: { cta: 'Расскажите, как мы работаем!', scan: 'Наведите камеру телефона на код', orOpen: 'или откройте' },
  fa: { cta: 'بگویید عملکرد ما چطور بود!', scan: 'کد را با دوربین گوشی خود اسکن کنید', orOpen: 'یا باز کنید' },
};

export function posterTexts(lang: string): PosterTexts {
  return POSTER_TEXTS[lang] ?? POSTER_TEXTS.en;
}

export interface PosterInput {
  lang: string;
  title: string;
  locationName: string | null;
  /** The address encoded in the QR code. */
  url: string;
  /** The address printed under the code, for people who type it in. */
  shortUrl: string;
  qr: QrMatrix;
  /** The organisation's branding: frame and call-to-action colour (already readable on white), and logo. */
  brand?: PosterBrand;
}

export interface PosterBrand {
  /** Colour of the top bar, the frame and the call to action (accentOnWhite of the accent). */
  color: string;
  /** PNG or JPEG logo, drawn centred above the title. */
  logo: { type: 'image/png' | 'image/jpeg'; base64: string } | null;
}

/** The posters' own blue, without branding. */
export const POSTER_DEFAULT_COLOR = '#1a56db';

/** Millimetres the title block moves down to make room for a logo (logo box: y 11-25, 60 mm wide). */
export const POSTER_LOGO = { top: 11, height: 14, width: 60, shift: 10 } as const;

/** Splits text into lines of at most `max` characters, breaking between words where possible. */
export function wrapText(text: string, max: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= max || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, max - 1)}…`;
    return kept;
  }
  return lines.map((l) => (l.length > max ? `${l.slice(0, max - 1)}…` : l));
}

/** The dark modules as one SVG path in module units (one `h1v1h-1z` square per module, merged per run). */
export function qrPath(qr: QrMatrix): string {
  const parts: string[] = [];
  for (let r = 0; r < qr.size; r++) {
    let c = 0;
    while (c < qr.size) {
      if (!qr.isDark(r, c)) {
        c++;
        continue;
      }
      let run = 1;
      while (c + run < qr.size && qr.isDark(r, c + run)) run++;
      parts.push(`M${c} ${r}h${run}v1h-${run}z`);
      c += run;
    }
  }
  return parts.join('');
}

const PAGE_W = 210;
const PAGE_H = 297;
const QR_SIZE = 140;
const FONT = `'DejaVu Sans', 'Noto Sans', Vazirmatn, Tahoma, Arial, sans-serif`;

/** Builds an A4 poster as a standalone SVG document (millimetre user units). */
export function buildPosterSvg(input: PosterInput): string {
  const rtl = directionOf(input.lang) === 'rtl';
  const texts = posterTexts(input.lang);
  const dir = rtl ? ` direction="rtl" unicode-bidi="embed"` : '';
  const line = (y: number, size: number, value: string, extra = '') =>
    `<text x="${PAGE_W / 2}" y="${y}" font-size="${size}" text-anchor="middle"${dir}${extra}>${escapeXml(value)}</text>`;

  const color = input.brand?.color ?? POSTER_DEFAULT_COLOR;
  const logo = input.brand?.logo;
  const top = 28 + (logo ? POSTER_LOGO.shift : 0);
  const titleLines = wrapText(input.title, 26, 2);
  const body: string[] = [];
  if (logo) {
    const href = `data:${logo.type};base64,${logo.base64}`;
    body.push(
      `<image x="${(PAGE_W - POSTER_LOGO.width) / 2}" y="${POSTER_LOGO.top}" width="${POSTER_LOGO.width}" height="${POSTER_LOGO.height}" ` +
        `preserveAspectRatio="xMidYMid meet" href="${escapeXml(href)}"/>`,
    );
  }
  titleLines.forEach((l, i) => body.push(line(top + i * 12, 10, l, ' font-weight="bold"')));
  body.push(line(top + titleLines.length * 12 + 2, 7.5, texts.cta, ` fill="${color}"`));

  const qrTop = 78;
  const quiet = 2; // modules of white margin inside the frame; the white page adds the rest
  const scale = QR_SIZE / (input.qr.size + quiet * 2);
  const qrLeft = (PAGE_W - QR_SIZE) / 2;
  body.push(
    `<rect x="${qrLeft - 3}" y="${qrTop - 3}" width="${QR_SIZE + 6}" height="${QR_SIZE + 6}" rx="4" fill="#fff" stroke="${color}" stroke-width="1"/>`,
    `<path class="qr" transform="translate(${qrLeft} ${qrTop}) scale(${scale.toFixed(5)}) translate(${quiet} ${quiet})" ` +
      `d="${qrPath(input.qr)}" fill="#000" shape-rendering="crispEdges"/>`,
  );
  body.push(line(qrTop + QR_SIZE + 14, 6, texts.scan));
  if (input.locationName) {
    wrapText(input.locationName, 36, 2).forEach((l, i) => body.push(line(qrTop + QR_SIZE + 30 + i * 9, 8, l, ' font-weight="bold"')));
  }
  // The URL is always left-to-right, even on a Persian poster.
  body.push(
    `<text x="${PAGE_W / 2}" y="${PAGE_H - 18}" font-size="5" text-anchor="middle" fill="#444"${dir}>${escapeXml(texts.orOpen)} ` +
      `<tspan direction="ltr" unicode-bidi="embed" font-family="'DejaVu Sans Mono', monospace">${escapeXml(input.shortUrl)}</tspan></text>`,
  );

  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE_W}mm" height="${PAGE_H}mm" viewBox="0 0 ${PAGE_W} ${PAGE_H}" ` +
      `xml:lang="${escapeXml(input.lang)}" font-family="${escapeXml(FONT)}" data-url="${escapeXml(input.url)}">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<rect width="${PAGE_W}" height="${PAGE_H}" fill="#fff"/>`,
    `<rect width="${PAGE_W}" height="8" fill="${color}"/>`,
    ...body,
    `</svg>`,
  ].join('\n');
}
