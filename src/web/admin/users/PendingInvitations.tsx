/**
 * Pending invitations with their actions: copy a new link, resend, revoke. Only token hashes are
 * stored, so an earlier link cannot be shown again: copying and resending make a new one (and say so).
 */
import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n.tsx';
import { ConfirmButton, ErrorMessage, LiveStatus } from '../../components/index.ts';
import { LinkToPassOn } from './LinkToPassOn.tsx';
import type { InvitationRow } from '../types.ts';
import type { InvitationAnswer } from '../../../core/api/users.ts';

export function PendingInvitations({ invitations, locationNames, onChanged }: {
  invitations: InvitationRow[] | null;
  locationNames(ids: string[]): string;
  onChanged(): Promise<void> | void;
}) {
  const { t, date } = useI18n();
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<{ email: string; link: string } | null>(null);

  const act = async (work: () => Promise<void>) => {
    setStatus(null);
    setError(null);
    try {
      await work();
      await onChanged();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const renew = (i: InvitationRow, email: boolean) =>
    act(async () => {
      const res = await api.post<InvitationAnswer>(`/invitations/${i.id}/resend`, { email });
      const link = res.link ? new URL(res.link, window.location.origin).toString() : null;
      if (!email && link) {
        // Copied right away when the browser allows it; the link stays on screen either way.
        await navigator.clipboard?.writeText(link).catch(() => {});
      }
      setShown(link ? { email: i.email, link } : null);
      setStatus(res.emailed ? t('users.resent', { email: i.email }) : null);
    });
  const revoke = (i: InvitationRow) =>
    act(async () => {
      await api.delete(`/invitations/${i.id}`);
      setShown(null);
      setStatus(t('users.revoked', { email: i.email }));
    });

  return (
    <section className="card builder-section" aria-labelledby="pending-h">
      <h2 id="pending-h">{t('users.pending')}</h2>
      {invitations && invitations.length === 0 && <p className="muted">{t('users.noPending')}</p>}
      {invitations && invitations.length > 0 && (
        <>
          <p className="muted">{t('users.newLinkNote')}</p>
          <ul className="pending-list">
            {invitations.map((i) => (
              <li key={i.id} className="pending-item">
                <span>
                  <span dir="ltr">{i.email}</span> — {t(`role.${i.role}` as MessageKey)}{i.locationIds.length ? ` (${locationNames(i.locationIds)})` : ''}
                  {t('shell.sep')}{t('users.expires', { date: date(i.expiresAt) })}
                </span>
                <span className="row pending-actions" role="group" aria-label={`${t('users.actions')}: ${i.email}`}>
                  <button type="button" className="secondary" onClick={() => renew(i, false)}>{t('users.copyLink')}</button>
                  <button type="button" className="secondary" onClick={() => renew(i, true)}>{t('users.resend')}</button>
                  <ConfirmButton label={t('users.revoke')} question={t('users.revokeQ', { email: i.email })} onConfirm={() => revoke(i)} />
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorMessage message={error} />
      <LiveStatus message={status} kind="success" />
      {shown && <LinkToPassOn intro={t('users.newLinkFor', { email: shown.email })} label={t('invite.link')} link={shown.link} />}
    </section>
  );
}
