/**
 * /app/validation — responses flagged by the data-quality rules, with Exclude / Include, a link to each
 * response, pages of PAGE rows and "exclude all of this reason". Excluding keeps the response and marks
 * it (reversible); the change shows at once and is rolled back if the server refuses it.
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n.tsx';
import { api } from '../api.ts';
import type { BulkExclusionAnswer } from '../../core/api/responses.ts';
import type { SurveyListAnswer } from '../../core/api/surveys.ts';
import type { QualityAnswer, QualityReason } from './types.ts';
import { useLoad } from '../components/useLoad.ts';
import { useSession } from '../shell/session.tsx';
import { Loadable, Skeleton } from './ui.tsx';

const REASONS: QualityReason[] = ['missing_required', 'straight_lining', 'duplicate_contact', 'speeder', 'unknown_location'];
/** Flagged responses per page. */
const PAGE = 50;
const UUID_RE = /^[0-9a-f-]{36}$/i;

export function QualityPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const surveys = useLoad<SurveyListAnswer>('/surveys');
  const wanted = params.get('survey');
  const reasonParam = params.get('reason');
  const reason = REASONS.find((r) => r === reasonParam);
  const list = surveys.data?.surveys ?? [];
  const surveyId = wanted && UUID_RE.test(wanted) ? wanted : list[0]?.id;
  const set = (k: string, v: string | undefined) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      if (v) p.set(k, v);
      else p.delete(k);
      return p;
    });

  return (
    <div className="an-page">
      <PageTitle title={t('an.quality.title')} />
      <p className="muted">{t('an.quality.intro')}</p>
      {surveys.data === null ? <Skeleton height={64} /> : list.length === 0 ? <p className="muted">{t('an.quality.noSurveys')}</p> : (
        <div className="toolbar">
          <label>
            {t('an.quality.survey')}
            <select value={surveyId ?? ''} onChange={(e) => set('survey', e.target.value)} data-testid="quality-survey">
              {list.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
          <label>
            {t('an.quality.reason')}
            <select value={reason ?? ''} onChange={(e) => set('reason', e.target.value || undefined)}>
              <option value="">{t('an.filters.all')}</option>
              {REASONS.map((r) => <option key={r} value={r}>{t(`an.reason.${r}`)}</option>)}
            </select>
          </label>
        </div>
      )}
      {surveyId && <FlaggedTable key={`${surveyId}-${reason ?? ''}`} surveyId={surveyId} reason={reason} />}
    </div>
  );
}

interface Override {
  excluded: boolean;
  pending: boolean;
}

