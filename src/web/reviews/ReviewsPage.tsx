/**
 * /app/reviews: imported reviews of the caller's locations: filters (source, location subtree, rating on
 * 5 stars, sentiment, theme, period, text search) kept in the URL, the monthly rating trend per source or
 * location, key phrases and theme counts, the list paged newest first with sentiment and theme chips, and for
 * those who curate feedback data the import wizard, the sentiment correction and delete.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { withFilters, withOffset } from '../components/filterParams.ts';
import { useFilterDraft } from '../components/useFilterDraft.ts';
import { useSearchParams } from 'react-router';
import { api, qs } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { LiveStatus } from '../components/LiveStatus.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ErrorBox, Skeleton } from '../analytics/ui.tsx';
import type { Review, ReviewSourcesAnswer, ReviewsAnswer } from '../../core/api/reviews.ts';
import type { SentimentValue, ThemeItem, ThemesAnswer } from '../../core/api/comments.ts';
import type { LocationsAnswer } from '../../core/api/locations.ts';
import { ImportWizard } from './ImportWizard.tsx';
import { RatingTrend } from './RatingTrend.tsx';
import { sourceLabel } from './sourceLabel.ts';
import { ReviewKeyPhrases, ReviewThemeCounts, SentimentCorrection, ThemeChips, useThemeName } from './ReviewText.tsx';
import './reviews.css';

const PAGE = 25;
const FILTER_KEYS = ['source', 'location', 'minRating', 'maxRating', 'sentiment', 'theme', 'from', 'to', 'q'] as const;
const SENTIMENTS = ['negative', 'neutral', 'positive', 'none'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

export function ReviewsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) || undefined])) as Record<FilterKey, string | undefined>, [params]);
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const [importing, setImporting] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const list = useLoad<ReviewsAnswer>(`/reviews${qs({ ...filters, limit: PAGE, offset: offset || undefined, v: version || undefined })}`);
  const sources = useLoad<ReviewSourcesAnswer>(`/reviews/sources${qs({ v: version || undefined })}`);
  const locations = useLoad<LocationsAnswer>('/locations');
  const themes = useLoad<ThemesAnswer>('/text/themes');
  const themeList = themes.data?.themes ?? [];
  const mayCurate = can('response.exclude');
  // Key phrases and theme counts count sentiments: a correction reloads them (keeping what is shown meanwhile).
  const [corrected, setCorrected] = useState(0);
  const corrections = useCorrections(useCallback((saved: Review) => {
    setStatus(t('rv.correct.saved', { sentiment: t(`rv.sentiment.${saved.sentiment ?? 'none'}`) }));
    setCorrected((n) => n + 1);
  }, [t]));
  const textFilters = { ...filters, v: version + corrected ? String(version + corrected) : undefined };

  const setFilters = (next: Partial<Record<FilterKey, string | undefined>>) => setParams((prev) => withFilters(prev, FILTER_KEYS, next));
  const setOffset = (o: number) => setParams((prev) => withOffset(prev, o));
  const refresh = () => setVersion((v) => v + 1);

  const remove = async (id: string) => {
    await api.delete(`/reviews/${encodeURIComponent(id)}`);
    setStatus(t('rv.deleted'));
    refresh();
  };

  return (
    <div className="an-page rv-page">
      <div className="an-page-head">
        <PageTitle title={t('rv.title')} />
        {mayCurate && (
          <button type="button" className={importing ? 'secondary' : 'primary'} aria-expanded={importing} onClick={() => setImporting((v) => !v)} data-testid="import-toggle">
            {importing ? t('rv.import.close') : t('rv.import.open')}
          </button>
        )}
      </div>
      <p className="muted">{t('rv.intro')}</p>
      {importing && <ImportWizard onImported={refresh} />}
      <FilterForm
        key={params.toString()}
        filters={filters}
        sources={sources.data?.sources.map((s) => s.source) ?? []}
        locations={locations.data?.locations ?? []}
        themes={themeList}
        onApply={setFilters}
      />
      <RatingTrend key={version} filters={filters} />
      <div className="rv-text-panels">
        <ReviewThemeCounts filters={textFilters} themes={themeList} onTheme={(theme) => setFilters({ theme })} />
        <ReviewKeyPhrases filters={textFilters} />
      </div>
      <LiveStatus message={status} kind="success" />
      {list.error && !list.loading && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data === null ? (!list.error && <Skeleton height={360} />) : (
        <section aria-busy={list.loading} className={list.loading ? 'an-reloading card' : 'card'}>
          {list.data.total === 0 ? (
            <p className="muted an-empty" data-testid="reviews-empty">{FILTER_KEYS.some((k) => filters[k]) ? t('rv.empty') : t('rv.none')}</p>
          ) : (
            <>
              <ul className="rv-list" aria-label={t('rv.caption', { n: list.data.total })} data-testid="reviews-list">
                {list.data.reviews.map((r) => (
                  <ReviewItem
                    key={r.id}
                    r={corrections.shown(r)}
                    themes={themeList}
                    error={corrections.errors[r.id]}
                    onCorrect={mayCurate && r.text.trim() ? (s) => void corrections.correct(r.id, s) : undefined}
                    onDelete={mayCurate ? () => remove(r.id) : undefined}
                  />
                ))}
              </ul>
              <nav className="rv-pager" aria-label={t('rv.pages')}>
                <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('rv.prev')}</button>
                <span className="muted">
                  {t('rv.pageOf', { from: offset + 1, to: Math.min(list.data.total, offset + list.data.reviews.length), total: list.data.total })}
                </span>
                <button type="button" className="secondary" disabled={offset + PAGE >= list.data.total} onClick={() => setOffset(offset + PAGE)}>{t('rv.next')}</button>
              </nav>
            </>
          )}
        </section>
      )}
    </div>
  );
}

type Shown = Pick<Review, 'sentiment' | 'sentimentP' | 'sentimentSource'>;

/**
 * Sentiment corrections of the listed reviews: shown at once (optimistic), then as the server stored them.
 * A refused correction falls back to the last stored value and keeps its error for the review. Only the
 * latest correction of a review counts (an earlier answer arriving late is dropped), and every update is
 * functional, so corrections of several reviews at once do not overwrite each other.
 */
