/** The text layer (pdftotext) of a PDF, and of the PDF attached to a received mail. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ReceivedMail } from '../invitations/smtp.ts';

/** The PDF's text layer without the bidi controls pdftotext keeps (LRM, RLE, PDF, isolates). */
export function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-pdf-'));
  const file = path.join(dir, 'r.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF attached to a message (nodemailer writes it base64), or null when there is none. */
export function attachedPdf(mail: ReceivedMail): Buffer | null {
  const part = mail.raw.split(/\r?\n--[^\r\n]+/).find((p) => /content-type:\s*application\/pdf/i.test(p));
  if (!part) return null;
  const [, ...body] = part.split(/\r?\n\r?\n/);
  return Buffer.from(body.join('').replace(/\s+/g, ''), 'base64');
}
