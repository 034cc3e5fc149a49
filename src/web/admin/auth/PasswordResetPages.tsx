/** /forgot and /reset/:token (public): ask for a reset link, then choose a new password with it. */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { ErrorMessage, Field, LiveStatus, Loading, PageTitle } from '../../components/index.ts';
import { LanguageLinks } from './AuthPages.tsx';
import { stepError } from './TwoFactorParts.tsx';
import { useSubmit } from './useSubmit.ts';
import type { ResetLinkAnswer } from '../../../core/api/accounts.ts';

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { busy, error, run } = useSubmit((err) => stepError(err, t));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api.post('/auth/forgot', { email: email.trim() });
      setSentTo(email.trim());
    });
  };
  return (
    <main className="auth-page" id="main">
      <PageTitle title={t('forgot.title')} />
      <p>{t('forgot.intro')}</p>
      <form className="form" onSubmit={submit}>
        <Field label={t('auth.email')}>{(p) => <input {...p} type="email" dir="ltr" required autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
        <ErrorMessage message={error} />
        <button type="submit" disabled={busy}>{t('forgot.submit')}</button>
      </form>
      <LiveStatus message={sentTo ? t('forgot.sent', { email: sentTo }) : null} kind="success" />
      <p><Link to="/login">{t('forgot.back')}</Link></p>
      <LanguageLinks />
    </main>
  );
}

export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const [email, setEmail] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, run } = useSubmit((err) =>
    err instanceof ApiError && err.status === 404 ? t('reset.invalid') : err instanceof ApiError ? err.message : String(err),
  );
  useEffect(() => {
    api.get<ResetLinkAnswer>(`/auth/reset/${encodeURIComponent(token)}`).then(
      (r) => setEmail(r.email),
      (err) => setLoadError(err instanceof ApiError && err.status === 404 ? t('reset.invalid') : String(err)),
    );
  }, [token, t]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api.post(`/auth/reset/${encodeURIComponent(token)}`, { password });
      setDone(true);
    });
  };
  return (
    <main className="auth-page" id="main">
      <PageTitle title={t('reset.title')} />
      <ErrorMessage message={loadError} />
      {!email && !loadError && <Loading lines={2} />}
      {email && !done && (
        <>
          <p className="muted" dir="ltr">{email}</p>
          <form className="form" onSubmit={submit}>
            <Field label={t('account.new')} hint={t('auth.passwordHint')} error={error}>
              {(p) => <input {...p} type="password" required minLength={10} maxLength={200} autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
            </Field>
            <button type="submit" disabled={busy}>{t('reset.submit')}</button>
          </form>
        </>
      )}
      <LiveStatus message={done ? t('reset.done') : null} kind="success" />
      {(done || loadError) && <p><Link to="/login">{t('forgot.back')}</Link></p>}
    </main>
  );
}
