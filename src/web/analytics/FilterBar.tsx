/**
 * Date range, location, channel, language, segment, comment sentiment and theme filters; every change goes to
 * the URL. Sentiment and themes also show as removable chips.
 */
import { useState } from 'react';
import { isMessageKey, useI18n, type Translate } from '../i18n.tsx';
import { qs } from '../api.ts';
import { locationTree, type DashboardContext } from './dashboard.ts';
import { RANGE_PRESETS, resolveRange, SENTIMENTS, type RangePreset, type Sentiment } from './filters.ts';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { analyticsPath } from './dashboard.ts';
import { dimensionLabel, locationLabel, matchKnownValue, themeName } from './labels.ts';
import type { BreakdownAnswer } from './types.ts';
import type { DimensionValuesAnswer } from '../../core/api/analytics.ts';
import type { ThemesAnswer } from '../../core/api/comments.ts';

/**
 * What the filter bar needs of the dashboard: a DashboardContext has it all; the page also shows the
 * bar without a summary (while it fails to load), with the question it last had, if any.
 */
export type FilterBarContext = Pick<DashboardContext, 'surveyId' | 'survey' | 'filters' | 'setFilters' | 'today' | 'locations' | 'dimensions'>
  & { question?: DashboardContext['question'] };

const CHANNELS = ['link', 'email', 'sms', 'qr', 'receipt', 'kiosk', 'web', 'widget', 'api', 'import'];

