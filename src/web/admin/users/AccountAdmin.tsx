/** The users page's account controls: a password reset link for one person, and the organisation's two-factor rule. */
import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { ConfirmButton, ErrorMessage, LiveStatus, useLoad } from '../../components/index.ts';
import { LinkToPassOn } from './LinkToPassOn.tsx';
import type { PasswordResetAnswer } from '../../../core/api/users.ts';
import type { TwoFactorRuleAnswer } from '../../../core/api/accounts.ts';

/** "Reset password": asks first, then says it was mailed, or shows the link to pass on. */
export function ResetPasswordButton({ userId, email }: { userId: string; email: string }) {
  const { t } = useI18n();
  const [result, setResult] = useState<{ link: string | null; emailed: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reset = async () => {
    setError(null);
    try {
      const res = await api.post<PasswordResetAnswer>(`/users/${userId}/password-reset`);
      setResult({ emailed: res.emailed, link: res.link ? new URL(res.link, window.location.origin).toString() : null });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <div className="reset-password">
      <ConfirmButton label={t('users.resetPassword')} question={t('users.resetQ', { email })} onConfirm={reset} />
      <ErrorMessage message={error} />
      <LiveStatus message={result?.emailed ? t('users.resetSent', { email }) : null} kind="success" />
      {result?.link && <LinkToPassOn intro={t('users.resetLink', { email })} label={t('users.resetPassword')} link={result.link} />}
    </div>
  );
}

/** Owners and admins: require two-factor sign-in for everybody. */
export function SecurityCard() {
  const { t } = useI18n();
  const rule = useLoad<TwoFactorRuleAnswer>('/org/two-factor');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = async (required: boolean) => {
    setStatus(null);
    setError(null);
    try {
      rule.setData(await api.put<TwoFactorRuleAnswer>('/org/two-factor', { required }));
      setStatus(t('users.requireSaved'));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <section className="card builder-section" aria-labelledby="security-h">
      <h2 id="security-h">{t('users.security')}</h2>
      <label className="check">
        <input type="checkbox" checked={!!rule.data?.required} disabled={!rule.data} onChange={(e) => toggle(e.target.checked)} aria-describedby="require-totp-hint" />
        {t('users.requireTotp')}
      </label>
      <p id="require-totp-hint" className="muted">{t('users.requireTotpHint')}</p>
      <ErrorMessage message={error} />
      <LiveStatus message={status} kind="success" />
    </section>
  );
}
