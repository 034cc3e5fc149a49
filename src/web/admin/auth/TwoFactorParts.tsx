/** Pieces of two-factor sign-in shared by the sign-in steps and the account page. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { useI18n, type MessageKey, type Translate } from '../../i18n.tsx';
import { CopyButton, Field } from '../../components/index.ts';
import { useSubmit } from './useSubmit.ts';

import type { EnrolmentAnswer as Enrolment, SecondFactorAnswer } from '../../../core/api/accounts.ts';

export type { Enrolment };

/** The message for a failed code or password step: locked (with minutes), wrong, or the server's words. */
export function stepError(err: unknown, t: Translate, wrongKey: MessageKey = 'tf.wrong'): string {
  if (err instanceof ApiError && err.status === 429) {
    const seconds = Number((err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60);
    return t('auth.lockedFor', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
  }
  if (err instanceof ApiError && err.status === 401) return t(wrongKey);
  return err instanceof ApiError ? err.message : String(err);
}

/** QR code, manual key and the confirming code; `confirm` posts the code and returns the recovery codes. */
export function EnrolForm({ enrolment, confirm, onCancel }: {
  enrolment: Enrolment;
  confirm(code: string): Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const { busy, error, run } = useSubmit((err) => stepError(err, t));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => confirm(code));
  };
  // The key in groups of four, as authenticator apps show it.
  const groupedKey = enrolment.key.replace(/(.{4})/g, '$1 ').trim();
  return (
    <div className="enrol">
      <p>{t('tf.enrolIntro')}</p>
      <img className="totp-qr" src={enrolment.qrDataUrl} alt={t('tf.qrAlt')} width={200} height={200} />
      <p>{t('tf.manualKey')}</p>
      <p className="row">
        <code className="totp-key" dir="ltr">{groupedKey}</code>
        <CopyButton text={enrolment.key} />
      </p>
      <form className="form" onSubmit={submit}>
        <Field label={t('tf.codeLabel')} hint={t('tf.codeHint')} error={error}>
          {(p) => (
            <input {...p} name="code" dir="ltr" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" maxLength={7} required
              value={code} onChange={(e) => setCode(e.target.value)} />
          )}
        </Field>
        <div className="row">
          <button type="submit" disabled={busy}>{t('tf.confirm')}</button>
          {onCancel && <button type="button" className="secondary" onClick={onCancel}>{t('tf.cancel')}</button>}
        </div>
      </form>
    </div>
  );
}

/** The ten recovery codes, shown once, with a copy button and the way on; `nested` inside a section with its own h2. */
export function RecoveryCodes({ codes, onDone, nested = false }: { codes: string[]; onDone(): void; nested?: boolean }) {
  const { t } = useI18n();
  // Inside a section with its own h2 (the account page), the codes' heading is one level lower.
  const Heading = nested ? 'h3' : 'h2';
  return (
    <section className="recovery-codes" aria-labelledby="codes-h">
      <Heading id="codes-h">{t('tf.codesTitle')}</Heading>
      <p>{t('tf.codesIntro')}</p>
      <ol className="codes" dir="ltr">
        {codes.map((c) => <li key={c}><code>{c}</code></li>)}
      </ol>
      <p className="row">
        <CopyButton text={codes.join('\n')} label={t('tf.codesCopy')} />
        <button type="button" onClick={onDone}>{t('tf.codesDone')}</button>
      </p>
    </section>
  );
}

/** The sign-in's second step: a code from the app, or a recovery code. */
export function SecondFactorForm({ onSignedIn, onExpired }: { onSignedIn(next: string): void; onExpired(): void }) {
  const { t } = useI18n();
  const [recovery, setRecovery] = useState(false);
  const [value, setValue] = useState('');
  const { busy, error, setError, run } = useSubmit((err) => stepError(err, t));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      try {
        const res = await api.post<SecondFactorAnswer>('/auth/two-factor', recovery ? { recoveryCode: value } : { code: value });
        onSignedIn(res.next);
      } catch (err) {
        if (!(err instanceof ApiError && (err.details as { reason?: string } | undefined)?.reason === 'sign_in_expired')) throw err;
        onExpired();
      }
    });
  };
  return (
    <form className="form" onSubmit={submit}>
      {recovery ? (
        <Field key="recovery" label={t('tf.recoveryLabel')} error={error}>
          {(p) => <input {...p} name="recoveryCode" dir="ltr" autoComplete="off" required maxLength={20} value={value} onChange={(e) => setValue(e.target.value)} />}
        </Field>
      ) : (
        <Field key="code" label={t('tf.codeLabel')} hint={t('tf.codeHint')} error={error}>
          {(p) => (
            <input {...p} name="code" dir="ltr" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" maxLength={7} required autoFocus
              value={value} onChange={(e) => setValue(e.target.value)} />
          )}
        </Field>
      )}
      <button type="submit" disabled={busy}>{t('tf.verify')}</button>
      <button type="button" className="link-button" onClick={() => { setRecovery(!recovery); setValue(''); setError(null); }}>
        {recovery ? t('tf.useApp') : t('tf.useRecovery')}
      </button>
    </form>
  );
}
