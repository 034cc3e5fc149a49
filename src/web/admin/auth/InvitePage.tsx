/** /invite/:token (public): shows who invites whom, then name + password; signs in and opens /app. */
import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n.tsx';
import { useSessionStartingSubmit } from './useSessionStartingSubmit.ts';
import { ErrorMessage, Field, Loading, PageTitle } from '../../components/index.ts';
import type { AcceptAnswer, InvitationInfoAnswer } from '../../../core/api/users.ts';

export function InvitePage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const [info, setInfo] = useState<InvitationInfoAnswer | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, run } = useSessionStartingSubmit();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');

  useEffect(() => {
    api.get<InvitationInfoAnswer>(`/invitations/${encodeURIComponent(token)}`).then(setInfo, (err) =>
      setLoadError(err instanceof ApiError && (err.status === 404 || err.status === 410) ? t('accept.invalid') : String(err)),
    );
  }, [token, t]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const res = await api.post<AcceptAnswer>(`/invitations/${encodeURIComponent(token)}/accept`, { name: name.trim(), password });
      // The organisation requires two-factor sign-in: it is set up at the sign-in page, before anything else.
      return res.signIn ? '/login' : '/app';
    });
  };
  return (
    <main className="auth-page" id="main">
      <PageTitle title={t('accept.title')} />
      <ErrorMessage message={loadError} />
      {!info && !loadError && <Loading lines={3} />}
      {info && (
        <>
          <p>{t('accept.intro', { org: info.orgName, role: t(`role.${info.role}` as MessageKey) })}</p>
          <p className="muted" dir="ltr">{info.email}</p>
          <form className="form" onSubmit={submit}>
            <Field label={t('auth.yourName')}>{(p) => <input {...p} required maxLength={200} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />}</Field>
            <Field label={t('auth.password')} hint={t('auth.passwordHint')}>
              {(p) => <input {...p} type="password" required minLength={10} autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
            </Field>
            <ErrorMessage message={error} />
            <button type="submit" disabled={busy}>{t('accept.submit')}</button>
          </form>
        </>
      )}
    </main>
  );
}
