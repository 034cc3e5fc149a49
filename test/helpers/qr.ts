/**
 * Reads the QR code printed on a poster the way a phone would: from pixels. PDFs are rasterised by
 * poppler's pdftoppm (Debian package poppler-utils, installed by .ci/run), SVGs by Chromium; the
 * image is decoded by jsQR.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { launchBrowser } from './browser.ts';

/** The text of the QR code in a PNG image; throws when no code can be read. */
export function decodeQrPng(png: Buffer): string {
  const image = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height);
  if (!code) throw new Error(`no readable QR code in the ${image.width}x${image.height} image`);
  return code.data;
}

/** The first page of a PDF as a PNG, at `dpi`. */
export function rasterisePdf(pdf: Buffer, dpi = 100): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-qr-'));
  try {
    const input = path.join(dir, 'poster.pdf');
    fs.writeFileSync(input, pdf);
    try {
      execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', input, path.join(dir, 'page')], { stdio: 'pipe' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('pdftoppm not found: install the Debian package poppler-utils (.ci/run does)', { cause: err });
      throw err;
    }
    return fs.readFileSync(path.join(dir, 'page.png'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the QR code on the first page of a PDF. */
export const decodeQrPdf = (pdf: Buffer): string => decodeQrPng(rasterisePdf(pdf));

/** The text of the QR code in an SVG document, rendered by Chromium at A4 size, 96 dpi. */
export async function decodeQrSvg(svg: string): Promise<string> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    await page.setContent(`<!doctype html><body style="margin:0;background:#fff">${svg.replace(/^<\?xml[^>]*>/, '')}</body>`);
    return decodeQrPng(await page.screenshot({ fullPage: true }));
  } finally {
    await browser.close();
  }
}
