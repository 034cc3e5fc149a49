/**
 * "Send now" on the survey dashboard (docs/reports.md "Send a dashboard view"): a dialog to e-mail the current view
 * (its filters and period, as "Download PDF" renders it) to users the caller may see and/or addresses, in a chosen
 * language, through POST /api/v1/reports/send (deliveries in the reports' log). For `report.manage` only.
 */
import { useState } from 'react';
import type { ReportRecipientsAnswer, SendNowAnswer } from '../../core/api/reportTemplates.ts';
import { api, ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';

const LANGS = ['en', 'ru', 'fa'] as const;
type Lang = (typeof LANGS)[number];
type Users = ReportRecipientsAnswer['users'];

const addresses = (s: string) => s.split(/[\s,;]+/).map((x) => x.trim()).filter(Boolean);

export function SendViewButton({ definition, defaultTitle }: { definition: () => object; defaultTitle: string }) {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const [users, setUsers] = useState<Users | null>(null);
  const [title, setTitle] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [emails, setEmails] = useState('');
  const [mailLang, setMailLang] = useState<Lang>('en');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [sent, setSent] = useState<number | null>(null);
  if (!can('report.manage')) return null;

  const start = () => {
    setTitle(defaultTitle);
    setPicked([]);
    setEmails('');
    setMailLang(LANGS.includes(lang as Lang) ? (lang as Lang) : 'en');
    setError('');
    setSent(null);
    setOpen(true);
    if (!users) api.get<ReportRecipientsAnswer>('/reports/recipients').then((a) => setUsers(a.users), () => setUsers([]));
  };
  const recipients = () => [
    ...picked.map((userId) => ({ kind: 'user' as const, userId, lang: mailLang })),
    ...addresses(emails).map((email) => ({ kind: 'email' as const, email, lang: mailLang })),
  ];
  const send = async () => {
    setBusy(true);
    setError('');
    try {
      const a = await api.post<SendNowAnswer>('/reports/send', { title: title.trim() || undefined, definition: definition(), recipients: recipients() });
      setSent(a.deliveries.length);
    } catch (err) {
      setError(t('rpt.view.failed', { message: err instanceof ApiError || err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const nobody = picked.length === 0 && addresses(emails).length === 0;

  return (
    <>
      <button type="button" className="secondary" onClick={start} data-testid="send-view-button">{t('rpt.view.send')}</button>
      <ConfirmDialog
        open={open}
        title={t('rpt.view.title')}
        confirmLabel={sent !== null ? t('rpt.view.close') : busy ? t('rpt.sending') : t('rpt.view.confirm')}
        cancelLabel={t('rpt.cancel')}
        confirmDisabled={busy || (sent === null && nobody)}
        onConfirm={() => (sent !== null ? setOpen(false) : void send())}
        onCancel={() => setOpen(false)}
      >
        {sent !== null ? (
          <p role="status" data-testid="send-view-result">{t('rpt.view.sent', { n: sent })}</p>
        ) : (
          <div className="send-view-form">
            <p className="muted">{t('rpt.view.intro')}</p>
            <label>{t('rpt.view.subject')}<input maxLength={200} dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} data-testid="send-view-title" /></label>
            <fieldset className="send-view-users" style={{ maxBlockSize: '12rem', overflowY: 'auto' }}>
              <legend>{t('rpt.sched.users')}</legend>
              {users === null ? <p className="muted" aria-busy="true">{t('rpt.view.loading')}</p>
                : users.length === 0 ? <p className="muted">{t('rpt.view.noUsers')}</p>
                : users.map((u) => (
                  <label key={u.id} className="check">
                    <input type="checkbox" checked={picked.includes(u.id)} onChange={() => toggle(u.id)} />
                    {' '}<bdi>{u.name || u.email}</bdi>
                  </label>
                ))}
            </fieldset>
            <label>{t('rpt.sched.emails')}
              <textarea rows={2} dir="ltr" value={emails} onChange={(e) => setEmails(e.target.value)} aria-describedby="send-view-emails-hint" data-testid="send-view-emails" />
              <small id="send-view-emails-hint" className="muted">{t('rpt.sched.emailsHint')}</small>
            </label>
            <label>{t('rpt.view.lang')}
              <select value={mailLang} onChange={(e) => setMailLang(e.target.value as Lang)}>
                {LANGS.map((l) => <option key={l} value={l}>{t(`rpt.lang.${l}`)}</option>)}
              </select>
            </label>
            {error && <p className="error" role="alert">{error}</p>}
          </div>
        )}
      </ConfirmDialog>
    </>
  );
}
