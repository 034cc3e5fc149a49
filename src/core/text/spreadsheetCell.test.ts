import { describe, expect, it } from 'vitest';
import { spreadsheetSafeText } from './spreadsheetCell.ts';

describe('spreadsheetSafeText', () => {
  it('prefixes text that a spreadsheet could run as a formula', () => {
    expect(spreadsheetSafeText('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(spreadsheetSafeText('+1+1')).toBe(`'+1+1`);
    expect(spreadsheetSafeText('-2+3')).toBe(`'-2+3`);
    expect(spreadsheetSafeText('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(spreadsheetSafeText('\t=1')).toBe(`'\t=1`);
    expect(spreadsheetSafeText('\r=1')).toBe(`'\r=1`);
  });

  it('leaves other text unchanged, including formula characters later in the text', () => {
    expect(spreadsheetSafeText('Great coffee = good day')).toBe('Great coffee = good day');
    expect(spreadsheetSafeText('Отлично')).toBe('Отлично');
    expect(spreadsheetSafeText('')).toBe('');
    expect(spreadsheetSafeText(' =1')).toBe(' =1');
    expect(spreadsheetSafeText("'already")).toBe("'already");
  });
});
