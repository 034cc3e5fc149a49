/**
 * Organisation branding rules (docs/api.md "Branding"): the accent colour and the text colour that stays
 * readable on it (WCAG 2.1 contrast), and which logo files are accepted.
 */

/** An accent colour as stored: `#rrggbb`, lower case. */
export const ACCENT_COLOR_RE = /^#[0-9a-f]{6}$/;

/**
 * Black and white: the two candidates for text on the accent. Black, not the page's softer #1b1d21: with
 * that one, mid greys (#787878) reach only 4.4:1 either way.
 */
export const DARK_TEXT = '#000000';
export const LIGHT_TEXT = '#ffffff';

/** WCAG AA for normal text. */
export const AA_CONTRAST = 4.5;

/** Relative luminance of an sRGB `#rrggbb` colour (WCAG 2.1 definition). */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Contrast ratio of two colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/**
 * The text colour for buttons filled with `accent`: white or black, whichever contrasts more. One of
 * the two always reaches AA (4.5:1): the worst case, luminance 0.179, gives 4.58:1 with both.
 */
export function readableTextOn(accent: string): string {
  return contrastRatio(accent, LIGHT_TEXT) >= contrastRatio(accent, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
}

/** Large text (posters' call to action) needs 3:1 for WCAG AA. */
export const AA_LARGE_CONTRAST = 3;

/**
 * The colour for large text and frames on a white poster: the accent when it keeps 3:1 against white,
 * else black (a pale accent would fade on paper).
 */
export function accentOnWhite(accent: string): string {
  return contrastRatio(accent, LIGHT_TEXT) >= AA_LARGE_CONTRAST ? accent : DARK_TEXT;
}

/** Logo formats accepted, recognised by their first bytes (the declared type is not trusted). SVG is refused: it can carry script. */
export type LogoType = 'image/png' | 'image/jpeg';

export const MAX_LOGO_BYTES = 200 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

/** The image type by magic bytes, or null for anything else (SVG, GIF, text, truncated files). */
export function detectLogoType(bytes: Uint8Array): LogoType | null {
  const startsWith = (sig: number[]) => bytes.length > sig.length && sig.every((b, i) => bytes[i] === b);
  if (startsWith(PNG_SIGNATURE)) return 'image/png';
  if (startsWith(JPEG_SIGNATURE)) return 'image/jpeg';
  return null;
}
