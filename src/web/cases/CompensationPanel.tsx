/** Compensation given on the case, and the form to record more within the caller's limit (shown). */
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { Field } from '../components/Field.tsx';
import { ErrorMessage } from '../components/LiveStatus.tsx';
import type { CaseAnswer } from '../../core/api/cases.ts';
import { COMPENSATION_KINDS } from '../../core/closedLoop/model.ts';
import { formatMoney } from './format.ts';
import { useDraft } from './useDraft.ts';

export function CompensationPanel({ c, onGiven }: { c: CaseAnswer; onGiven(message: string): void }) {
  const { t, lang } = useI18n();
  const [draft, setDraft, clear] = useDraft(`comp.${c.id}`, { amount: '', kind: 'refund', note: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const limit = c.abilities.compensation;
  const money = (n: number) => formatMoney(lang, n, c.currency);
  const mayGive = c.abilities.work && limit.kind !== 'none';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const amount = Number(draft.amount.replace(',', '.'));
    if (!(amount > 0)) return setError(t('cs.comp.needAmount'));
    setBusy(true);
    setError(null);
    try {
      await api.post(`/cases/${c.id}/compensations`, { amount, kind: draft.kind, note: draft.note || null });
      clear();
      onGiven(t('cs.comp.given'));
    } catch (err) {
      setError(t('cs.saveFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="cs-comp" data-testid="compensation">
      <h2 id="cs-comp">{t('cs.comp')}</h2>
      {c.compensations.length === 0 ? <p className="muted">{t('cs.comp.empty')}</p> : (
        <ul className="cs-comp-list">
          {c.compensations.map((k) => (
            <li key={k.id}>{t('cs.comp.item', { amount: money(k.amount), kind: t(`cs.comp.kind.${k.kind}` as MessageKey), name: k.givenBy?.name ?? '—' })}</li>
          ))}
        </ul>
      )}
      {c.abilities.work && (
        <p className="muted" data-testid="comp-limit">
          {limit.kind === 'max' ? t('cs.comp.limit', { limit: money(limit.limit ?? 0), left: money(limit.left ?? 0) }) : limit.kind === 'unlimited' ? t('cs.comp.unlimited') : t('cs.comp.none')}
        </p>
      )}
      {mayGive && (
        <form onSubmit={submit} className="cs-comp-form">
          <Field label={t('cs.comp.amount', { currency: c.currency })}>
            {(p) => <input {...p} inputMode="decimal" value={draft.amount} onChange={(e) => setDraft({ amount: e.target.value })} />}
          </Field>
          <Field label={t('cs.comp.kind')}>
            {(p) => (
              <select {...p} value={draft.kind} onChange={(e) => setDraft({ kind: e.target.value })}>
                {COMPENSATION_KINDS.map((k) => <option key={k} value={k}>{t(`cs.comp.kind.${k}` as MessageKey)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('cs.comp.note')}>
            {(p) => <input {...p} value={draft.note} onChange={(e) => setDraft({ note: e.target.value })} />}
          </Field>
          <ErrorMessage message={error} />
          <button type="submit" className="secondary" disabled={busy}>{t('cs.comp.give')}</button>
        </form>
      )}
    </section>
  );
}
