import { describe, expect, it } from 'vitest';
import { applyMapping, detectMapping, emptyMapping, normaliseHeader } from './columns.ts';

describe('detectMapping', () => {
  it('reads English headers', () => {
    expect(detectMapping(['Source', 'Rating', 'Text', 'Date', 'Location', 'Author', 'URL'])).toEqual({
      ...emptyMapping(), source: 'Source', rating: 'Rating', text: 'Text', date: 'Date', location: 'Location', author: 'Author', url: 'URL',
    });
  });
  it('reads Russian headers, ё and case and separators aside', () => {
    expect(detectMapping(['Площадка', 'Оценка', 'Текст отзыва', 'Дата публикации', 'Филиал', 'Автор', 'Ссылка', 'Звёзды'])).toEqual({
      ...emptyMapping(), source: 'Площадка', rating: 'Оценка', text: 'Текст отзыва', date: 'Дата публикации', location: 'Филиал', author: 'Автор', url: 'Ссылка',
    });
  });
  it('reads Persian headers (Arabic letter forms too)', () => {
    expect(detectMapping(['منبع', 'امتياز', 'متن', 'تاریخ', 'شعبه'])).toEqual({
      ...emptyMapping(), source: 'منبع', rating: 'امتياز', text: 'متن', date: 'تاریخ', location: 'شعبه',
    });
  });
  it('maps each header once and leaves unknown ones', () => {
    expect(detectMapping(['review_id', 'stars', 'score', 'published_at', 'foo'])).toEqual({
      ...emptyMapping(), externalId: 'review_id', rating: 'stars', date: 'published_at',
    });
  });
  it('normalises headers', () => {
    expect(normaliseHeader('  Published_At ')).toBe('published at');
    expect(normaliseHeader('ЗВЁЗДЫ')).toBe('звезды');
  });
});

describe('applyMapping', () => {
  const headers = ['Площадка', 'Оценка', 'Комментарий', 'Когда'];
  it('puts the choices over the detected mapping', () => {
    expect(applyMapping(headers, { date: 'Когда', source: null })).toEqual({
      ...emptyMapping(), rating: 'Оценка', text: 'Комментарий', date: 'Когда',
    });
  });
  it('moves a header from its detected field to the chosen one', () => {
    expect(applyMapping(headers, { author: 'Площадка' })).toEqual({
      ...emptyMapping(), author: 'Площадка', rating: 'Оценка', text: 'Комментарий',
    });
  });
  it('refuses a header the file does not have', () => {
    expect(applyMapping(headers, { date: 'Date' })).toBe('mapping.date: the file has no column "Date"');
  });
});
