/** /app/account: the signed-in user's name, password and two-factor sign-in. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../shell/session.tsx';
import { ErrorMessage, Field, LiveStatus, Loading, PageTitle, useLoad } from '../../components/index.ts';
import { EnrolForm, RecoveryCodes, stepError, type Enrolment } from './TwoFactorParts.tsx';
import type { RecoveryCodesAnswer, TwoFactorStateAnswer } from '../../../core/api/accounts.ts';

/** A field-level message from a 400 that names `field` ("currentPassword: wrong password"). */
const wrongPassword = (err: unknown, field: string) => err instanceof ApiError && err.status === 400 && (err.details as { field?: string } | undefined)?.field === field;

function ProfileSection() {
  const { t } = useI18n();
  const { me, refresh } = useSession();
  const [name, setName] = useState(me?.user.name ?? '');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    setError(null);
    try {
      await api.patch('/me', { name });
      await refresh();
      setStatus(t('account.nameSaved'));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <section className="card builder-section" aria-labelledby="profile-h">
      <h2 id="profile-h">{t('account.profile')}</h2>
      <p className="muted" dir="ltr">{me?.user.email}</p>
      <form className="form" onSubmit={submit}>
        <Field label={t('auth.yourName')} error={error}>{(p) => <input {...p} maxLength={200} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />}</Field>
        <button type="submit">{t('account.saveName')}</button>
      </form>
      <LiveStatus message={status} kind="success" />
    </section>
  );
}

function PasswordSection() {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string; other?: string }>({});
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setStatus(null);
    try {
      await api.post('/me/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setStatus(t('account.changed'));
    } catch (err) {
      if (wrongPassword(err, 'currentPassword')) setErrors({ current: t('account.wrongCurrent') });
      else if (err instanceof ApiError && err.status === 400 && err.message.startsWith('newPassword')) setErrors({ next: t('auth.passwordHint') });
      else setErrors({ other: stepError(err, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card builder-section" aria-labelledby="password-h">
      <h2 id="password-h">{t('account.password')}</h2>
      <form className="form" onSubmit={submit}>
        <Field label={t('account.current')} error={errors.current}>
          {(p) => <input {...p} type="password" required autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />}
        </Field>
        <Field label={t('account.new')} hint={t('auth.passwordHint')} error={errors.next}>
          {(p) => <input {...p} type="password" required minLength={10} maxLength={200} autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />}
        </Field>
        <ErrorMessage message={errors.other} />
        <button type="submit" disabled={busy}>{t('account.change')}</button>
      </form>
      <LiveStatus message={status} kind="success" />
    </section>
  );
}

function TwoFactorSection() {
  const { t } = useI18n();
  const state = useLoad<TwoFactorStateAnswer>('/me/two-factor');
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [disabling, setDisabling] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ password?: string; code?: string; other?: string }>({});
  const [status, setStatus] = useState<string | null>(null);

  const start = async () => {
    setStatus(null);
    setErrors({});
    try {
      setEnrolment(await api.post<Enrolment>('/me/two-factor/setup'));
    } catch (err) {
      setErrors({ other: stepError(err, t) });
    }
  };
  const disable = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    try {
      await api.post('/me/two-factor/disable', { password, code });
      setDisabling(false);
      setPassword('');
      setCode('');
      setStatus(t('tf.disabled'));
      await state.reload();
    } catch (err) {
      if (wrongPassword(err, 'password')) setErrors({ password: t('account.wrongPassword') });
      else if (err instanceof ApiError && err.status === 401) setErrors({ code: t('tf.wrong') });
      else setErrors({ other: stepError(err, t) });
    }
  };
  const s = state.data;
  return (
    <section className="card builder-section" aria-labelledby="tf-h">
      <h2 id="tf-h">{t('tf.title')}</h2>
      {!s && <Loading lines={2} />}
      {s && codes && <RecoveryCodes nested codes={codes} onDone={() => setCodes(null)} />}
      {s && !codes && enrolment && (
        <EnrolForm
          enrolment={enrolment}
          onCancel={() => setEnrolment(null)}
          confirm={async (c) => {
            const res = await api.post<RecoveryCodesAnswer>('/me/two-factor/confirm', { code: c });
            setEnrolment(null);
            setCodes(res.recoveryCodes);
            setStatus(t('tf.enabled'));
            await state.reload();
          }}
        />
      )}
      {s && !codes && !enrolment && (
        s.enabled ? (
          <>
            <p>{t('tf.on')} {t('tf.codesLeft', { n: s.recoveryCodesLeft })}</p>
            {s.requiredByOrg ? <p className="muted">{t('tf.required')}</p> : !disabling ? (
              <button type="button" className="secondary" onClick={() => setDisabling(true)}>{t('tf.disable')}</button>
            ) : (
              <form className="form" onSubmit={disable}>
                <p>{t('tf.disableIntro')}</p>
                <Field label={t('auth.password')} error={errors.password}>
                  {(p) => <input {...p} type="password" required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
                </Field>
                <Field label={t('tf.disableCode')} error={errors.code}>
                  {(p) => <input {...p} dir="ltr" required autoComplete="one-time-code" maxLength={20} value={code} onChange={(e) => setCode(e.target.value)} />}
                </Field>
                <div className="row">
                  <button type="submit" className="danger">{t('tf.disable')}</button>
                  <button type="button" className="secondary" onClick={() => setDisabling(false)}>{t('tf.cancel')}</button>
                </div>
              </form>
            )}
          </>
        ) : (
          <>
            <p>{t('tf.off')}</p>
            <button type="button" onClick={start}>{t('tf.start')}</button>
          </>
        )
      )}
      <ErrorMessage message={errors.other} />
      <LiveStatus message={status} kind="success" />
    </section>
  );
}

export function AccountPage() {
  const { t } = useI18n();
  return (
    <section className="account-page">
      <PageTitle title={t('account.title')} />
      <ProfileSection />
      <PasswordSection />
      <TwoFactorSection />
    </section>
  );
}
