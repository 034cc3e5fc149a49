/** First-run owner setup and sign-in. */
import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { useI18n, UI_LANGUAGES } from '../../i18n.tsx';
import { useSession } from '../../shell/session.tsx';
import { useSessionStartingSubmit } from './useSessionStartingSubmit.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

function useAuthState() {
  const [state, setState] = useState<{ needsSetup: boolean; signedIn: boolean } | null>(null);
  useEffect(() => {
    api.get<{ needsSetup: boolean; signedIn: boolean }>('/auth/state').then(setState, () => setState({ needsSetup: false, signedIn: false }));
  }, []);
  return state;
}

function LanguageLinks() {
  const { lang, setLang } = useI18n();
  return (
    <p className="auth-langs">
      {UI_LANGUAGES.map((l) => (
        <button key={l} type="button" className="link-button" lang={l} aria-pressed={l === lang} onClick={() => setLang(l)}>
          {l === 'en' ? 'English' : l === 'ru' ? 'Русский' : 'فارسی'}
        </button>
      ))}
    </p>
  );
}

export function SetupPage() {
  const { t, lang } = useI18n();
  const state = useAuthState();
  const { busy, error, run } = useSessionStartingSubmit();
  if (state && !state.needsSetup) return <Navigate to="/login" replace />;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    void run(() =>
      api.post('/auth/setup', {
        orgName: f.get('orgName'),
        name: f.get('name'),
        email: f.get('email'),
        password: f.get('password'),
        locale: lang,
        timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
      }),
    );
  };
  return (
    <main className="auth-page" id="main">
      <h1>{t('auth.setupTitle')}</h1>
      <p>{t('auth.setupIntro')}</p>
      <form onSubmit={submit} className="form">
        <label>{t('auth.orgName')}<input name="orgName" required maxLength={200} autoComplete="organization" /></label>
        <label>{t('auth.yourName')}<input name="name" maxLength={200} autoComplete="name" /></label>
        <label>{t('auth.email')}<input name="email" type="email" required autoComplete="email" /></label>
        <label>{t('auth.password')}<input name="password" type="password" required minLength={10} autoComplete="new-password" aria-describedby="pw-hint" /></label>
        <small id="pw-hint">{t('auth.passwordHint')}</small>
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit" disabled={busy}>{t('auth.createOwner')}</button>
      </form>
      <LanguageLinks />
    </main>
  );
}

export function LoginPage() {
  const { t } = useI18n();
  const { me, refresh } = useSession();
  const navigate = useNavigate();
  const state = useAuthState();
  const [error, setError] = useState<string | null>(null);
  if (state?.needsSetup) return <Navigate to="/setup" replace />;
  if (me) return <Navigate to="/app" replace />;
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setError(null);
    try {
      await api.post('/auth/login', { email: f.get('email'), password: f.get('password') });
      await refresh();
      navigate('/app');
    } catch (err) {
      setError(err instanceof ApiError && err.status === 429 ? t('auth.tooMany') : err instanceof ApiError ? t('auth.wrong') : String(err));
    }
  };
  return (
    <main className="auth-page" id="main">
      <PageTitle title={t('auth.signIn')}>{t('auth.signInTitle')}</PageTitle>
      <form onSubmit={submit} className="form">
        <label>{t('auth.email')}<input name="email" type="email" required autoComplete="username" /></label>
        <label>{t('auth.password')}<input name="password" type="password" required autoComplete="current-password" /></label>
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit">{t('auth.signIn')}</button>
      </form>
      <LanguageLinks />
    </main>
  );
}
