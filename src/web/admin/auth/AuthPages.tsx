/** First-run owner setup and sign-in. */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { safeNextPath } from '../../../core/accounts/nextPath.ts';
import { Loading, PageTitle } from '../../components/index.ts';
import { LANGUAGES, nativeName } from '../../../core/i18n/languages.ts';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../shell/session.tsx';
import { useSessionStartingSubmit } from './useSessionStartingSubmit.ts';
import { EnrolForm, RecoveryCodes, SecondFactorForm, stepError, type Enrolment } from './TwoFactorParts.tsx';
import type { AuthStateAnswer, EnrolConfirmAnswer, LoginAnswer } from '../../../core/api/accounts.ts';

function useAuthState() {
  const [state, setState] = useState<AuthStateAnswer | null>(null);
  useEffect(() => {
    api.get<AuthStateAnswer>('/auth/state').then(setState, () => setState({ needsSetup: false, signedIn: false }));
  }, []);
  return state;
}

export function LanguageLinks() {
  const { lang, setLang } = useI18n();
  return (
    <p className="auth-langs">
      {LANGUAGES.map((l) => (
        <button key={l} type="button" className="link-button" lang={l} aria-pressed={l === lang} onClick={() => setLang(l)}>
          {nativeName(l)}
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

type LoginStep = { kind: 'password' } | { kind: 'verify'; next: string } | { kind: 'enrol'; next: string; enrolment: Enrolment | null } | { kind: 'codes'; next: string; codes: string[] };

/**
 * Sign-in: the password, then (when on, or required by the organisation) the second factor or its
 * set-up; afterwards back to the page that sent the user here (`?next=`, kept by the server only
 * when it is a path under /app).
 */
export function LoginPage() {
  const { t } = useI18n();
  const { me, refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const state = useAuthState();
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<LoginStep>({ kind: 'password' });
  const [busy, setBusy] = useState(false);
  const enrolling = step.kind === 'enrol' && step.enrolment === null;
  useEffect(() => {
    if (!enrolling) return;
    api.post<Enrolment>('/auth/two-factor/enrol').then(
      (enrolment) => setStep((s) => (s.kind === 'enrol' ? { ...s, enrolment } : s)),
      () => { setStep({ kind: 'password' }); setError(t('tf.expired')); },
    );
  }, [enrolling, t]);
  if (state?.needsSetup) return <Navigate to="/setup" replace />;
  // Signed in (now or already): on to the page that sent the user here, as the server would keep it.
  if (me && step.kind !== 'codes') return <Navigate to={safeNextPath(params.get('next'))} replace />;
  const enter = async (next: string) => {
    await refresh();
    navigate(next);
  };
  const expired = () => {
    setStep({ kind: 'password' });
    setError(t('tf.expired'));
  };
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setError(null);
    setBusy(true);
    try {
      const res = await api.post<LoginAnswer>('/auth/login', {
        email: f.get('email'), password: f.get('password'), next: params.get('next') ?? undefined,
      });
      if (res.twoFactor === 'verify') setStep({ kind: 'verify', next: res.next });
      else if (res.twoFactor === 'enrol') setStep({ kind: 'enrol', next: res.next, enrolment: null });
      else await enter(res.next);
    } catch (err) {
      setError(stepError(err, t, 'auth.wrong'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="auth-page" id="main">
      {step.kind === 'password' && (
        <>
          <PageTitle title={t('auth.signIn')}>{t('auth.signInTitle')}</PageTitle>
          <form onSubmit={submit} className="form">
            <label>{t('auth.email')}<input name="email" type="email" required autoComplete="username" /></label>
            <label>{t('auth.password')}<input name="password" type="password" required autoComplete="current-password" /></label>
            {error && <p role="alert" className="error">{error}</p>}
            <button type="submit" disabled={busy}>{t('auth.signIn')}</button>
          </form>
          <p><Link to="/forgot">{t('auth.forgotLink')}</Link></p>
        </>
      )}
      {step.kind === 'verify' && (
        <>
          <PageTitle title={t('tf.title')} />
          <SecondFactorForm onSignedIn={(next) => void enter(next)} onExpired={expired} />
        </>
      )}
      {step.kind === 'enrol' && (
        <>
          <PageTitle title={t('tf.enrolTitle')} />
          <p>{t('tf.enrolRequired')}</p>
          {step.enrolment ? (
            <EnrolForm
              enrolment={step.enrolment}
              confirm={async (code) => {
                const res = await api.post<EnrolConfirmAnswer>('/auth/two-factor/enrol/confirm', { code });
                // The codes first: once the session is known, this page would otherwise leave for /app.
                setStep({ kind: 'codes', next: res.next, codes: res.recoveryCodes });
                await refresh();
              }}
            />
          ) : <Loading lines={3} />}
        </>
      )}
      {step.kind === 'codes' && (
        <>
          <PageTitle title={t('tf.enabled')} />
          <RecoveryCodes codes={step.codes} onDone={() => navigate(step.next)} />
        </>
      )}
      <LanguageLinks />
    </main>
  );
}
