/**
 * /app/integrations: API keys (made, shown once, revoked) and webhooks (WebhooksSection.tsx) for owners
 * and admins with access to the whole organisation. Keys and secrets are shown once, in a read-only field
 * with a copy button; tables have captions and row headers; outcomes are announced (LiveStatus).
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n.tsx';
import { WholeOrgAdminOnly } from '../WholeOrgAdminOnly.tsx';
import { ConfirmButton, EmptyState, ErrorMessage, Field, LiveStatus, Loading, PageTitle, useLoad } from '../../components/index.ts';
import { OnceSecret } from './OnceSecret.tsx';
import type { ApiKeyAnswer, ApiKeysAnswer, ApiKeyView, CreatedApiKeyAnswer } from '../../../core/api/integrations.ts';
import type { LocationsAnswer } from '../../../core/api/locations.ts';
import { WebhooksSection } from './WebhooksSection.tsx';
import { API_KEY_SCOPES, type ApiKeyScope } from '../../../core/integrations/apiKeys.ts';
import './integrations.css';

export function IntegrationsPage() {
  const { t } = useI18n();
  return (
    <WholeOrgAdminOnly title={t('int.title')} refusal={t('int.noAccess')}>
      <section className="integrations-page">
        <PageTitle title={t('int.title')} />
        <p className="muted">{t('int.intro')} <a href="/api/docs">{t('int.docs')}</a></p>
        <ApiKeysSection />
        <WebhooksSection />
      </section>
    </WholeOrgAdminOnly>
  );
}

function ApiKeysSection() {
  const { t, date } = useI18n();
  const keys = useLoad<ApiKeysAnswer>('/org/api-keys');
  const locations = useLoad<LocationsAnswer>('/locations');
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiKeyScope>('ingest');
  const [locationId, setLocationId] = useState('');
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNameError(null);
    try {
      const res = await api.post<CreatedApiKeyAnswer>('/org/api-keys', { name, scope, locationId: locationId || null });
      setShown(res.key);
      setName('');
      await keys.reload();
    } catch (err) {
      const message = err instanceof ApiError ? err.message : String(err);
      if (err instanceof ApiError && (err.details as { field?: string } | undefined)?.field === 'name') setNameError(message);
      else setError(message);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (k: ApiKeyView) => {
    setError(null);
    try {
      await api.post<ApiKeyAnswer>(`/org/api-keys/${k.id}/revoke`, {});
      await keys.reload();
      setStatus(t('int.keys.revokedStatus', { name: k.name }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  const when = (iso: string) => date(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const list = keys.data?.apiKeys ?? null;
  return (
    <section aria-labelledby="int-keys" className="int-section">
      <h2 id="int-keys">{t('int.keys.title')}</h2>
      <p className="muted">{t('int.keys.intro')}</p>
      <ErrorMessage message={keys.error ? t('shell.error', { message: keys.error.message }) : error} />
      {shown && <OnceSecret label={t('int.keys.title')} value={shown} note={t('int.keys.shown')} onDone={() => setShown(null)} />}
      {keys.loading && !list && <Loading lines={2} />}
      {list && list.length === 0 && <EmptyState title={t('int.keys.none')} />}
      {list && list.length > 0 && (
        <div className="table-scroll">
          <table className="int-table">
            <caption>{t('int.keys.caption', { n: list.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('int.keys.name')}</th>
                <th scope="col">{t('int.keys.prefix')}</th>
                <th scope="col">{t('int.keys.scope')}</th>
                <th scope="col">{t('int.keys.location')}</th>
                <th scope="col">{t('int.keys.lastUsed')}</th>
                <th scope="col">{t('int.keys.status')}</th>
                <th scope="col"><span className="visually-hidden">{t('int.keys.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {list.map((k) => (
                <tr key={k.id} className={k.revokedAt ? 'revoked' : undefined}>
                  <th scope="row" dir="auto">{k.name}</th>
                  <td><code dir="ltr">{k.prefix}…</code></td>
                  <td>{t(`int.scope.short.${k.scope}` as MessageKey)}</td>
                  <td dir="auto">{k.location?.name ?? t('int.keys.allLocations')}</td>
                  <td>{k.lastUsedAt ? when(k.lastUsedAt) : t('int.keys.never')}</td>
                  <td>{k.revokedAt ? t('int.keys.revoked', { date: when(k.revokedAt) }) : t('int.keys.active')}</td>
                  <td>
                    {!k.revokedAt && (
                      <ConfirmButton label={t('int.keys.revoke')} question={t('int.keys.revokeQuestion', { name: k.name })} onConfirm={() => revoke(k)} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="int-form" onSubmit={create} aria-labelledby="int-keys-new">
        <h3 id="int-keys-new">{t('int.keys.new')}</h3>
        <Field label={t('int.keys.name')} error={nameError}>
          {(p) => <input {...p} required maxLength={100} value={name} placeholder={t('int.keys.namePlaceholder')} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <fieldset>
          <legend>{t('int.keys.scope')}</legend>
          {API_KEY_SCOPES.map((s) => (
            <label key={s} className="check">
              <input type="radio" name="scope" value={s} checked={scope === s} onChange={() => setScope(s)} /> {t(`int.scope.${s}`)}
            </label>
          ))}
        </fieldset>
        <Field label={t('int.keys.location')}>
          {(p) => (
            <select {...p} value={locationId} onChange={(e) => setLocationId(e.target.value)}>
              <option value="">{t('int.keys.allLocations')}</option>
              {(locations.data?.locations ?? []).filter((l) => l.depth > 0).map((l) => (
                <option key={l.id} value={l.id}>{'\u2003'.repeat(l.depth - 1)}{l.name}</option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={busy}>{busy ? t('int.keys.creating') : t('int.keys.create')}</button>
      </form>
      <LiveStatus message={status} kind="success" />
    </section>
  );
}
