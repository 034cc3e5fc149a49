/**
 * /app/waves: the organisation's invitation waves, newest first, with live progress (reloaded every
 * few seconds while any wave still has invitations waiting) and each wave's response rate.
 */
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n.tsx';
import { useSession } from '../../shell/session.tsx';
import { EmptyState, ErrorMessage, Loading, PageTitle, useLoad } from '../../components/index.ts';
import type { WaveListResponse, WaveView } from '../../../core/api/invitations.ts';
import './invites.css';

const POLL_MS = 3000;

/** Whether the wave still has work in flight (planning, or invitations waiting). */
export const inProgress = (w: WaveView) => w.status === 'planning' || (w.status === 'planned' && w.counts.pending > 0);

/** Reloads every few seconds while `active` (live progress of waves). */
export function useReloadWhile(active: boolean, reload: () => Promise<void>) {
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [active, reload]);
}

export function WavesPage() {
  const { t, num, pct, date } = useI18n();
  const { can } = useSession();
  const waves = useLoad<WaveListResponse>('/waves');
  const list = waves.data?.waves ?? null;
  useReloadWhile(list?.some(inProgress) ?? false, waves.reload);

  return (
    <section className="waves-page">
      <PageTitle title={t('inv.title')} />
      <p className="muted">{t('inv.intro')}</p>
      <p className="waves-actions">
        {can('survey.edit') && <Link className="button" to="/app/waves/new">{t('inv.new')}</Link>}
        {can('user.invite') && <Link to="/app/outbox">{t('inv.outbox.link')}</Link>}
      </p>
      <ErrorMessage message={waves.error ? t('shell.error', { message: waves.error.message }) : null} />
      {waves.loading && !list && <Loading lines={3} />}
      {list && list.length === 0 && (
        <EmptyState title={t('inv.none')}>
          <p>{t('inv.noneHint')}</p>
        </EmptyState>
      )}
      {list && list.length > 0 && (
        <div className="table-scroll">
          <table className="waves-table">
            <caption>{t('inv.caption', { n: list.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inv.col.name')}</th>
                <th scope="col">{t('inv.col.survey')}</th>
                <th scope="col">{t('inv.col.progress')}</th>
                <th scope="col">{t('inv.col.delivered')}</th>
                <th scope="col">{t('inv.col.responses')}</th>
                <th scope="col">{t('inv.col.rate')}</th>
                <th scope="col">{t('inv.col.created')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((w) => {
                const done = w.counts.invitations - w.counts.pending;
                return (
                  <tr key={w.id}>
                    <th scope="row">
                      <Link to={`/app/waves/${w.id}`}>{w.name}</Link>
                      <div className="muted small">{t(`inv.channel.${w.channel}` as MessageKey)}</div>
                    </th>
                    <td>{w.surveyName}</td>
                    <td>
                      {w.status === 'planned' ? (
                        <>
                          <progress max={Math.max(1, w.counts.invitations)} value={done} aria-label={t('inv.progress', { done, total: w.counts.invitations })} />
                          <div className="small">{t('inv.progress', { done, total: w.counts.invitations })}</div>
                        </>
                      ) : (
                        t(`inv.status.${w.status}` as MessageKey)
                      )}
                    </td>
                    <td>{num(w.counts.delivered, 0)}</td>
                    <td>{num(w.counts.responses, 0)}</td>
                    <td>{w.counts.responseRate === null ? t('inv.rateNone') : pct(w.counts.responseRate * 100, 1)}</td>
                    <td>{date(w.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