function useCorrections(onSaved: (saved: Review) => void) {
  const [pending, setPending] = useState<Record<string, Shown>>({});
  const [confirmed, setConfirmed] = useState<Record<string, Shown>>({});
  const [errors, setErrors] = useState<Record<string, Error>>({});
  const tickets = useRef(new Map<string, number>());
  const without = <T,>(m: Record<string, T>, id: string) => {
    const { [id]: _gone, ...rest } = m;
    return rest;
  };
  const correct = async (id: string, sentiment: SentimentValue) => {
    const ticket = (tickets.current.get(id) ?? 0) + 1;
    tickets.current.set(id, ticket);
    setPending((p) => ({ ...p, [id]: { sentiment, sentimentP: 1, sentimentSource: 'manual' } }));
    setErrors((e) => without(e, id));
    try {
      const saved = await api.patch<Review>(`/reviews/${encodeURIComponent(id)}/sentiment`, { sentiment });
      if (tickets.current.get(id) !== ticket) return;
      setConfirmed((c) => ({ ...c, [id]: { sentiment: saved.sentiment, sentimentP: saved.sentimentP, sentimentSource: saved.sentimentSource } }));
      setPending((p) => without(p, id));
      onSaved(saved);
    } catch (err) {
      if (tickets.current.get(id) !== ticket) return;
      setPending((p) => without(p, id));
      setErrors((e) => ({ ...e, [id]: err instanceof Error ? err : new Error(String(err)) }));
    }
  };
  const shown = (r: Review): Review => ({ ...r, ...confirmed[r.id], ...pending[r.id] });
  return { correct, shown, errors };
}

