/**
 * Reply to the customer by e-mail. Without the customer's e-mail the form is shown disabled with the
 * reason; the typed text is kept as a draft until it is sent.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Field } from '../components/Field.tsx';
import { ErrorMessage } from '../components/LiveStatus.tsx';
import type { CaseAnswer, CaseEventAnswer } from '../../core/api/cases.ts';
import { useDraft } from './useDraft.ts';

export function ReplyForm({ c, onSent }: { c: CaseAnswer; onSent(message: string): void }) {
  const { t } = useI18n();
  const [draft, setDraft, clear] = useDraft(`reply.${c.id}`, { subject: '', text: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const disabled = !c.abilities.reply;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (disabled || !draft.text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<CaseEventAnswer>(`/cases/${c.id}/replies`, { subject: draft.subject || null, text: draft.text });
      clear();
      onSent(res.emailed ? t('cs.reply.sent') : t('cs.reply.outbox'));
    } catch (err) {
      setError(t('cs.saveFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card cs-reply" onSubmit={submit} aria-labelledby="cs-reply-title" data-testid="reply-form">
      <h2 id="cs-reply-title">{t('cs.reply')}</h2>
      {disabled ? (
        <p className="cs-notice" data-testid="reply-disabled">{t('cs.reply.noEmail')}</p>
      ) : (
        <p className="muted">{t('cs.reply.to', { email: c.customerEmail ?? '' })}</p>
      )}
      <fieldset disabled={disabled} className="cs-plain">
        <Field label={t('cs.reply.subject')} hint={t('cs.reply.subjectHint')}>
          {(p) => <input {...p} value={draft.subject} placeholder={c.title} onChange={(e) => setDraft({ subject: e.target.value })} />}
        </Field>
        <Field label={t('cs.reply.text')}>
          {(p) => <textarea {...p} rows={5} value={draft.text} onChange={(e) => setDraft({ text: e.target.value })} data-testid="reply-text" />}
        </Field>
        <ErrorMessage message={error} />
        <button type="submit" className="primary" disabled={busy || !draft.text.trim()} data-testid="reply-send">{t('cs.reply.send')}</button>
      </fieldset>
    </form>
  );
}
