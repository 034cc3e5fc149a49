/**
 * Dashboard filters <-> URL query string, so every view is a shareable link. Parsing accepts only
 * known values (anything else falls back to the default); serialising omits defaults, keeping
 * links short. Pure: unit-tested in Node.
 */
import { isUuid } from '../../core/ids.ts';
import { isCalendarDay, presetRange, type CalendarDay } from '../../core/time/orgCalendar.ts';
import { isBreakdownBy, isThemeId, MAX_LIST_VALUES } from '../../core/analytics/filterRules.ts';
import { parseDimFilter } from '../../core/responses/hiddenFields.ts';
import { SENTIMENT_LABELS, type SentimentLabel } from '../../core/nlp/labels.ts';
import type { CompareInput, CompareMode } from './compare.ts';

export { previousPeriod } from '../../core/time/orgCalendar.ts';

export const RANGE_PRESETS = ['30d', '90d', '12m', 'all', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const INTERVALS = ['day', 'week', 'month', 'quarter'] as const;
export type Interval = (typeof INTERVALS)[number];
/** A comment's sentiment (the server's SENTIMENTS). */
export const SENTIMENTS = SENTIMENT_LABELS;
export type Sentiment = SentimentLabel;

export interface DashboardFilters {
  range: RangePreset;
  /** YYYY-MM-DD, only with range = custom */
  from?: string;
  to?: string;
  location?: string;
  channel?: string;
  language?: string;
  /** `key:value` of one marked dimension */
  dim?: string;
  /** responses with an analysed comment of this sentiment (and of one of `themes`) */
  sentiment?: Sentiment;
  /** theme ids: responses with an analysed comment carrying any of them; in the URL as `theme=a,b` */
  themes?: string[];
  /** the rated question the trend, breakdown, comparison and drivers look at */
  question?: string;
  interval: Interval;
  /** breakdown dimension: location | channel | language | dim:<key> */
  by: string;
  /** location whose children the location breakdown and heat table show (drill-down) */
  parent?: string;
  /** the comparison panel's applied state (URL: cmp, aFrom, aTo, bFrom, bTo, aLoc, bLoc, aDim, bDim), so a saved view restores it */
  compare?: CompareInput;
}

const COMPARE_MODES: readonly CompareMode[] = ['periods', 'locations', 'segments', 'company'];

function parseCompare(params: URLSearchParams): CompareInput | undefined {
  const mode = params.get('cmp');
  if (!mode || !(COMPARE_MODES as readonly string[]).includes(mode)) return undefined;
  const c: CompareInput = { mode: mode as CompareMode };
  for (const k of ['aFrom', 'aTo', 'bFrom', 'bTo'] as const) {
    const v = params.get(k);
    if (isCalendarDay(v)) c[k] = v;
  }
  for (const [k, param] of [['aLocation', 'aLoc'], ['bLocation', 'bLoc']] as const) {
    const v = params.get(param);
    if (v && isUuid(v)) c[k] = v.toLowerCase();
  }
  for (const k of ['aDim', 'bDim'] as const) {
    const v = short(params.get(k), 200);
    if (v) c[k] = v;
  }
  return c;
}

function serializeCompare(c: CompareInput, p: URLSearchParams) {
  p.set('cmp', c.mode);
  const fields: [keyof CompareInput, string][] = [['aFrom', 'aFrom'], ['aTo', 'aTo'], ['bFrom', 'bFrom'], ['bTo', 'bTo'], ['aLocation', 'aLoc'], ['bLocation', 'bLoc'], ['aDim', 'aDim'], ['bDim', 'bDim']];
  for (const [k, param] of fields) {
    const v = c[k];
    if (v) p.set(param, v);
  }
}

export const DEFAULT_FILTERS: DashboardFilters = { range: '90d', interval: 'week', by: 'location' };


function short(s: string | null, max = 100): string | undefined {
  return s && s.length <= max ? s : undefined;
}

/** Reads filters from a query string; unknown or malformed values are ignored. */
export function parseFilters(params: URLSearchParams): DashboardFilters {
  const f: DashboardFilters = { ...DEFAULT_FILTERS };
  const range = params.get('range');
  if (range && (RANGE_PRESETS as readonly string[]).includes(range)) f.range = range as RangePreset;
  if (f.range === 'custom') {
    const from = params.get('from');
    const to = params.get('to');
    if (isCalendarDay(from)) f.from = from;
    if (isCalendarDay(to)) f.to = to;
    if (f.from && f.to && f.from > f.to) [f.from, f.to] = [f.to, f.from];
  }
  const interval = params.get('interval');
  if (interval && (INTERVALS as readonly string[]).includes(interval)) f.interval = interval as Interval;
  const by = params.get('by');
  if (by && isBreakdownBy(by)) f.by = by;
  for (const key of ['location', 'parent', 'question'] as const) {
    const v = params.get(key);
    if (v && isUuid(v)) f[key] = v.toLowerCase();
  }
  const channel = short(params.get('channel'));
  if (channel) f.channel = channel;
  const language = params.get('language');
  if (language && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(language)) f.language = language;
  const dim = params.get('dim');
  if (dim && parseDimFilter(dim)) f.dim = dim;
  const sentiment = params.get('sentiment');
  if ((SENTIMENTS as readonly string[]).includes(sentiment ?? '')) f.sentiment = sentiment as Sentiment;
  // Repeated or comma-separated, like the API; unknown spellings are dropped.
  const themes = [...new Set(params.getAll('theme').flatMap((v) => v.split(',')).filter(isThemeId))].slice(0, MAX_LIST_VALUES);
  if (themes.length) f.themes = themes;
  const compare = parseCompare(params);
  if (compare) f.compare = compare;
  return f;
}

/** Writes filters to a query string in a stable order, leaving out defaults and empty values. */
export function serializeFilters(f: DashboardFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.range !== DEFAULT_FILTERS.range) p.set('range', f.range);
  if (f.range === 'custom') {
    if (f.from) p.set('from', f.from);
    if (f.to) p.set('to', f.to);
  }
  for (const key of ['location', 'channel', 'language', 'dim', 'sentiment', 'question'] as const) {
    const v = f[key];
    if (v) p.set(key, v);
  }
  if (f.themes?.length) p.set('theme', f.themes.join(','));
  if (f.interval !== DEFAULT_FILTERS.interval) p.set('interval', f.interval);
  if (f.by !== DEFAULT_FILTERS.by) p.set('by', f.by);
  if (f.parent) p.set('parent', f.parent);
  if (f.compare) serializeCompare(f.compare, p);
  return p;
}

