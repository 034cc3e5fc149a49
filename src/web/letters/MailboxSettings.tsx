/**
 * The feedback mailbox section of /app/cases/letters (owners and admins of the whole organisation): the published
 * address, IMAP server, user, password (empty keeps the saved one), folder, which letters open a case and at which
 * priority; a connection test with a plain-words problem; and the reader's status.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useFieldSubmit } from '../components/useFieldSubmit.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { ConfirmButton, ErrorMessage, Field, LiveStatus, Loading, useLoad } from '../components/index.ts';
import type { FeedbackMailboxTestAnswer, FeedbackMailboxView } from '../../core/api/feedbackMailbox.ts';

const POLICIES = ['all', 'negative', 'none'] as const;
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

interface Form {
  address: string;
  host: string;
  port: string;
  secure: boolean;
  username: string;
  password: string;
  folder: string;
  enabled: boolean;
  openCases: (typeof POLICIES)[number];
  casePriority: (typeof PRIORITIES)[number];
}

const EMPTY: Form = { address: '', host: '', port: '993', secure: true, username: '', password: '', folder: 'INBOX', enabled: true, openCases: 'negative', casePriority: 'normal' };

export function MailboxSettings() {
  const { t, date, num } = useI18n();
  const box = useLoad<FeedbackMailboxView>('/org/feedback-mailbox');
  const [form, setForm] = useState<Form>(EMPTY);
  const { busy, status, setStatus, error, setError, fieldErrors, run } = useFieldSubmit();
  // The settings fold once the mailbox is configured, unless the user opened them (a save never closes them).
  const [unfolded, setUnfolded] = useState<boolean | null>(null);

  useEffect(() => {
    const d = box.data;
    if (!d?.configured) return;
    setForm({
      address: d.address ?? '', host: d.host ?? '', port: String(d.port ?? 993), secure: d.secure, username: d.username ?? '', password: '',
      folder: d.folder, enabled: d.enabled, openCases: d.openCases, casePriority: d.casePriority,
    });
  }, [box.data]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const problem = (code: string) => (['auth_failed', 'cannot_connect', 'folder_missing', 'tls_failed', 'password_unreadable', 'other'].includes(code) ? t(`mb.problem.${code}` as MessageKey) : code);

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const body = { ...form, port: Number(form.port), password: form.password || undefined };
      box.setData(await api.put<FeedbackMailboxView>('/org/feedback-mailbox', body));
      set('password', '');
      setStatus(t('mb.saved'));
    });
  };

  const test = () =>
    run(async () => {
      const res = await api.post<FeedbackMailboxTestAnswer>('/org/feedback-mailbox/test', {});
      if (res.ok) setStatus(t('mb.testOk', { n: res.messages ?? 0 }));
      else setError(problem(res.problem ?? 'other'));
      await box.reload();
    });

  const d = box.data;
  const when = (iso: string | null) => (iso ? date(iso, { dateStyle: 'medium', timeStyle: 'short' }) : t('mb.never'));
  return (
    <section className="card settings-section" aria-labelledby="mailbox-h">
      <h2 id="mailbox-h">{t('mb.title')}</h2>
      {!d?.configured && <p className="muted">{t('mb.help')}</p>}
      <ErrorMessage message={box.error ? t('shell.error', { message: box.error.message }) : error} />
      {!d && !box.error && <Loading lines={4} />}
      {d?.configured && (
        <>
          <h3 className="visually-hidden">{t('mb.status')}</h3>
          <dl className="mailbox-status" data-testid="mailbox-status">
            <dt>{t('mb.lastChecked')}</dt><dd>{when(d.lastCheckedAt)}</dd>
            <dt>{t('mb.lastError')}</dt><dd>{d.lastError ? <span className="error">{problem(d.lastError)}</span> : t('mb.noError')}</dd>
            {d.lastError && d.nextAttemptAt && <><dt>{t('mb.nextAttempt')}</dt><dd>{when(d.nextAttemptAt)}</dd></>}
            <dt>{t('mb.read')}</dt><dd>{num(d.lettersRead, 0)}</dd>
            <dt>{t('mb.skipped')}</dt><dd>{num(d.lettersSkipped, 0)}</dd>
          </dl>
          <button type="button" className="secondary" disabled={busy} onClick={() => void test()}>{t('mb.test')}</button>
        </>
      )}
      {d && (
        <details className="mailbox-settings" open={unfolded ?? !d.configured} onToggle={(e) => setUnfolded(e.currentTarget.open)}>
        <summary>{t('mb.settings')}</summary>
        <form className="settings-section" onSubmit={save}>
          <Field label={t('mb.address')} hint={t('mb.addressHint')} error={fieldErrors.address}>
            {(p) => <input {...p} dir="ltr" type="email" required value={form.address} onChange={(e) => set('address', e.target.value)} placeholder="feedback@shop.example" />}
          </Field>
          <div className="mailbox-grid">
            <Field label={t('mb.host')} error={fieldErrors.host}>
              {(p) => <input {...p} dir="ltr" required value={form.host} onChange={(e) => set('host', e.target.value)} placeholder="imap.example.com" />}
            </Field>
            <Field label={t('mb.port')} error={fieldErrors.port}>
              {(p) => <input {...p} dir="ltr" type="number" min={1} max={65535} required value={form.port} onChange={(e) => set('port', e.target.value)} />}
            </Field>
            <Field label={t('mb.username')} error={fieldErrors.username}>
              {(p) => <input {...p} dir="ltr" required autoComplete="off" value={form.username} onChange={(e) => set('username', e.target.value)} />}
            </Field>
            <Field label={t('mb.password')} hint={d.hasPassword ? t('mb.passwordKeep') : t('mb.passwordHint')} error={fieldErrors.password}>
              {(p) => <input {...p} dir="ltr" type="password" autoComplete="new-password" required={!d.hasPassword} value={form.password} onChange={(e) => set('password', e.target.value)} />}
            </Field>
            <Field label={t('mb.folder')} error={fieldErrors.folder}>
              {(p) => <input {...p} dir="ltr" required value={form.folder} onChange={(e) => set('folder', e.target.value)} />}
            </Field>
          </div>
          <label className="check"><input type="checkbox" checked={form.secure} onChange={(e) => set('secure', e.target.checked)} /> {t('mb.secure')}</label>
          <div className="mailbox-grid">
            <Field label={t('mb.openCases')}>
              {(p) => (
                <select {...p} value={form.openCases} onChange={(e) => set('openCases', e.target.value as Form['openCases'])}>
                  {POLICIES.map((x) => <option key={x} value={x}>{t(`mb.openCases.${x}`)}</option>)}
                </select>
              )}
            </Field>
            <Field label={t('mb.priority')}>
              {(p) => (
                <select {...p} value={form.casePriority} onChange={(e) => set('casePriority', e.target.value as Form['casePriority'])}>
                  {PRIORITIES.map((x) => <option key={x} value={x}>{t(`mb.priority.${x}`)}</option>)}
                </select>
              )}
            </Field>
          </div>
          <label className="check"><input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} /> {t('mb.enabled')}</label>
          <div className="toolbar">
            <button type="submit" disabled={busy}>{t('mb.save')}</button>
            {d.configured && (
              <ConfirmButton label={t('mb.remove')} question={t('mb.removeQ')} disabled={busy}
                onConfirm={() => run(async () => { box.setData(await api.delete<FeedbackMailboxView>('/org/feedback-mailbox')); setForm(EMPTY); setStatus(t('mb.removed')); })} />
            )}
          </div>
        </form>
        </details>
      )}
      <LiveStatus message={status} kind="success" />
    </section>
  );
}
