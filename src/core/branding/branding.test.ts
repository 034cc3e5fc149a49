import { describe, expect, it } from 'vitest';
import { accentOnWhite, contrastRatio, detectLogoType, readableTextOn, relativeLuminance } from './branding.ts';

describe('contrast (WCAG 2.1)', () => {
  it('computes luminance and ratios of known colours', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    // 0x80 = 128: (128/255 + 0.055) / 1.055 = 0.5271..., ^2.4 = 0.2158...
    expect(relativeLuminance('#808080')).toBeCloseTo(0.2158605, 6);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 10);
    // Pure red: L = 0.2126, (1.05) / (0.2626) = 3.998...
    expect(contrastRatio('#ff0000', '#ffffff')).toBeCloseTo(3.998, 3);
  });

  it('puts white on dark accents and black on light ones', () => {
    expect(readableTextOn('#0b57d0')).toBe('#ffffff');
    expect(readableTextOn('#000000')).toBe('#ffffff');
    expect(readableTextOn('#ffd400')).toBe('#000000');
    expect(readableTextOn('#ffffff')).toBe('#000000');
    // Pure red: white gives 1.05 / 0.2626 = 4.00:1, black 0.2626 / 0.05 = 5.25:1.
    expect(readableTextOn('#ff0000')).toBe('#000000');
  });

  it('reaches AA (4.5:1) on every grey and primary', () => {
    for (let v = 0; v <= 255; v += 5) {
      const grey = `#${v.toString(16).padStart(2, '0').repeat(3)}`;
      expect(contrastRatio(grey, readableTextOn(grey)), grey).toBeGreaterThanOrEqual(4.5);
    }
    for (const c of ['#00ff00', '#0000ff', '#00ffff', '#ff00ff', '#777777', '#787878', '#767676']) {
      expect(contrastRatio(c, readableTextOn(c)), c).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('accentOnWhite', () => {
  it('keeps accents that reach 3:1 on white and turns pale ones black', () => {
    // #1a56db: L = 0.1199, 1.05 / 0.1699 = 6.18:1.
    expect(accentOnWhite('#1a56db')).toBe('#1a56db');
    // Pure red: 4.00:1.
    expect(accentOnWhite('#ff0000')).toBe('#ff0000');
    // #ffd400: L = 0.6868, 1.05 / 0.7368 = 1.43:1.
    expect(accentOnWhite('#ffd400')).toBe('#000000');
    // #949494 (148): L = 0.2961, 1.05 / 0.3461 = 3.03:1; #959595 (149): L = 0.3005, 1.05 / 0.3505 = 2.996:1.
    expect(accentOnWhite('#949494')).toBe('#949494');
    expect(accentOnWhite('#959595')).toBe('#000000');
  });
});

describe('detectLogoType', () => {
  const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0]);
  it('recognises PNG and JPEG by their signatures', () => {
    expect(detectLogoType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(detectLogoType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
  });
  it('refuses SVG, GIF, text and truncated files', () => {
    expect(detectLogoType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(detectLogoType(new TextEncoder().encode('GIF89a......'))).toBeNull();
    expect(detectLogoType(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(detectLogoType(new Uint8Array([]))).toBeNull();
  });
});
