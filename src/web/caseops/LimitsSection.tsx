/** Compensation limits per role and the organisation's currency (GET/PUT /org/compensation-limits). */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { ErrorMessage, Field, LiveStatus, useLoad } from '../components/index.ts';
import type { CompensationLimitsAnswer } from '../../core/api/caseOps.ts';
import { CASE_ROLES, type Role } from '../../core/access/index.ts';
import { useSave } from './form.ts';

export function LimitsSection() {
  const { t } = useI18n();
  const loaded = useLoad<CompensationLimitsAnswer>('/org/compensation-limits');
  const [currency, setCurrency] = useState('RUB');
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const { busy, error, run } = useSave();
  useEffect(() => {
    if (!loaded.data) return;
    setCurrency(loaded.data.currency);
    setAmounts(Object.fromEntries(loaded.data.limits.map((l) => [l.role, l.maxAmount === null ? '' : String(l.maxAmount)])));
  }, [loaded.data]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    void run(async () => {
      const limits = CASE_ROLES.map((role) => ({ role, maxAmount: amounts[role]?.trim() ? Number(amounts[role].replace(',', '.')) : null }));
      loaded.setData(await api.put<CompensationLimitsAnswer>('/org/compensation-limits', { currency: currency.trim().toUpperCase(), limits }));
      setStatus(t('co.saved'));
    });
  };
  // The server names the field: "limits.3.maxAmount: ..." (the roles are sent in CASE_ROLES order) or "currency: ...".
  const roleIndex = error ? /^limits\.(\d+)\./.exec(error) : null;
  const errorField = !error ? null : roleIndex ? CASE_ROLES[Number(roleIndex[1])] : error.startsWith('currency') ? 'currency' : '';
  const errorOf = (field: string) => (errorField === field ? error : null);

  return (
    <section className="card settings-section" aria-labelledby="co-limits-h">
      <h2 id="co-limits-h">{t('co.limits.title')}</h2>
      <p className="muted">{t('co.limits.intro')}</p>
      <ErrorMessage message={loaded.error ? t('co.error', { message: loaded.error.message }) : null} />
      <form onSubmit={save} noValidate className="co-limits">
        <Field label={t('co.limits.currency')} hint={t('co.limits.currencyHint')} error={errorOf('currency')}>
          {(p) => <input {...p} dir="ltr" value={currency} maxLength={3} size={4} autoCapitalize="characters" onChange={(e) => setCurrency(e.target.value)} />}
        </Field>
        {CASE_ROLES.map((role: Role) => (
          <Field key={role} label={t('co.limits.role', { role: t(`role.${role}`) })} error={errorOf(role)}>
            {(p) => <input {...p} dir="ltr" type="number" min={0} step="0.01" inputMode="decimal" value={amounts[role] ?? ''} onChange={(e) => setAmounts((a) => ({ ...a, [role]: e.target.value }))} />}
          </Field>
        ))}
        <ErrorMessage message={errorField === '' ? error : null} />
        <div className="co-actions">
          <button type="submit" disabled={busy || !loaded.data}>{busy ? t('co.saving') : t('co.save')}</button>
        </div>
      </form>
      <LiveStatus message={status} kind="success" />
    </section>
  );
}
