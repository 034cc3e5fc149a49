/** The SMS gateway section of /app/channels: provider URL, auth header, sender, body template, a test message, the latest messages. */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useFieldSubmit } from '../../components/useFieldSubmit.ts';
import { useI18n } from '../../i18n.tsx';
import { ConfirmButton, ErrorMessage, Field, LiveStatus, Loading, useLoad } from '../../components/index.ts';
import type { SmsSettingsView, SmsTestAnswer } from '../../../core/api/messengers.ts';

/** Shown literally in the hints (values of the messages, not ICU text), each a left-to-right island in Persian text. */
const ltr = (s: string) => `\u2066${s}\u2069`;
const PLACEHOLDERS = { to: ltr('{to}'), text: ltr('{text}'), from: ltr('{from}'), example: ltr('{"to": …, "from": …, "text": …}') };

export function SmsSettings() {
  const { t, date } = useI18n();
  const sms = useLoad<SmsSettingsView>('/org/sms');
  const [url, setUrl] = useState('');
  const [auth, setAuth] = useState('');
  const [removeAuth, setRemoveAuth] = useState(false);
  const [sender, setSender] = useState('');
  const [template, setTemplate] = useState('');
  const [testTo, setTestTo] = useState('');
  const { busy, status, setStatus, error, setError, fieldErrors, run } = useFieldSubmit();

  useEffect(() => {
    if (!sms.data) return;
    setUrl(sms.data.url ?? '');
    setSender(sms.data.sender ?? '');
    setTemplate(sms.data.bodyTemplate ?? '');
  }, [sms.data]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const authHeader = removeAuth ? null : auth.trim() ? auth.trim() : undefined;
      sms.setData(await api.put<SmsSettingsView>('/org/sms', { url: url.trim(), authHeader, sender: sender.trim() || null, bodyTemplate: template.trim() || null }));
      setAuth('');
      setRemoveAuth(false);
      setStatus(t('ch.sms.saved'));
    });
  };

  const sendTest = () =>
    run(async () => {
      const res = await api.post<SmsTestAnswer>('/org/sms/test', { to: testTo.trim() });
      await sms.reload();
      if (res.ok) setStatus(t('ch.sms.testOk'));
      else setError(t('ch.sms.testFailed', { error: res.error ?? String(res.httpStatus ?? '') }));
    });

  const d = sms.data;
  return (
    <section className="card settings-section" aria-labelledby="sms-h">
      <h2 id="sms-h">{t('ch.sms.title')}</h2>
      <p className="muted">{t('ch.sms.help')}</p>
      <ErrorMessage message={sms.error ? t('shell.error', { message: sms.error.message }) : error} />
      {!d && !sms.error && <Loading lines={3} />}
      {d && (
        <form className="settings-section" onSubmit={save}>
          <Field label={t('ch.sms.url')} hint={t('ch.sms.urlHint')} error={fieldErrors.url}>
            {(p) => <input {...p} dir="ltr" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://sms.example.com/api/send" />}
          </Field>
          <Field label={t('ch.sms.auth')} hint={d.hasAuthHeader ? t('ch.sms.authKeep') : t('ch.sms.authHint')} error={fieldErrors.authHeader}>
            {(p) => <input {...p} dir="ltr" type="password" autoComplete="off" value={auth} disabled={removeAuth} onChange={(e) => setAuth(e.target.value)} placeholder="Bearer …" />}
          </Field>
          {d.hasAuthHeader && (
            <label className="check"><input type="checkbox" checked={removeAuth} onChange={(e) => setRemoveAuth(e.target.checked)} /> {t('ch.sms.authRemove')}</label>
          )}
          <Field label={t('ch.sms.sender')} hint={t('ch.sms.senderHint', { from: PLACEHOLDERS.from })} error={fieldErrors.sender}>
            {(p) => <input {...p} dir="ltr" maxLength={20} value={sender} onChange={(e) => setSender(e.target.value)} />}
          </Field>
          <Field label={t('ch.sms.template')} hint={t('ch.sms.templateHint', PLACEHOLDERS)} error={fieldErrors.bodyTemplate}>
            {(p) => <textarea {...p} dir="ltr" className="channel-template" spellCheck={false} value={template} onChange={(e) => setTemplate(e.target.value)} placeholder='{"to": "{to}", "text": "{text}", "from": "{from}"}' />}
          </Field>
          <div className="toolbar">
            <button type="submit" disabled={busy}>{t('ch.sms.save')}</button>
            {d.configured && (
              <ConfirmButton label={t('ch.sms.remove')} question={t('ch.sms.removeQ')} disabled={busy}
                onConfirm={() => run(async () => { sms.setData(await api.delete<SmsSettingsView>('/org/sms')); setStatus(t('ch.sms.removed')); })} />
            )}
          </div>
        </form>
      )}
      {d?.configured && (
        <>
          <h3>{t('ch.sms.test')}</h3>
          <div className="channel-test">
            <Field label={t('ch.sms.testTo')} error={fieldErrors.to}>
              {(p) => <input {...p} dir="ltr" type="tel" autoComplete="tel" value={testTo} onChange={(e) => setTestTo(e.target.value)} placeholder="+79161234567" />}
            </Field>
            <button type="button" disabled={busy || !testTo.trim()} onClick={() => void sendTest()}>{t('ch.sms.send')}</button>
          </div>
          <h3>{t('ch.sms.recent')}</h3>
          {d.recent.length === 0 ? <p className="muted">{t('ch.sms.none')}</p> : (
            <div className="channel-log-scroll"><table className="channel-log">
              <thead>
                <tr><th scope="col">{t('ch.sms.to')}</th><th scope="col">{t('ch.sms.status')}</th><th scope="col">{t('ch.sms.when')}</th></tr>
              </thead>
              <tbody>
                {d.recent.map((m, i) => (
                  <tr key={`${m.at}-${i}`}>
                    <th scope="row"><span className="channel-ltr">{m.to ?? '—'}</span></th>
                    <td>{m.status === 'sent' ? t('ch.sms.sent') : `${t('ch.sms.failed')}${m.httpStatus ? ` (${m.httpStatus})` : ''}`}{m.error && <div className="muted small channel-ltr">{m.error}</div>}</td>
                    <td>{date(m.at, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                  </tr>
                ))}
              </tbody>
            </table></div>
          )}
        </>
      )}
      <LiveStatus message={status} kind="success" />
    </section>
  );
}