export function FilterBar({ ctx }: { ctx: FilterBarContext }) {
  const { t } = useI18n();
  const { filters, setFilters } = ctx;
  const tree = locationTree(ctx.locations);
  // Channel values actually present (from the breakdown by channel), plus the usual ones.
  const channels = useLoad<BreakdownAnswer>(
    ctx.question ? analyticsPath({ filters: { ...filters, channel: undefined }, today: ctx.today }, `/surveys/${ctx.surveyId}/analytics/breakdown`, { question: ctx.question.questionId, by: 'channel' }) : null,
  );
  const channelValues = Array.from(new Set([...(channels.data?.rows.map((r) => r.key) ?? []), ...(filters.channel ? [filters.channel] : [])]));
  const shownChannels = channelValues.length > 0 ? channelValues : CHANNELS;
  const [dimKey, dimValue] = splitDim(filters.dim);
  const [draft, setDraftDim] = useState({ key: dimKey ?? '', value: dimValue ?? '' });
  // The organisation's dimensions may arrive after the bar first renders: until a key is picked, the first one.
  const draftDim = { ...draft, key: draft.key || ctx.dimensions[0] || '' };
  // The dimension's known values in the caller's locations (respondent-written: React escapes them).
  const known = useLoad<DimensionValuesAnswer>(
    draftDim.key ? `/analytics/dimensions/${encodeURIComponent(draftDim.key)}/values${qs({ survey: ctx.surveyId, q: draftDim.value.trim() })}` : null,
  );
  const knownValues = known.data?.values.map((v) => v.value) ?? [];
  const applyDim = () => {
    const value = matchKnownValue(draftDim.value, knownValues);
    if (value !== draftDim.value) setDraftDim({ ...draftDim, value });
    setFilters({ dim: draftDim.key && value ? `${draftDim.key}:${value}` : undefined });
  };

  return (
    <form className="toolbar an-filters" aria-label={t('an.filters.title')} onSubmit={(e) => { e.preventDefault(); applyDim(); }}>
      <RangeFilter filters={filters} setFilters={setFilters} today={ctx.today} />
      <label>
        {t('an.filters.location')}
        <select value={filters.location ?? ''} onChange={(e) => setFilters({ location: e.target.value || undefined, parent: undefined })} data-testid="filter-location">
          <option value="">{t('an.filters.allLocations')}</option>
          {tree.map((l) => (
            <option key={l.id} value={l.id}>{'\u00a0\u00a0'.repeat(l.depth) + locationLabel(l.name, l.code)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('an.filters.channel')}
        <select value={filters.channel ?? ''} onChange={(e) => setFilters({ channel: e.target.value || undefined })}>
          <option value="">{t('an.filters.all')}</option>
          {shownChannels.map((c) => <option key={c} value={c}>{channelLabel(t, c)}</option>)}
        </select>
      </label>
      <label>
        {t('an.filters.language')}
        <select value={filters.language ?? ''} onChange={(e) => setFilters({ language: e.target.value || undefined })}>
          <option value="">{t('an.filters.all')}</option>
          {ctx.survey.languages.map((l) => <option key={l} value={l}>{languageName(l, t)}</option>)}
        </select>
      </label>
      {ctx.dimensions.length > 0 && (
        <fieldset className="an-dim">
          <legend>{t('an.filters.segment')}</legend>
          <select aria-label={t('an.filters.segmentKey')} value={draftDim.key} onChange={(e) => setDraftDim({ ...draftDim, key: e.target.value })}>
            {ctx.dimensions.map((d) => <option key={d} value={d}>{dimensionLabel(d)}</option>)}
          </select>
          <input aria-label={t('an.filters.segmentValue')} placeholder={t('an.filters.segmentValue')} value={draftDim.value} dir="auto" list="an-dim-values"
            autoComplete="off" onChange={(e) => {
              const value = e.target.value;
              setDraftDim({ ...draftDim, value });
              // A value picked from the list (Chromium sends a plain Event, typing an InputEvent) applies at once.
              if (!(e.nativeEvent instanceof InputEvent) && knownValues.includes(value)) setFilters({ dim: `${draftDim.key}:${value}` });
            }} onBlur={applyDim} size={10} data-testid="segment-value" />
          <datalist id="an-dim-values" data-testid="segment-values">
            {knownValues.map((v) => <option key={v} value={v} />)}
          </datalist>
          {filters.dim && <button type="button" className="link-button" onClick={() => { setDraftDim({ ...draftDim, value: '' }); setFilters({ dim: undefined }); }}>{t('an.filters.clear')}</button>}
        </fieldset>
      )}
      <CommentFilters filters={filters} setFilters={setFilters} />
    </form>
  );
}

/**
 * Sentiment and theme of the responses' analysed comments (docs/analytics.md "Comment filters"): a select each
 * (a theme is added to those chosen, any of them matches) and the chosen ones as chips with a remove button.
 * The theme dictionary needs response.read; without it only the sentiment can be chosen.
 */
function CommentFilters({ filters, setFilters }: Pick<FilterBarContext, 'filters' | 'setFilters'>) {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const dictionary = useLoad<ThemesAnswer>(can('response.read') ? '/text/themes' : null).data?.themes ?? [];
  const chosen = filters.themes ?? [];
  const sentimentName = (s: Sentiment) => t(`tx.sentiment.${s}`);
  const chips = [
    ...(filters.sentiment ? [{ key: 's', label: sentimentName(filters.sentiment), remove: () => setFilters({ sentiment: undefined }) }] : []),
    ...chosen.map((id) => ({ key: `t:${id}`, label: themeName(dictionary, id, lang), remove: () => setFilters((current) => ({ themes: (current.themes ?? []).filter((x) => x !== id) })) })),
  ];
  return (
    <>
      <label>
        {t('tx.filter.sentiment')}
        <select value={filters.sentiment ?? ''} onChange={(e) => setFilters({ sentiment: (e.target.value || undefined) as Sentiment | undefined })} data-testid="filter-sentiment">
          <option value="">{t('an.filters.all')}</option>
          {SENTIMENTS.map((s) => <option key={s} value={s}>{sentimentName(s)}</option>)}
        </select>
      </label>
      {dictionary.length > 0 && (
        <label>
          {t('tx.filter.theme')}
          <select value="" onChange={(e) => e.target.value && setFilters({ themes: [...chosen, e.target.value] })} data-testid="filter-theme">
            <option value="">{t('an.filters.addTheme')}</option>
            {dictionary.filter((th) => !chosen.includes(th.id)).map((th) => <option key={th.id} value={th.id}>{themeName(dictionary, th.id, lang)}</option>)}
          </select>
        </label>
      )}
      {chips.length > 0 && (
        <ul className="an-chips" aria-label={t('an.filters.chips')} data-testid="filter-chips">
          {chips.map((c) => (
            <li key={c.key} className="an-chip">
              <span dir="auto">{c.label}</span>
              <button type="button" aria-label={t('an.filters.remove', { name: c.label })} title={t('an.filters.remove', { name: c.label })} onClick={c.remove}>×</button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The period: a preset, or from / to days for a custom range (the survey dashboards and the overview). */
export function RangeFilter({ filters, setFilters, today }: Pick<FilterBarContext, 'filters' | 'setFilters' | 'today'>) {
  const { t } = useI18n();
  const setRange = (range: RangePreset) => {
    if (range === 'custom') {
      const r = resolveRange(filters.range === 'custom' || filters.range === 'all' ? { range: '90d' } : filters, today);
      setFilters({ range, from: filters.from ?? r.from, to: filters.to ?? r.to });
    } else setFilters({ range, from: undefined, to: undefined });
  };
  return (
    <>
      <label>
        {t('an.filters.range')}
        <select value={filters.range} onChange={(e) => setRange(e.target.value as RangePreset)} data-testid="filter-range">
          {RANGE_PRESETS.map((r) => <option key={r} value={r}>{t(`an.range.${r}`)}</option>)}
        </select>
      </label>
      {filters.range === 'custom' && (
        <>
          <label>
            {t('an.filters.from')}
            <input type="date" value={filters.from ?? ''} max={filters.to} onChange={(e) => setFilters({ from: e.target.value || undefined })} />
          </label>
          <label>
            {t('an.filters.to')}
            <input type="date" value={filters.to ?? ''} min={filters.from} onChange={(e) => setFilters({ to: e.target.value || undefined })} />
          </label>
        </>
      )}
    </>
  );
}

function splitDim(dim: string | undefined): [string | undefined, string | undefined] {
  if (!dim) return [undefined, undefined];
  const i = dim.indexOf(':');
  return [dim.slice(0, i), dim.slice(i + 1)];
}

/** Channel names the interface knows get a translation; others are shown as stored. */
export function channelLabel(t: Translate, channel: string): string {
  const key = `an.channel.${channel}`;
  return isMessageKey(key) ? t(key) : channel;
}

/** A language code's name in the interface language (Intl.DisplayNames), else the code. */
export function languageName(code: string, t: Translate): string {
  const key = `an.lang.${code}`;
  return isMessageKey(key) ? t(key) : code;
}
