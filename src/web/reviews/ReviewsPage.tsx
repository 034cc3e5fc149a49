/**
 * /app/reviews: imported reviews of the caller's locations: filters (source, location subtree, rating on
 * 5 stars, sentiment, period, text search) kept in the URL, the monthly rating trend per source or location, the
 * list paged newest first, and for those who curate feedback data the import wizard and delete.
 */
import { useMemo, useState, type FormEvent } from 'react';
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
import type { LocationsAnswer } from '../../core/api/locations.ts';
import { ImportWizard } from './ImportWizard.tsx';
import { RatingTrend } from './RatingTrend.tsx';
import { sourceLabel } from './sourceLabel.ts';
import './reviews.css';

const PAGE = 25;
const FILTER_KEYS = ['source', 'location', 'minRating', 'maxRating', 'sentiment', 'from', 'to', 'q'] as const;
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
  const mayCurate = can('response.exclude');

  const setFilters = (next: Partial<Record<FilterKey, string | undefined>>) =>
    setParams((prev) => {
      const out = new URLSearchParams();
      for (const k of FILTER_KEYS) {
        const v = k in next ? next[k] : prev.get(k) ?? undefined;
        if (v) out.set(k, v);
      }
      return out;
    });
  const setOffset = (o: number) =>
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      if (o > 0) out.set('offset', String(o));
      else out.delete('offset');
      return out;
    });
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
        onApply={setFilters}
      />
      <RatingTrend key={version} filters={filters} />
      <LiveStatus message={status} kind="success" />
      {list.error && !list.loading && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data === null ? (!list.error && <Skeleton height={360} />) : (
        <section aria-busy={list.loading} className={list.loading ? 'an-reloading card' : 'card'}>
          {list.data.total === 0 ? (
            <p className="muted an-empty" data-testid="reviews-empty">{FILTER_KEYS.some((k) => filters[k]) ? t('rv.empty') : t('rv.none')}</p>
          ) : (
            <>
              <ul className="rv-list" aria-label={t('rv.caption', { n: list.data.total })} data-testid="reviews-list">
                {list.data.reviews.map((r) => <ReviewItem key={r.id} r={r} onDelete={mayCurate ? () => remove(r.id) : undefined} />)}
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

function FilterForm({ filters, sources, locations, onApply }: {
  filters: Record<FilterKey, string | undefined>;
  sources: string[];
  locations: LocationsAnswer['locations'];
  onApply(next: Partial<Record<FilterKey, string | undefined>>): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(filters);
  const set = (k: FilterKey) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value || undefined }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...draft, q: draft.q?.trim() || undefined });
  };
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

function ReviewItem({ r, onDelete }: { r: Review; onDelete?: () => Promise<void> }) {
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
      <div className="rv-actions">
        {r.url && <a href={r.url} target="_blank" rel="noopener noreferrer nofollow">{t('rv.open')}</a>}
        {onDelete && <ConfirmButton label={t('rv.delete')} question={t('rv.deleteQuestion')} onConfirm={onDelete} />}
      </div>
    </li>
  );
}
