/**
 * /app/waves/:id: a wave's counts and response rate, and every invitation with its status, skip
 * reason, reminders and answer; reloaded every few seconds while invitations wait. Cancelling stops
 * what is not sent yet.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n.tsx';
import { useSession } from '../../shell/session.tsx';
import { ConfirmButton, ErrorMessage, LiveStatus, Loading, PageTitle, useLoad } from '../../components/index.ts';
import type { InvitationView, WaveDetailResponse, WaveResponse } from '../../../core/api/invitations.ts';
import { SkipReasons, WaveCounts } from './WaveCounts.tsx';
import { inProgress, useReloadWhile } from './WavesPage.tsx';
import './invites.css';

export function WaveDetailPage() {
  const { id } = useParams();
  const { t, num, date } = useI18n();
  const { can } = useSession();
  const detail = useLoad<WaveDetailResponse>(id ? `/waves/${id}` : null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const wave = detail.data?.wave ?? null;
  const { reload } = detail;
  useReloadWhile(wave ? inProgress(wave) : false, reload);

  const cancel = async () => {
    setError(null);
    try {
      await api.post<WaveResponse>(`/waves/${id}/cancel`, {});
      await reload();
      setStatus(t('inv.detail.cancelled'));
    } catch (err) {
      setError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
    }
  };

  const when = (v: string | null) => (v ? date(v, { dateStyle: 'medium', timeStyle: 'short' }) : '');
  const note = (i: InvitationView) => {
    if (i.status === 'skipped' && i.skipReason) return t(`inv.skip.${i.skipReason}` as MessageKey);
    if (i.status === 'queued') return t('inv.sendAfter', { date: when(i.sendAfter) });
    if (i.status === 'bounced' || i.status === 'failed') return i.lastError ?? '';
    return i.remindersSent > 0 ? t('inv.remindersSent', { n: i.remindersSent }) : '';
  };

  return (
    <section className="waves-page">
      <p><Link to="/app/waves">{t('inv.detail.back')}</Link></p>
      <PageTitle title={wave?.name ?? t('inv.title')} />
      <ErrorMessage message={detail.error ? t('shell.error', { message: detail.error.message }) : error} />
      {detail.loading && !wave && <Loading lines={6} />}
      {wave && detail.data && (
        <>
          <p className="wave-meta">
            <span>{wave.surveyName}</span>
            <span>{t(`inv.channel.${wave.channel}` as MessageKey)}</span>
            <span>{t(`inv.status.${wave.status}` as MessageKey)}</span>
            <span>{wave.reminderDays.length ? t('inv.detail.reminders', { days: wave.reminderDays.map((d) => num(d, 0)).join(', ') }) : t('inv.detail.noReminders')}</span>
            {/* Clock times left to right inside a right-to-left sentence (FSI…PDI isolates). */}
            <span>{t('inv.detail.window', { start: `\u2066${wave.window.start}\u2069`, end: `\u2066${wave.window.end}\u2069` })}</span>
          </p>
          <h2>{t('inv.detail.counts')}</h2>
          <WaveCounts counts={wave.counts} />
          <SkipReasons skipped={wave.counts.skipReasons} />
          {can('survey.edit') && wave.status !== 'cancelled' && wave.counts.pending > 0 && (
            <p><ConfirmButton label={t('inv.detail.cancel')} question={t('inv.detail.cancelConfirm')} onConfirm={cancel} /></p>
          )}
          <div className="table-scroll">
            <table className="wave-invitations">
              <caption>{t('inv.detail.invitations')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('inv.col.contact')}</th>
                  <th scope="col">{t('inv.col.status')}</th>
                  <th scope="col">{t('inv.col.when')}</th>
                  <th scope="col">{t('inv.col.answered')}</th>
                  <th scope="col">{t('inv.col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.data.invitations.map((i) => (
                  <tr key={i.id}>
                    <th scope="row" dir="auto">{i.contact ?? t('inv.noAddress')}{i.contactName && <div className="muted small">{i.contactName}</div>}</th>
                    <td>{t(`inv.istatus.${i.status}` as MessageKey)}</td>
                    <td>{when(i.sentAt)}</td>
                    <td>{when(i.respondedAt)}</td>
                    <td dir="auto">{note(i)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {detail.data.truncated && <p className="muted">{t('inv.detail.truncated')}</p>}
        </>
      )}
      <LiveStatus message={status} kind="success" />
    </section>
  );
}
