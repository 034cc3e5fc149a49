/**
 * /app/jobs: the organisation's failed background jobs (GET /org/jobs), newest first, each with a
 * "Run again" button (POST /org/jobs/:id/retry). For whole-organisation admins, like the settings.
 * A table with a caption and row headers; the outcome of a retry is announced (LiveStatus).
 */
import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { isMessageKey, useI18n } from '../../i18n.tsx';
import { WholeOrgAdminOnly } from '../WholeOrgAdminOnly.tsx';
import { EmptyState, ErrorMessage, LiveStatus, Loading, PageTitle, useLoad } from '../../components/index.ts';
import type { JobListResponse, JobRetryResponse, JobView } from '../../../core/api/jobs.ts';
import './jobs.css';

export function JobsPage() {
  const { t } = useI18n();
  return (
    <WholeOrgAdminOnly title={t('jobs.title')} refusal={t('jobs.noAccess')}>
      <FailedJobs />
    </WholeOrgAdminOnly>
  );
}

function FailedJobs() {
  const { t, num, date } = useI18n();
  const jobs = useLoad<JobListResponse>('/org/jobs?state=failed');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);

  // Kinds without a translation (added later) show their technical name.
  const kindName = (kind: string) => {
    const key = `jobs.kind.${kind}`;
    return isMessageKey(key) ? t(key) : kind;
  };
  const when = (job: JobView) => date(job.endedAt ?? job.createdAt, { dateStyle: 'medium', timeStyle: 'short' });

  const retry = async (job: JobView) => {
    setRetrying(job.id);
    setStatus(null);
    setError(null);
    try {
      await api.post<JobRetryResponse>(`/org/jobs/${job.id}/retry`, {});
      await jobs.reload();
      setStatus(t('jobs.retried', { kind: kindName(job.kind) }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setRetrying(null);
    }
  };

  const list = jobs.data?.jobs ?? null;
  return (
    <section className="jobs-page">
      <PageTitle title={t('jobs.title')} />
      <p className="muted">{t('jobs.intro')}</p>
      <ErrorMessage message={jobs.error ? t('shell.error', { message: jobs.error.message }) : error} />
      {jobs.loading && !list && <Loading lines={3} />}
      {list && list.length === 0 && (
        <EmptyState title={t('jobs.none')}>
          <p>{t('jobs.noneHint')}</p>
        </EmptyState>
      )}
      {list && list.length > 0 && (
        <table className="jobs-table">
          <caption>{t('jobs.caption', { n: list.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('jobs.kind')}</th>
              <th scope="col">{t('jobs.failedAt')}</th>
              <th scope="col">{t('jobs.attempts')}</th>
              <th scope="col">{t('jobs.error')}</th>
              <th scope="col"><span className="visually-hidden">{t('jobs.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {list.map((job) => (
              <tr key={job.id}>
                <th scope="row">{kindName(job.kind)}</th>
                <td>{when(job)}</td>
                <td>{num(job.attempts, 0)}</td>
                {/* Error texts come from the server in English (or the database's language): isolated from the page's direction. */}
                <td dir="auto" className="jobs-error">{job.error ?? t('jobs.noError')}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    disabled={retrying !== null}
                    aria-label={t('jobs.retryOne', { kind: kindName(job.kind), date: when(job) })}
                    onClick={() => retry(job)}
                  >
                    {retrying === job.id ? t('jobs.retrying') : t('jobs.retry')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LiveStatus message={status} kind="success" />
    </section>
  );
}
