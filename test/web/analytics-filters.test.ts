import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  apiFilterParams, DEFAULT_FILTERS, parseFilters, previousPeriod, resolveRange, serializeFilters, type DashboardFilters,
} from '../../src/web/analytics/filters.ts';

const LOC = '0f8fad5b-d9cb-469f-a165-70867728950e';
const Q = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('filters <-> URL', () => {
  it('reads every filter from a shareable link', () => {
    const f = parseFilters(new URLSearchParams(`range=custom&from=2026-01-01&to=2026-03-31&location=${LOC}&channel=email&language=fa&dim=segment:vip&question=${Q}&interval=month&by=dim:segment&parent=${LOC}`));
    expect(f).toEqual({
      range: 'custom', from: '2026-01-01', to: '2026-03-31', location: LOC, channel: 'email', language: 'fa',
      dim: 'segment:vip', question: Q, interval: 'month', by: 'dim:segment', parent: LOC,
    });
  });

  it('falls back to defaults for unknown or malformed values', () => {
    const f = parseFilters(new URLSearchParams('range=5y&interval=hour&by=;drop&location=not-a-uuid&from=2026-02-30&language=<script>&dim=novalue'));
    expect(f).toEqual(DEFAULT_FILTERS);
  });

  it('drops a dimension whose key no hidden field can have (the hidden-field key rule: stored lowercased, a-z 0-9 _)', () => {
    expect(parseFilters(new URLSearchParams('by=dim:Segment&dim=Segment:vip'))).toEqual(DEFAULT_FILTERS);
    expect(parseFilters(new URLSearchParams('by=dim:utm.source&dim=utm-source:x'))).toEqual(DEFAULT_FILTERS);
    expect(parseFilters(new URLSearchParams('by=dim:utm_source&dim=utm_source:x'))).toEqual({ ...DEFAULT_FILTERS, by: 'dim:utm_source', dim: 'utm_source:x' });
  });

  it('ignores from/to unless the range is custom, and orders them', () => {
    expect(parseFilters(new URLSearchParams('range=30d&from=2026-01-01')).from).toBeUndefined();
    const f = parseFilters(new URLSearchParams('range=custom&from=2026-05-01&to=2026-04-01'));
    expect([f.from, f.to]).toEqual(['2026-04-01', '2026-05-01']);
  });

  it('leaves defaults out of the URL', () => {
    expect(serializeFilters(DEFAULT_FILTERS).toString()).toBe('');
    expect(serializeFilters({ ...DEFAULT_FILTERS, channel: 'sms' }).toString()).toBe('channel=sms');
  });

  it('round-trips any valid filter set (property)', () => {
    const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const filters = fc.record({
      range: fc.constantFrom('30d', '90d', '12m', 'all', 'custom' as const),
      from: fc.option(date, { nil: undefined }),
      to: fc.option(date, { nil: undefined }),
      location: fc.option(fc.uuid(), { nil: undefined }),
      channel: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
      language: fc.option(fc.constantFrom('en', 'ru', 'fa'), { nil: undefined }),
      dim: fc.option(fc.tuple(fc.stringMatching(/^[a-z_]{1,10}$/), fc.string({ minLength: 1, maxLength: 20 })).map(([k, v]) => `${k}:${v}`), { nil: undefined }),
      question: fc.option(fc.uuid(), { nil: undefined }),
      interval: fc.constantFrom('day', 'week', 'month', 'quarter' as const),
      by: fc.constantFrom('location', 'channel', 'language', 'dim:segment'),
      parent: fc.option(fc.uuid(), { nil: undefined }),
    });
    fc.assert(
      fc.property(filters, (raw) => {
        const f = { ...raw } as DashboardFilters;
        if (f.range !== 'custom') { delete f.from; delete f.to; }
        else if (f.from && f.to && f.from > f.to) [f.from, f.to] = [f.to, f.from];
        for (const k of Object.keys(f) as (keyof DashboardFilters)[]) if (f[k] === undefined) delete f[k];
        const back = parseFilters(new URLSearchParams(serializeFilters(f).toString()));
        expect(back).toEqual(f);
      }),
    );
  });
});

describe('date ranges', () => {
  const today = '2026-03-15'; // the organisation's date (orgCalendar.todayIn)

  it('turns presets into inclusive dates ending today', () => {
    expect(resolveRange({ range: '30d' }, today)).toEqual({ from: '2026-02-14', to: '2026-03-15' });
    expect(resolveRange({ range: '90d' }, today)).toEqual({ from: '2025-12-16', to: '2026-03-15' });
    expect(resolveRange({ range: '12m' }, today)).toEqual({ from: '2025-03-16', to: '2026-03-15' });
    expect(resolveRange({ range: 'all' }, today)).toEqual({});
    expect(resolveRange({ range: 'custom', from: '2026-01-01', to: '2026-01-31' }, today)).toEqual({ from: '2026-01-01', to: '2026-01-31' });
  });

  it('finds the previous period of the same length', () => {
    expect(previousPeriod('2026-02-01', '2026-02-28')).toEqual({ from: '2026-01-04', to: '2026-01-31' });
    expect(previousPeriod('2026-03-15', '2026-03-15')).toEqual({ from: '2026-03-14', to: '2026-03-14' });
  });

  it('sends only the common API filters', () => {
    const p = apiFilterParams({ ...DEFAULT_FILTERS, range: '30d', channel: 'qr', by: 'channel', question: Q }, today);
    expect(p).toEqual({ from: '2026-02-14', to: '2026-03-15', location: undefined, channel: 'qr', language: undefined, dim: undefined });
  });
});
