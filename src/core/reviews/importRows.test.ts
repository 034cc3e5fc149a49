import { describe, expect, it } from 'vitest';
import { emptyMapping } from './columns.ts';
import { reviewDedupeKey, normaliseReviewText } from './dedupe.ts';
import { planReviewImport, readReviewRow, type ImportRules, type ReviewRecord } from './importRows.ts';

const mapping = { ...emptyMapping(), source: 'source', rating: 'rating', text: 'text', date: 'date', location: 'location', author: 'author', url: 'url' };
const rules: ImportRules = {
  mapping,
  defaultSource: null,
  ratingScale: 5,
  timeZone: 'Europe/Moscow',
  now: new Date('2026-06-01T00:00:00Z'),
  locations: [
    { id: 'l1', code: 'MSK-01', name: 'Тверская' },
    { id: 'l2', code: null, name: 'Арбат' },
    { id: 'l3', code: 'X', name: 'Арбат' },
  ],
  requireLocation: false,
};
const rec = (row: number, cells: Record<string, string | number | null>): ReviewRecord => ({ row, cells });

describe('readReviewRow', () => {
  it('reads a full row', () => {
    const r = readReviewRow(rec(2, { source: 'Yandex Maps', rating: '4', text: ' Хорошо ', date: '12.03.2026 14:30', location: 'msk-01', author: 'Анна', url: 'https://yandex.ru/maps/r/1' }), rules);
    expect(r).toEqual({
      row: 2, source: 'yandex_maps', externalId: null, url: 'https://yandex.ru/maps/r/1', author: 'Анна', rating: 4, ratingScale: 5, text: 'Хорошо',
      language: null, locationId: 'l1', publishedAt: new Date('2026-03-12T11:30:00Z'), dedupeKey: 'url\u001fyandex_maps\u001fhttps://yandex.ru/maps/r/1',
    });
  });

  it('matches a location by name and falls back to the default source; a text without rating is a review', () => {
    const r = readReviewRow(rec(3, { source: '', rating: '', text: 'ok', date: '2026-01-05', location: 'Тверская', author: '', url: '' }), { ...rules, defaultSource: 'instagram' });
    expect(r).toMatchObject({ source: 'instagram', rating: null, ratingScale: null, locationId: 'l1', author: null });
  });

  it('reports every problem of a row with its field', () => {
    expect(readReviewRow(rec(7, { source: '', rating: '9', text: '', date: '31.02.2026', location: 'Арбат', author: 'a', url: 'javascript:alert(1)' }), rules)).toEqual([
      { row: 7, field: 'source', message: 'no source (choose a column or a source for the whole file)' },
      { row: 7, field: 'rating', message: 'rating 9 is outside 1..5 (a 10-point file? choose the 1..10 scale)' },
      { row: 7, field: 'date', message: 'date "31.02.2026" is not a date this import reads (e.g. 2024-03-12, 12.03.2024, 12-03-2024 14:30)' },
      { row: 7, field: 'url', message: 'url must be an http(s) address without spaces' },
      { row: 7, field: 'location', message: 'location "Арбат" names several locations; use its code' },
    ]);
  });

  it('refuses a row with neither rating nor text, a future date, an unknown location, a missing location of a limited importer', () => {
    const errs = (cells: Record<string, string>, r: Partial<ImportRules> = {}) =>
      (readReviewRow(rec(2, { source: 'g', rating: '', text: '', date: '2026-01-01', location: '', author: '', url: '', ...cells }), { ...rules, ...r }) as { message: string }[]).map((e) => e.message);
    expect(errs({})).toEqual(['neither a rating nor a text']);
    expect(errs({ rating: '5', date: '2026-06-03' })).toEqual(['date 2026-06-03 is in the future']);
    expect(errs({ rating: '5', date: '1990-01-01' })).toEqual(['date 1990-01-01 is before 1995']);
    expect(errs({ rating: '5', location: 'Nowhere' })).toEqual(['location "Nowhere" is not a code or name of your locations']);
    expect(errs({ rating: '5' }, { requireLocation: true })).toEqual(['no location (you may import reviews of your locations only)']);
  });

  it('takes the scale from a scale column or the file default', () => {
    const m = { ...mapping, scale: 'scale' };
    expect(readReviewRow(rec(2, { source: 'b', rating: '8', text: '', date: '2026-01-01', scale: '10' }), { ...rules, mapping: m })).toMatchObject({ rating: 8, ratingScale: 10 });
    expect(readReviewRow(rec(2, { source: 'b', rating: '8', text: '', date: '2026-01-01' }), { ...rules, ratingScale: 10 })).toMatchObject({ rating: 8, ratingScale: 10 });
  });
});

describe('the de-duplication key', () => {
  it('is source + id, else source + url, else source + author + day + normalised text', () => {
    const base = { source: 'google', externalId: null, url: null, author: 'Анна', day: '2026-03-12', text: 'Всё  хорошо' };
    expect(reviewDedupeKey({ ...base, externalId: 'abc', url: 'https://x' })).toBe('id\u001fgoogle\u001fabc');
    expect(reviewDedupeKey({ ...base, url: 'https://x' })).toBe('url\u001fgoogle\u001fhttps://x');
    expect(reviewDedupeKey(base)).toBe('text\u001fgoogle\u001fанна\u001f2026-03-12\u001fвсе хорошо');
    expect(reviewDedupeKey({ ...base, text: ' ВСЕ ХОРОШО ', author: 'анна' })).toBe(reviewDedupeKey(base));
  });
  it('normalises Persian letter forms', () => {
    expect(normaliseReviewText('كيفيت عالی')).toBe('کیفیت عالی');
  });
});

describe('planReviewImport', () => {
  it('sorts rows into new, duplicates (in the file or stored) and errors', () => {
    const row = (n: number, text: string, date = '2026-01-01') => rec(n, { source: 'google', rating: '5', text, date, location: '', author: 'A', url: '' });
    const stored = readReviewRow(row(99, 'stored'), rules) as { dedupeKey: string };
    const plan = planReviewImport([row(2, 'one'), row(3, 'two'), row(4, 'One '), row(5, 'stored'), row(6, 'bad', 'soon')], rules, (k) => k === stored.dedupeKey);
    expect(plan.fresh.map((r) => r.row)).toEqual([2, 3]);
    expect(plan.duplicates.map((r) => r.row)).toEqual([4, 5]);
    expect(plan.errors.map((e) => [e.row, e.field])).toEqual([[6, 'date']]);
    expect(plan.errorRows).toBe(1);
  });
});
