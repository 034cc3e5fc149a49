/**
 * CSV export of chart and table data. Cells are safe to open in spreadsheet programs: text that
 * starts with a formula trigger (= + - @ tab CR) gets a leading apostrophe (OWASP "CSV injection").
 */

/** A cell as it comes from chart data: numbers stay numbers, missing values are empty. */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/**
 * One CSV field. Real numbers are written as they are (a negative number is data, not a formula);
 * text beginning with a formula trigger is neutralised with a leading `'`; fields with separators,
 * quotes or line breaks are quoted.
 */
export function escapeCsvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (typeof value === 'string' && text.length > 0 && FORMULA_TRIGGERS.includes(text[0])) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document (CRLF line ends, RFC 4180) from a header row and data rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(escapeCsvCell).join(',')).join('\r\n') + '\r\n';
}

/** A file name made only of safe characters, so a survey name cannot inject a path or header. */
export function safeFileName(base: string, ext: string): string {
  const cleaned = base
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${cleaned || 'chart'}.${ext}`;
}
