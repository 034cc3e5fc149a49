/** The organisation's contact-frequency limit on the settings page (GET/PUT /org/contact-policy). */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { ErrorMessage, Field, LiveStatus, useLoad } from '../../components/index.ts';
import type { OrgContactPolicy } from '../../../core/api/invitations.ts';
import './invites.css';

export function ContactGapSetting() {
  const { t } = useI18n();
  const policy = useLoad<OrgContactPolicy>('/org/contact-policy');
  const [days, setDays] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (policy.data) setDays(String(policy.data.contactGapDays));
  }, [policy.data]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    setError(null);
    try {
      policy.setData(await api.put<OrgContactPolicy>('/org/contact-policy', { contactGapDays: Number(days) }));
      setStatus(t('inv.gap.saved'));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card settings-section contact-gap" aria-labelledby="contact-gap-h">
      <h2 id="contact-gap-h">{t('inv.gap.title')}</h2>
      <form onSubmit={save} noValidate>
        <Field label={t('inv.gap.label')} hint={t('inv.gap.hint')} error={error}>
          {(p) => <input {...p} type="number" min={0} max={3650} value={days} onChange={(e) => setDays(e.target.value)} />}
        </Field>
        <button type="submit" disabled={busy || !policy.data}>{t('inv.gap.save')}</button>
      </form>
      <ErrorMessage message={policy.error ? t('shell.error', { message: policy.error.message }) : null} />
      <LiveStatus message={status} kind="success" />
    </section>
  );
}
