import { describe, expect, it } from 'vitest';
import { attachmentName, csvRecordCounter } from './csvRecords.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('csvRecordCounter', () => {
  it('counts line ends outside quotes across chunk boundaries', () => {
    const c = csvRecordCounter();
    expect(c.push(bytes('\ufeffid,text\r\n1,"a\r\nb'))).toBe(1);
    expect(c.push(bytes('"" still quoted\n",x\r\n2,'))).toBe(2);
    expect(c.push(bytes('"Привет, ""мир"""\r\n'))).toBe(3);
  });
});

describe('attachmentName', () => {
  it('reads the quoted filename, else the fallback', () => {
    expect(attachmentName('attachment; filename="demo-nps-responses-2026-11-30.csv"', 'x.csv')).toBe('demo-nps-responses-2026-11-30.csv');
    expect(attachmentName(null, 'x.csv')).toBe('x.csv');
  });
});
