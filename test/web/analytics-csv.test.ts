import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeCsvCell, toCsv } from '../../src/core/text/csv.ts';
import { safeFileName } from '../../src/web/charts/fileName.ts';

/**
 * The cells a spreadsheet program sees when it splits the field's value on `sep` (what Russian
 * Excel does with `;`), after undoing the CSV quoting.
 */
function cellsSeenBy(field: string, sep: RegExp): string[] {
  expect(field.startsWith('"') && field.endsWith('"')).toBe(true);
  return field.slice(1, -1).replace(/""/g, '"').split(sep);
}

describe('escapeCsvCell', () => {
  it('neutralises every formula trigger at the start of text', () => {
    expect(escapeCsvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(escapeCsvCell('+1')).toBe(`"'+1"`);
    expect(escapeCsvCell('-1')).toBe(`"'-1"`);
    expect(escapeCsvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(escapeCsvCell('\t=1')).toBe(`"'\t'=1"`);
    expect(escapeCsvCell('\r=1')).toBe(`"'\r'=1"`);
  });

  it('neutralises a formula after a separator inside the value (";" for Russian Excel, "," and tab)', () => {
    expect(escapeCsvCell('Shop;=1+1')).toBe(`"Shop;'=1+1"`);
    expect(escapeCsvCell('Shop,+1')).toBe(`"Shop,'+1"`);
    expect(escapeCsvCell('Shop\t@A1')).toBe(`"Shop\t'@A1"`);
    expect(escapeCsvCell('a; -2')).toBe(`"a; '-2"`);
    expect(escapeCsvCell('line1\n=cmd')).toBe(`"line1\n'=cmd"`);
  });

  it('leaves triggers in the middle of a cell alone', () => {
    expect(escapeCsvCell('2026-01-05')).toBe('"2026-01-05"');
    expect(escapeCsvCell('a=b+c')).toBe('"a=b+c"');
    expect(escapeCsvCell('x@y.test')).toBe('"x@y.test"');
  });

  it('quotes every field and doubles embedded quotes', () => {
    expect(escapeCsvCell('plain')).toBe('"plain"');
    expect(escapeCsvCell('a,b')).toBe('"a,b"');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvCell('Тверская')).toBe('"Тверская"');
    expect(escapeCsvCell('شعبهٔ تهران')).toBe('"شعبهٔ تهران"');
  });

  it('writes our own numbers, negative ones included, as plain quoted decimals', () => {
    expect(escapeCsvCell(-12.5)).toBe('"-12.5"');
    expect(escapeCsvCell(0)).toBe('"0"');
    expect(escapeCsvCell(Number.NaN)).toBe('""');
    expect(escapeCsvCell(null)).toBe('""');
    expect(escapeCsvCell(undefined)).toBe('""');
    expect(escapeCsvCell(true)).toBe('"true"');
  });

  it('never lets any cell a spreadsheet splits out of a text value start a formula (property)', () => {
    const alphabet = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', ';', ' ', '"', 'a', '1');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet })), (s) => {
        for (const sep of [/,/, /;/, /\t/, /[\r\n]/]) {
          for (const cell of cellsSeenBy(escapeCsvCell(s), sep)) expect(/^ *[=+\-@]/.test(cell)).toBe(false);
        }
      }),
    );
  });
});

describe('toCsv', () => {
  it('joins a quoted header and quoted rows with CRLF', () => {
    const csv = toCsv(['period', 'value', 'n'], [['2026-01-05', 33.3, 6], ['2026-01-12', null, 0]]);
    expect(csv.split('\r\n')).toEqual(['"period","value","n"', '"2026-01-05","33.3","6"', '"2026-01-12","","0"', '']);
  });

  it('writes a dimension value with a formula after ";" so it stays text', () => {
    expect(toCsv(['location', 'nps'], [['Shop;=1+1', -5]])).toBe(`"location","nps"\r\n"Shop;'=1+1","-5"\r\n`);
  });
});

describe('safeFileName', () => {
  it('keeps letters and digits of any script and drops path characters', () => {
    expect(safeFileName('../trend nps/week', 'csv')).toBe('trend-nps-week.csv');
    expect(safeFileName('روند-nps', 'svg')).toBe('روند-nps.svg');
    expect(safeFileName('***', 'png')).toBe('chart.png');
  });
});
