/** Invite someone by e-mail; without SMTP the link is shown here to pass on by hand. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n.tsx';
import { CopyableUrl, ErrorMessage, Field } from '../../components/index.ts';
import { INVITABLE_ROLES, type Location } from '../types.ts';
import type { InvitationAnswer } from '../../../core/api/users.ts';
import { buildTree, treeOrder } from '../../../core/locations/tree.ts';
import { locationLabel } from '../../analytics/labels.ts';

export function InviteForm({ locations, onInvited }: { locations: Location[]; onInvited(): Promise<void> | void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('analyst');
  const [locationIds, setLocationIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ email: string; link: string; emailed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  // Inviting an address with a pending invitation offers to resend that one (a new one would break its link).
  const [pending, setPending] = useState<{ id: string; email: string } | null>(null);
  const needsLocations = role === 'location_manager';
  // Tree order, each location under its own parent: the API lists them by depth, so every store came after the last region.
  const ordered = treeOrder(buildTree(locations));
  const toggle = (id: string) => setLocationIds(locationIds.includes(id) ? locationIds.filter((x) => x !== id) : [...locationIds, id]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setPending(null);
    if (needsLocations && locationIds.length === 0) {
      setError(t('invite.needLocations'));
      return;
    }
    setBusy(true);
    try {
      const res = await api.post<InvitationAnswer>('/invitations', { email: email.trim(), role, locationIds });
      setResult({ email: email.trim(), link: res.link ? new URL(res.link, window.location.origin).toString() : '', emailed: res.emailed });
      setEmail('');
      setLocationIds([]);
      await onInvited();
    } catch (err) {
      const details = err instanceof ApiError ? (err.details as { reason?: string; invitationId?: string } | undefined) : undefined;
      if (details?.reason === 'pending_invitation' && details.invitationId) setPending({ id: details.invitationId, email: email.trim() });
      else setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const resendPending = async () => {
    if (!pending) return;
    setError(null);
    try {
      const res = await api.post<InvitationAnswer>(`/invitations/${pending.id}/resend`, { email: true });
      setResult({ email: pending.email, link: res.link ? new URL(res.link, window.location.origin).toString() : '', emailed: res.emailed });
      setPending(null);
      setEmail('');
      await onInvited();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <section className="card builder-section" aria-labelledby="invite-h">
      <h2 id="invite-h">{t('invite.title')}</h2>
      <form className="form" onSubmit={submit} noValidate={false}>
        <Field label={t('users.email')}>{(p) => <input {...p} type="email" dir="ltr" required value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />}</Field>
        <Field label={t('users.role')} hint={t(`roleHint.${role}` as MessageKey)}>
          {(p) => (
            <select {...p} value={role} onChange={(e) => setRole(e.target.value)}>
              {INVITABLE_ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}` as MessageKey)}</option>)}
            </select>
          )}
        </Field>
        <fieldset className="inline-fieldset column">
          <legend>{needsLocations ? t('invite.locationsRequired') : t('invite.locationsOptional')}</legend>
          {ordered.map(({ location: l, depth }) => (
            <label key={l.id} className="check" data-level={depth + 1} style={{ paddingInlineStart: `${depth * 1.2}rem` }}>
              <input type="checkbox" checked={locationIds.includes(l.id)} onChange={() => toggle(l.id)} />
              {locationLabel(l.name, l.code)}
            </label>
          ))}
        </fieldset>
        <ErrorMessage message={error} />
        {pending && (
          <div role="alert" className="pending-exists">
            <p>{t('invite.pendingExists', { email: pending.email })}</p>
            <button type="button" onClick={resendPending}>{t('invite.resendPending')}</button>
          </div>
        )}
        <button type="submit" disabled={busy}>{t('invite.send')}</button>
      </form>
      <div role="status" aria-live="polite">
        {result && (
          <div className="invite-result">
            <p>{result.emailed ? t('invite.emailed', { email: result.email }) : t('invite.notEmailed', { email: result.email })}</p>
            {result.link && (
              <CopyableUrl url={result.link} label={t('invite.link')} className="invite-link" />
            )}
          </div>
        )}
      </div>
    </section>
  );
}