function FilterForm({ filters, sources, locations, themes, onApply }: {
  filters: Record<FilterKey, string | undefined>;
  sources: string[];
  locations: LocationsAnswer['locations'];
  themes: ThemeItem[];
  onApply(next: Partial<Record<FilterKey, string | undefined>>): void;
}) {
  const { t } = useI18n();
  const themeName = useThemeName(themes);
  const { draft, set, submit } = useFilterDraft(filters, onApply);
  return (
    <form className="card rv-filters" onSubmit={submit} aria-label={t('rv.filters')} data-testid="review-filters">
      <label className="field">
        {t('rv.source')}
        <select value={draft.source ?? ''} onChange={set('source')} data-testid="filter-source">
          <option value="">{t('rv.anySource')}</option>
          {sources.map((s) => <option key={s} value={s}>{sourceLabel(t, s)}</option>)}
        </select>
      </label>
      <label className="field">
        {t('rv.location')}
        <select value={draft.location ?? ''} onChange={set('location')} data-testid="filter-location">
          <option value="">{t('rv.anyLocation')}</option>
          {locations.map((l) => <option key={l.id} value={l.id}>{'\u00a0'.repeat(l.depth * 2)}{l.name}</option>)}
        </select>
      </label>
      {(['minRating', 'maxRating'] as const).map((k) => (
        <label key={k} className="field">
          {t(`rv.${k}`)}
          <select value={draft[k] ?? ''} onChange={set(k)}>
            <option value="">{t('rv.anyRating')}</option>
            {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{t('rv.stars', { n })}</option>)}
          </select>
        </label>
      ))}
      <label className="field">
        {t('rv.sentiment')}
        <select value={draft.sentiment ?? ''} onChange={set('sentiment')} data-testid="filter-sentiment">
          <option value="">{t('rv.anySentiment')}</option>
          {SENTIMENTS.map((s) => <option key={s} value={s}>{t(`rv.sentiment.${s}`)}</option>)}
        </select>
      </label>
      <label className="field">
        {t('rv.theme')}
        <select value={draft.theme ?? ''} onChange={set('theme')} data-testid="filter-theme">
          <option value="">{t('rv.anyTheme')}</option>
          {/* A theme in the URL that the dictionary no longer has stays selectable (by its id) until changed. */}
          {draft.theme && !themes.some((th) => th.id === draft.theme) && <option value={draft.theme}>{draft.theme}</option>}
          {themes.map((th) => <option key={th.id} value={th.id}>{themeName(th.id)}</option>)}
        </select>
      </label>
      <label className="field">
        {t('rv.from')}
        <input type="date" value={draft.from ?? ''} onChange={set('from')} />
      </label>
      <label className="field">
        {t('rv.to')}
        <input type="date" value={draft.to ?? ''} onChange={set('to')} />
      </label>
      <label className="field rv-search">
        {t('rv.search')}
        <input type="search" value={draft.q ?? ''} maxLength={200} dir="auto" onChange={set('q')} data-testid="filter-q" />
      </label>
      <div className="rv-filter-actions">
        <button type="submit" className="primary">{t('rv.apply')}</button>
        <button type="button" className="link-button" onClick={() => onApply(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])))}>{t('rv.reset')}</button>
      </div>
    </form>
  );
}

function Stars({ value }: { value: number }) {
  const full = Math.round(value);
  return <span className="rv-stars" aria-hidden="true">{'★'.repeat(full)}{'☆'.repeat(5 - full)}</span>;
}

function ReviewItem({ r, themes, error, onCorrect, onDelete }: {
  r: Review;
  themes: ThemeItem[];
  error?: Error;
  onCorrect?: (s: SentimentValue) => void;
  onDelete?: () => Promise<void>;
}) {
  const { t, date } = useI18n();
  // The day the review was published in the organisation's calendar (as the filters and the trend count it).
  const timeZone = useSession().me?.org.timezone;
  return (
    <li className="rv-item" data-review={r.id}>
      <div className="rv-meta">
        <span className="badge rv-source"><bdi>{sourceLabel(t, r.source)}</bdi></span>
        {r.rating !== null && r.ratingScale !== null && r.stars !== null ? (
          <span className="rv-rating"><Stars value={r.stars} /> {t('rv.ratingOf', { rating: r.rating, scale: r.ratingScale })}</span>
        ) : (
          <span className="muted">{t('rv.noRating')}</span>
        )}
        {r.sentiment && r.sentimentSource && (
          <span className="rv-sentiment">
            <span className={`badge tx-${r.sentiment}`} data-testid="sentiment">{t(`rv.sentiment.${r.sentiment}`)}</span>
            <span className="badge tx-source">{t(`rv.sentimentSource.${r.sentimentSource}`)}</span>
          </span>
        )}
        <time dateTime={r.publishedAt}>{date(r.publishedAt, { dateStyle: 'medium', timeZone })}</time>
        {r.location && <span><bdi>{r.location.name}</bdi></span>}
        {r.author && <span className="muted"><bdi>{r.author}</bdi></span>}
      </div>
      {r.text && <p className="rv-text" dir="auto" lang={r.language ?? undefined}>{r.text}</p>}
      <ThemeChips ids={r.themes} themes={themes} />
      {error && <p role="alert" className="error rv-correct-error">{t('rv.correct.failed', { message: error.message })}</p>}
      <div className="rv-actions">
        {onCorrect && <SentimentCorrection reviewId={r.id} current={r.sentiment} onCorrect={onCorrect} />}
        {r.url && <a href={r.url} target="_blank" rel="noopener noreferrer nofollow">{t('rv.open')}</a>}
        {onDelete && <ConfirmButton label={t('rv.delete')} question={t('rv.deleteQuestion')} onConfirm={onDelete} />}
      </div>
    </li>
  );
}
