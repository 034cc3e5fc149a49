/**
 * "New case": a claim taken by hand into the complaints book (a call, a letter, at the counter, an e-mail).
 * What is typed is kept (useDraft) until the case is created, so a failed save loses nothing.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { Field } from '../components/Field.tsx';
import { ErrorMessage } from '../components/LiveStatus.tsx';
import type { CaseCreatedAnswer } from '../../core/api/cases.ts';
import type { LocationsAnswer } from '../../core/api/locations.ts';
import { CASE_PRIORITIES, MANUAL_CASE_CHANNELS } from '../../core/closedLoop/model.ts';
import { useDraft } from './useDraft.ts';

const EMPTY = { channel: 'phone', title: '', description: '', customerName: '', customerEmail: '', customerPhone: '', locationId: '', priority: 'normal' };

export function NewCaseForm({ locations, onCreated }: { locations: LocationsAnswer['locations']; onCreated(c: CaseCreatedAnswer): void }) {
  const { t } = useI18n();
  const [draft, setDraft, clear] = useDraft('new', EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const errOf = (field: string) => (fieldError?.field === field ? fieldError.message : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft.title.trim()) {
      setFieldError({ field: 'title', message: t('cs.form.needTitle') });
      return;
    }
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      const created = await api.post<CaseCreatedAnswer>('/cases', {
        channel: draft.channel, title: draft.title, description: draft.description, priority: draft.priority,
        locationId: draft.locationId || null, customerName: draft.customerName || null, customerEmail: draft.customerEmail || null,
        customerPhone: draft.customerPhone || null,
      });
      clear();
      onCreated(created);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const field = err instanceof ApiError ? (err.details as { field?: string } | undefined)?.field : undefined;
      if (field) setFieldError({ field, message });
      setError(t('cs.saveFailed', { message }));
    } finally {
      setBusy(false);
    }
  };

  const text = (key: keyof typeof EMPTY, label: MessageKey, type = 'text') => (
    <Field label={t(label)} error={errOf(key)}>
      {(p) => <input {...p} type={type} value={draft[key]} onChange={(e) => setDraft({ [key]: e.target.value })} data-testid={`case-${key}`} />}
    </Field>
  );

  return (
    <form className="card cs-new" onSubmit={submit} aria-labelledby="cs-new-title" data-testid="new-case-form">
      <h2 id="cs-new-title">{t('cs.form.title')}</h2>
      <div className="cs-grid">
        <Field label={t('cs.form.channel')} error={errOf('channel')}>
          {(p) => (
            <select {...p} value={draft.channel} onChange={(e) => setDraft({ channel: e.target.value })}>
              {MANUAL_CASE_CHANNELS.map((c) => <option key={c} value={c}>{t(`cs.channel.${c}` as MessageKey)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('cs.form.location')} error={errOf('locationId')}>
          {(p) => (
            <select {...p} value={draft.locationId} onChange={(e) => setDraft({ locationId: e.target.value })} data-testid="case-location">
              <option value="">{t('cs.form.chooseLocation')}</option>
              {locations.map((l) => <option key={l.id} value={l.id}>{'\u00a0'.repeat(l.depth * 2)}{l.name}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('cs.form.priority')}>
          {(p) => (
            <select {...p} value={draft.priority} onChange={(e) => setDraft({ priority: e.target.value })}>
              {CASE_PRIORITIES.map((x) => <option key={x} value={x}>{t(`cs.priority.${x}` as MessageKey)}</option>)}
            </select>
          )}
        </Field>
      </div>
      {text('title', 'cs.form.subject')}
      <Field label={t('cs.form.description')} error={errOf('description')}>
        {(p) => <textarea {...p} rows={4} value={draft.description} onChange={(e) => setDraft({ description: e.target.value })} />}
      </Field>
      <div className="cs-grid">
        {text('customerName', 'cs.form.customerName')}
        {text('customerEmail', 'cs.form.customerEmail', 'email')}
        {text('customerPhone', 'cs.form.customerPhone', 'tel')}
      </div>
      <ErrorMessage message={error} />
      <button type="submit" className="primary" disabled={busy} data-testid="create-case">{busy ? t('cs.form.saving') : t('cs.form.save')}</button>
    </form>
  );
}
