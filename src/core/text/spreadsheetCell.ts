/**
 * Formula-safe spreadsheet text (CSV and XLSX exports). A cell whose text starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return may be run as a formula by Excel, LibreOffice or Google Sheets
 * (CSV injection, OWASP): such text gets a leading apostrophe, which spreadsheets show as text.
 * Numbers written as numbers are not text and need no neutralising.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** `text` as a spreadsheet shows it literally: prefixed with `'` when it could start a formula. */
export function spreadsheetSafeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
