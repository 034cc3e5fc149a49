/**
 * @module What the file readers share (reviews: src/server/reviews/readReviewFile.ts; support events:
 * src/server/support/readEventFile.ts): header clean-up, the CSV delimiter of a header line, exceljs
 * cell values and loading exceljs on first use.
 *
 * Exports: `cleanHeaders`, `csvDelimiter`, `excelCell`, `loadExcelJS`.
 */
import type ExcelJS from 'exceljs';
import type { CellValue } from '../../core/reviews/importRows.ts';

// exceljs takes 0.3-0.5 s to load: loaded by the first XLSX file instead of at every server start.
export const loadExcelJS = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;

/** Header names made usable: trimmed, empty ones named by position, repeated ones numbered. */
export function cleanHeaders(raw: readonly unknown[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    let name = (h === null || h === undefined ? '' : String(h)).trim().slice(0, 200) || `column ${i + 1}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count > 1) name = `${name} (${count})`;
    return name;
  });
}

/** The delimiter used most in the header line, quotes aside: `,`, `;` or tab. */
export function csvDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c]++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return n > 0 ? best : ',';
}

/** An exceljs cell value as text, number or date (formulas as their result, rich text and links as their text). */
export function excelCell(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return excelCell(v.result as ExcelJS.CellValue);
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return null;
  }
  return String(v);
}
