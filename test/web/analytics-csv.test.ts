import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeCsvCell, safeFileName, toCsv } from '../../src/web/charts/csv.ts';

describe('escapeCsvCell', () => {
  it('neutralises every formula trigger at the start of text', () => {
    for (const trigger of ['=', '+', '-', '@', '\t', '\r']) {
      const cell = escapeCsvCell(`${trigger}HYPERLINK("http://x")`);
      // The field (unquoted if needed) starts with an apostrophe, so spreadsheets read it as text.
      expect(cell.replace(/^"/, '').startsWith(`'${trigger}`)).toBe(true);
    }
  });

  it('keeps real numbers, including negative ones, as numbers', () => {
    expect(escapeCsvCell(-12.5)).toBe('-12.5');
    expect(escapeCsvCell(0)).toBe('0');
    expect(escapeCsvCell(Number.NaN)).toBe('');
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(escapeCsvCell('a,b')).toBe('"a,b"');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(escapeCsvCell('=1+2,3')).toBe(`"'=1+2,3"`);
  });

  it('writes missing values as empty fields and leaves plain text alone', () => {
    expect(escapeCsvCell(null)).toBe('');
    expect(escapeCsvCell(undefined)).toBe('');
    expect(escapeCsvCell('Тверская')).toBe('Тверская');
    expect(escapeCsvCell('شعبهٔ تهران')).toBe('شعبهٔ تهران');
  });

  it('never lets text start with a formula trigger (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const field = escapeCsvCell(s);
        const unquoted = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
        expect(/^[=+\-@\t\r]/.test(unquoted)).toBe(false);
      }),
    );
  });
});

describe('toCsv', () => {
  it('joins a header and rows with CRLF', () => {
    const csv = toCsv(['period', 'value', 'n'], [['2026-01-05', 33.3, 6], ['2026-01-12', null, 0]]);
    expect(csv.split('\r\n')).toEqual(['period,value,n', '2026-01-05,33.3,6', '2026-01-12,,0', '']);
  });
});

describe('safeFileName', () => {
  it('keeps letters and digits of any script and drops path characters', () => {
    expect(safeFileName('../trend nps/week', 'csv')).toBe('trend-nps-week.csv');
    expect(safeFileName('روند-nps', 'svg')).toBe('روند-nps.svg');
    expect(safeFileName('***', 'png')).toBe('chart.png');
  });
});