/**
 * The inclusive date range a filter means on `today`, the organisation's date (orgToday with the
 * org's time zone, never the browser's): presets roll with that calendar.
 */
export function resolveRange(f: Pick<DashboardFilters, 'range' | 'from' | 'to'>, today: CalendarDay): { from?: string; to?: string } {
  switch (f.range) {
    case 'all':
      return {};
    case 'custom':
      return { from: f.from, to: f.to };
    default:
      return presetRange(f.range, today);
  }
}

/** The common filter parameters every analytics endpoint takes (docs/api.md). */
export function apiFilterParams(f: DashboardFilters, today: CalendarDay): Record<string, string | undefined> {
  const { from, to } = resolveRange(f, today);
  return { from, to, location: f.location, channel: f.channel, language: f.language, dim: f.dim, sentiment: f.sentiment, theme: f.themes?.join(',') || undefined };
}

/** A change of the filters: the new values, or a function of the filters in force when it applies. */
export type FilterPatch = Partial<DashboardFilters> | ((current: DashboardFilters) => Partial<DashboardFilters>);

/**
 * The address-bar query after `patch`, read from `window.location` when the change applies rather than from the
 * last render: two changes made before the page re-rendered (chips removed in quick succession) both count.
 */
export function queryAfterFilterPatch(patch: FilterPatch): URLSearchParams {
  const current = parseFilters(new URLSearchParams(window.location.search));
  return serializeFilters({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) });
}
