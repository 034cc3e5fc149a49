/**
 * /app/surveys/:id/responses — the survey's raw responses: the dashboard's filters, a search in the
 * comments, a table paged by cursor (newer / older) and the CSV / XLSX export of the same selection.
 * Everything lives in the URL (filters, q, excluded, cursor), so a link reproduces the view.
 */
import { useCallback, useMemo } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { qs } from '../api.ts';
import { SearchBox } from '../components/SearchBox.tsx';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { orgToday } from '../../core/time/orgCalendar.ts';
import { useSurveyContext } from '../analytics/useSurveyContext.ts';
import { apiFilterParams, parseFilters, queryAfterFilterPatch, type FilterPatch } from '../analytics/filters.ts';
import { channelLabel, FilterBar } from '../analytics/FilterBar.tsx';
import { ErrorBox, Skeleton } from '../analytics/ui.tsx';
import { localize } from '../../core/surveys/localize.ts';
import { SurveyTabs } from './SurveyTabs.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import type { ListedResponse, ResponsesAnswer } from './types.ts';
import './responses.css';

const PAGE = 25;
/** URL parameters of this view besides the shared filters. */
type OwnParam = 'q' | 'excluded' | 'cursor';

export function ResponsesPage() {
  const { t, lang } = useI18n();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const q = (params.get('q') ?? '').slice(0, 200);
  const includeExcluded = params.get('excluded') === '1';
  const cursor = params.get('cursor') ?? undefined;
  const { me } = useSession();
  const today = useMemo(() => orgToday(me?.org.timezone, new Date()), [me?.org.timezone]);

  /** Writes filters and this view's parameters; any change but paging starts again at the newest. */
  const update = useCallback(
    (patch: FilterPatch, own: Partial<Record<OwnParam, string | undefined>> = {}) =>
      setParams(() => {
        // As the address bar is now, not as last rendered (see queryAfterFilterPatch).
        const current = new URLSearchParams(window.location.search);
        const next = queryAfterFilterPatch(patch);
        for (const k of ['q', 'excluded'] as const) {
          const v = k in own ? own[k] : current.get(k) ?? undefined;
          if (v) next.set(k, v);
        }
        if (own.cursor) next.set('cursor', own.cursor);
        return next;
      }),
    [setParams],
  );
  const setFilters = useCallback((patch: FilterPatch) => update(patch), [update]);

  const { surveyState, ctx } = useSurveyContext(id, filters, today, setFilters);
  const selection = qs({ ...apiFilterParams(filters, today), includeExcluded: includeExcluded ? '1' : undefined, q: q || undefined });
  const list = useLoad<ResponsesAnswer>(`/surveys/${encodeURIComponent(id)}/responses${selection}${selection ? '&' : '?'}${qs({ limit: PAGE, cursor }).slice(1)}`);

  if (surveyState.error && !surveyState.loading) {
    return <div className="an-page"><ErrorBox error={surveyState.error} onRetry={surveyState.reload} /><p><Link to="/app">{t('an.backToOverview')}</Link></p></div>;
  }
  const survey = surveyState.data?.survey;

  return (
    <div className="an-page rs-page">
      <div className="an-page-head">
        <h1>{survey ? survey.name || localize(survey.title, 'en', survey.defaultLanguage) : '\u00a0'}</h1>
      </div>
      <SurveyTabs surveyId={id} />
      {ctx ? <FilterBar ctx={ctx} /> : <Skeleton height={64} />}
      <div className="toolbar rs-tools">
        <SearchBox key={q} initial={q} onSearch={(v) => update({}, { q: v || undefined })} label={t('rs.search')} buttonLabel={t('rs.searchButton')} clearLabel={t('rs.clearSearch')} className="rs-search" testId="responses-search" />
        <label className="inline rs-check">
          <input type="checkbox" checked={includeExcluded} onChange={(e) => update({}, { excluded: e.target.checked ? '1' : undefined })} />
          {t('rs.includeExcluded')}
        </label>
      </div>
      <ExportButtons basePath={`/surveys/${encodeURIComponent(id)}/responses`} query={selection} />
      {list.error && !list.loading && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data === null ? (!list.error && <Skeleton height={360} />) : (
        <div aria-busy={list.loading} className={list.loading ? 'an-reloading' : undefined}>
          {list.data.responses.length === 0 ? (
            <p className="muted an-empty" data-testid="responses-empty">{q ? t('rs.emptySearch', { q }) : t('rs.empty')}</p>
          ) : (
            <table className="rs-table" data-testid="responses-table">
              <caption>{t('rs.caption', { n: list.data.responses.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rs.col.submitted')}</th>
                  <th scope="col">{t('rs.col.location')}</th>
                  <th scope="col">{t('rs.col.channel')}</th>
                  {ctx?.question && <th scope="col" title={localize(ctx.question.text, lang, 'en') || ctx.question.key}>{t('rs.col.score')}</th>}
                  <th scope="col">{t('rs.col.comment')}</th>
                  <th scope="col">{t('rs.col.flags')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.responses.map((r) => <Row key={r.id} r={r} scoreKey={ctx?.question?.key} />)}
              </tbody>
            </table>
          )}
          <nav className="rs-pager" aria-label={t('rs.pages')}>
            <button type="button" className="secondary" disabled={!list.data.prevCursor} onClick={() => update({}, { cursor: list.data?.prevCursor ?? undefined })} data-testid="page-newer">
              {t('rs.prev')}
            </button>
            <button type="button" className="secondary" disabled={!list.data.nextCursor} onClick={() => update({}, { cursor: list.data?.nextCursor ?? undefined })} data-testid="page-older">
              {t('rs.next')}
            </button>
          </nav>
        </div>
      )}
    </div>
  );
}

function Row({ r, scoreKey }: { r: ListedResponse; scoreKey?: string }) {
  const { t, num, date } = useI18n();
  // data-label: the column's name, shown beside the value where the table becomes cards (phones).
  const location = useLocation();
  const comment = Object.values(r.answers).map((a) => a.text).filter((x): x is string => !!x).join(' · ');
  const score = scoreKey ? r.answers[scoreKey]?.score : undefined;
  return (
    <tr data-response={r.id} className={r.excluded ? 'an-excluded' : undefined}>
      <td className="rs-when">
        <Link to={`/app/responses/${encodeURIComponent(r.id)}`} state={{ from: location.pathname + location.search }}>
          <time dateTime={r.submittedAt}>{date(r.submittedAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
        </Link>
      </td>
      <td data-label={t('rs.col.location')}>{r.location ? <><bdi>{r.location.name}</bdi>{r.location.code && <> <bdi className="muted rs-code">{r.location.code}</bdi></>}</> : '—'}</td>
      <td className="rs-channel" data-label={t('rs.col.channel')}>{channelLabel(t, r.channel)}</td>
      {scoreKey && <td className="num" data-label={t('rs.col.score')}>{score === undefined ? '—' : num(score, 0)}</td>}
      <td data-label={t('rs.col.comment')}><p className="rs-comment" dir="auto">{comment || <span className="muted">—</span>}</p></td>
      <td>
        {r.excluded && <span className="badge rs-excluded">{t('rs.excluded')}</span>}
        {r.partial && <span className="badge rs-partial">{t('rs.partial')}</span>}
        {r.flags.map((f) => <span key={f} className={`badge reason-${f}`}>{t(`an.reason.${f}`)}</span>)}
      </td>
    </tr>
  );
}
