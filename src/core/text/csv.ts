/**
 * @module The one rule for CSV exports (dashboard charts and tables). A CSV file is opened by
 * spreadsheet programs that may split it on `,`, `;` (Russian and other European Excel) or tab, so
 * a value is safe only if no piece of it can become a cell that starts a formula:
 * - every field is quoted with `"`, and a `"` inside it is doubled (RFC 4180);
 * - text is neutralised with an apostrophe (OWASP "CSV injection") before a formula trigger
 *   (= + - @ tab CR) at the start of the value and after every `,` `;` tab CR or LF inside it,
 *   spaces in between included: `Shop;=1+1` is written `"Shop;'=1+1"`, and a program that splits
 *   on `;` sees the text `'=1+1`;
 * - numbers we produce ourselves (JavaScript numbers, e.g. an NPS of -5) are data, never formulas:
 *   they are written as plain decimals, quoted like every field (`"-5"`); spreadsheets read a
 *   quoted number as a number. Non-finite numbers and missing values are empty fields (`""`).
 */

/** A cell as it comes from chart data: numbers stay numbers, missing values are empty. */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
/** Characters after which a spreadsheet may start a new cell (or row) when it splits the value. */
const CELL_SEPARATORS = new Set([',', ';', '\t', '\r', '\n']);

/** Text with an apostrophe before every formula trigger that could begin a spreadsheet cell. */
export function neutraliseFormulas(text: string): string {
  let out = '';
  let cellStart = true;
  for (const c of text) {
    if (cellStart && c === ' ') {
      out += c;
      continue;
    }
    if (cellStart && FORMULA_TRIGGERS.has(c)) out += "'";
    out += c;
    cellStart = CELL_SEPARATORS.has(c);
  }
  return out;
}

/**
 * The inverse of neutraliseFormulas for a file coming back (translation files): the apostrophe it put before a
 * formula trigger at a cell start is removed, so an exported and re-imported text is unchanged.
 */
export function restoreFormulas(text: string): string {
  let out = '';
  let cellStart = true;
  const chars = [...text];
  chars.forEach((c, i) => {
    if (cellStart && c === ' ') {
      out += c;
      return;
    }
    const dropped = cellStart && c === "'" && FORMULA_TRIGGERS.has(chars[i + 1] ?? '');
    if (!dropped) out += c;
    cellStart = dropped || CELL_SEPARATORS.has(c);
  });
  return out;
}

/** One CSV field, always quoted (see the module rule). */
export function escapeCsvCell(value: CsvCell): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else text = neutraliseFormulas(String(value));
  return `"${text.replace(/"/g, '""')}"`;
}

/** A whole CSV document (CRLF line ends, RFC 4180) from a header row and data rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(escapeCsvCell).join(',')).join('\r\n') + '\r\n';
}