function FlaggedTable({ surveyId, reason }: { surveyId: string; reason?: QualityReason }) {
  const { t, num, date } = useI18n();
  const mayExclude = useSession().can('response.exclude');
  const state = useLoad<QualityAnswer>(`/surveys/${encodeURIComponent(surveyId)}/quality`);
  const [overrides, setOverrides] = useState<Record<string, Override>>({});
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(0);

  const excludeAll = async (r: QualityReason) => {
    setStatus(t('an.quality.saving'));
    try {
      const res = await api.post<BulkExclusionAnswer>(`/surveys/${encodeURIComponent(surveyId)}/quality/exclude`, { reason: r });
      setOverrides({});
      await state.reload();
      setStatus(t('rs.quality.excludedAll', { n: res.excluded }));
    } catch (e) {
      setStatus(t('an.quality.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const toggle = async (responseId: string, exclude: boolean) => {
    const before = overrides[responseId];
    setOverrides((o) => ({ ...o, [responseId]: { excluded: exclude, pending: true } }));
    setStatus(t('an.quality.saving'));
    try {
      if (exclude) await api.post(`/responses/${encodeURIComponent(responseId)}/exclude`, { reason: 'data_quality' });
      else await api.post(`/responses/${encodeURIComponent(responseId)}/include`, {});
      setOverrides((o) => ({ ...o, [responseId]: { excluded: exclude, pending: false } }));
      setStatus(t(exclude ? 'an.quality.excluded' : 'an.quality.included'));
    } catch (e) {
      // Roll back to what was shown before the click.
      setOverrides((o) => {
        const next = { ...o };
        if (before) next[responseId] = before;
        else delete next[responseId];
        return next;
      });
      setStatus(t('an.quality.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <>
      <p role="status" aria-live="polite" className="an-status" data-testid="quality-status">{status}</p>
      <Loadable state={state} height={260}>
        {(d) => {
          const rows = d.flagged.filter((f) => !reason || f.reasons.includes(reason));
          const pages = Math.max(1, Math.ceil(rows.length / PAGE));
          const current = Math.min(page, pages - 1);
          const shown = rows.slice(current * PAGE, (current + 1) * PAGE);
          const toExclude = rows.filter((f) => !(overrides[f.responseId]?.excluded ?? f.excluded)).length;
          return (
            <>
              <details className="card an-rules">
                <summary>{t('an.quality.rules')}</summary>
                <dl>
                  {REASONS.map((r) => (
                    <div key={r}>
                      <dt>{t(`an.reason.${r}`)}</dt>
                      <dd>{t(`an.rule.${r}`, { seconds: num(d.rules.speederMs / 1000, 0) })}</dd>
                    </div>
                  ))}
                </dl>
              </details>
              {mayExclude && reason && toExclude > 0 && (
                <div className="toolbar rs-exclude-all" data-testid="quality-exclude-all">
                  <ConfirmButton
                    label={t('rs.quality.excludeAll', { reason: t(`an.reason.${reason}`) })}
                    question={t('rs.quality.excludeAllQuestion', { n: toExclude, reason: t(`an.reason.${reason}`) })}
                    onConfirm={() => excludeAll(reason)}
                  />
                </div>
              )}
              {rows.length === 0 ? <p className="muted an-empty">{t('an.quality.none')}</p> : (
                <table data-testid="quality-table">
                  <caption>{t('an.quality.caption', { n: rows.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('an.quality.submitted')}</th>
                      <th scope="col">{t('an.col.location')}</th>
                      <th scope="col">{t('an.quality.reasons')}</th>
                      <th scope="col">{t('an.quality.state')}</th>
                      <th scope="col"><span className="visually-hidden">{t('an.quality.action')}</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((f) => {
                      const o = overrides[f.responseId];
                      const excluded = o ? o.excluded : f.excluded;
                      return (
                        <tr key={f.responseId} data-response={f.responseId} className={excluded ? 'an-excluded' : undefined}>
                          <td>
                            <Link to={`/app/responses/${encodeURIComponent(f.responseId)}`} title={t('rs.quality.open')}>
                              <time dateTime={f.submittedAt}>{date(f.submittedAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                            </Link>
                          </td>
                          <td dir="auto">{f.locationName ?? '—'}</td>
                          <td>{f.reasons.map((r) => (
                            <span key={r} className={`badge reason-${r}`} dir="auto">
                              {r === 'unknown_location' && f.unknownLocationCode ? t('an.reason.unknown_location_code', { code: f.unknownLocationCode }) : t(`an.reason.${r}`)}
                            </span>
                          ))}</td>
                          <td>{excluded ? t('an.quality.isExcluded') : t('an.quality.isIncluded')}</td>
                          <td>
                            {mayExclude && <button type="button" className={excluded ? 'secondary' : 'danger'} disabled={o?.pending}
                              onClick={() => toggle(f.responseId, !excluded)}>
                              {excluded ? t('an.quality.include') : t('an.quality.exclude')}
                            </button>}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
              {pages > 1 && (
                <nav className="an-quality-pager" aria-label={t('rs.pages')}>
                  <button type="button" className="secondary" disabled={current === 0} onClick={() => setPage(current - 1)}>{t('rs.prev')}</button>
                  <span>{t('rs.quality.page', { page: num(current + 1, 0), pages: num(pages, 0) })}</span>
                  <button type="button" className="secondary" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>{t('rs.next')}</button>
                </nav>
              )}
            </>
          );
        }}
      </Loadable>
    </>
  );
}
