/** The webhooks part of /app/integrations: endpoints (add, pause, delete) and each one's delivery log with a resend button. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n.tsx';
import { ConfirmButton, EmptyState, ErrorMessage, Field, LiveStatus, Loading, useLoad } from '../../components/index.ts';
import type {
  CreatedWebhookAnswer, WebhookAnswer, WebhookDeliveriesAnswer, WebhookDelivery, WebhookDeliveryAnswer, WebhooksAnswer, WebhookView,
} from '../../../core/api/integrations.ts';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../../core/integrations/webhookEvents.ts';
import { OnceSecret } from './OnceSecret.tsx';

export function WebhooksSection() {
  const { t } = useI18n();
  const hooks = useLoad<WebhooksAnswer>('/org/webhooks');
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(['response.created']);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const fail = (err: unknown) => {
    const message = err instanceof ApiError ? err.message : String(err);
    const field = err instanceof ApiError ? (err.details as { field?: string } | undefined)?.field : undefined;
    if (field === 'url' || field === 'eventTypes') setFieldErrors({ [field]: message });
    else setError(message);
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const res = await api.post<CreatedWebhookAnswer>('/org/webhooks', { url, description, eventTypes: events });
      setSecret(res.secret);
      setUrl('');
      setDescription('');
      await hooks.reload();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (type: WebhookEventType) => setEvents((cur) => (cur.includes(type) ? cur.filter((x) => x !== type) : [...cur, type]));
  const list = hooks.data?.webhooks ?? null;
  return (
    <section aria-labelledby="int-hooks" className="int-section">
      <h2 id="int-hooks">{t('int.hooks.title')}</h2>
      <p className="muted">{t('int.hooks.intro')}</p>
      <ErrorMessage message={hooks.error ? t('shell.error', { message: hooks.error.message }) : error} />
      {secret && <OnceSecret label={t('int.hooks.title')} value={secret} note={t('int.hooks.secretShown')} onDone={() => setSecret(null)} />}
      {hooks.loading && !list && <Loading lines={2} />}
      {list && list.length === 0 && <EmptyState title={t('int.hooks.none')} />}
      {list?.map((h) => <Endpoint key={h.id} hook={h} onChanged={hooks.reload} onStatus={setStatus} onError={setError} />)}
      <form className="int-form" onSubmit={create} aria-labelledby="int-hooks-new">
        <h3 id="int-hooks-new">{t('int.hooks.new')}</h3>
        <Field label={t('int.hooks.url')} error={fieldErrors.url}>
          {(p) => <input {...p} type="url" required dir="ltr" maxLength={2000} value={url} placeholder="https://" onChange={(e) => setUrl(e.target.value)} />}
        </Field>
        <Field label={t('int.hooks.description')}>
          {(p) => <input {...p} maxLength={200} value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <fieldset aria-describedby={fieldErrors.eventTypes ? 'int-events-err' : undefined}>
          <legend>{t('int.hooks.events')}</legend>
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="check">
              <input type="checkbox" checked={events.includes(type)} onChange={() => toggle(type)} /> {t(`int.event.${type}` as MessageKey)} <code dir="ltr">{type}</code>
            </label>
          ))}
          {fieldErrors.eventTypes && <small id="int-events-err" className="error field-error">{fieldErrors.eventTypes}</small>}
        </fieldset>
        <button type="submit" disabled={busy || events.length === 0}>{busy ? t('int.hooks.creating') : t('int.hooks.create')}</button>
      </form>
      <LiveStatus message={status} kind="success" />
    </section>
  );
}

function Endpoint({ hook, onChanged, onStatus, onError }: {
  hook: WebhookView;
  onChanged: () => Promise<void>;
  onStatus: (s: string) => void;
  onError: (s: string | null) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const act = async (fn: () => Promise<unknown>, done?: string) => {
    onError(null);
    try {
      await fn();
      await onChanged();
      if (done) onStatus(done);
    } catch (err) {
      onError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const logId = `int-log-${hook.id}`;
  return (
    <article className="int-endpoint" aria-label={hook.url}>
      <div className="int-endpoint-head">
        <code dir="ltr" className="int-url">{hook.url}</code>
        <span className={`badge ${hook.disabled ? 'status-closed' : 'status-live'}`}>{hook.disabled ? t('int.hooks.disabled') : t('int.hooks.enabled')}</span>
      </div>
      {hook.description && <p dir="auto">{hook.description}</p>}
      <p className="muted">{hook.eventTypes.map((e) => t(`int.event.${e}` as MessageKey)).join(' · ')}</p>
      <div className="int-actions">
        <button type="button" className="secondary" aria-expanded={open} aria-controls={logId} onClick={() => setOpen(!open)}>
          {open ? t('int.hooks.hideLog') : t('int.hooks.showLog')}
        </button>
        <button type="button" className="secondary" onClick={() => act(() => api.patch<WebhookAnswer>(`/org/webhooks/${hook.id}`, { disabled: !hook.disabled }))}>
          {hook.disabled ? t('int.hooks.resume') : t('int.hooks.pause')}
        </button>
        <ConfirmButton
          label={t('int.hooks.delete')}
          question={t('int.hooks.deleteQuestion', { url: hook.url })}
          onConfirm={() => act(() => api.delete(`/org/webhooks/${hook.id}`), t('int.hooks.deleted'))}
        />
      </div>
      <div id={logId}>{open && <DeliveryLog hook={hook} onStatus={onStatus} onError={onError} />}</div>
    </article>
  );
}

function DeliveryLog({ hook, onStatus, onError }: { hook: WebhookView; onStatus: (s: string) => void; onError: (s: string | null) => void }) {
  const { t, num, date } = useI18n();
  const log = useLoad<WebhookDeliveriesAnswer>(`/org/webhooks/${hook.id}/deliveries`);
  const [busy, setBusy] = useState<string | null>(null);
  const when = (iso: string) => date(iso, { dateStyle: 'medium', timeStyle: 'medium' });
  const eventName = (d: WebhookDelivery) => t(`int.event.${d.eventType}` as MessageKey);
  const result = (d: WebhookDelivery) => {
    const last = d.log[0];
    if (!last) return '—';
    return last.statusCode !== null ? t('int.d.httpStatus', { code: String(last.statusCode) }) : (last.error ?? t('int.d.noAnswer'));
  };
  const resend = async (d: WebhookDelivery) => {
    setBusy(d.id);
    onError(null);
    try {
      await api.post<WebhookDeliveryAnswer>(`/org/webhooks/${hook.id}/deliveries/${d.id}/resend`, {});
      await log.reload();
      onStatus(t('int.d.resent', { event: eventName(d) }));
    } catch (err) {
      onError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };
  if (log.loading && !log.data) return <Loading lines={2} />;
  const list = log.data?.deliveries ?? [];
  if (list.length === 0) return <p className="muted">{t('int.hooks.noDeliveries')}</p>;
  return (
    <div className="table-scroll">
      <table className="int-table">
        <caption>{t('int.hooks.logCaption', { url: hook.url })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('int.d.event')}</th>
            <th scope="col">{t('int.d.time')}</th>
            <th scope="col">{t('int.d.status')}</th>
            <th scope="col">{t('int.d.attempts')}</th>
            <th scope="col">{t('int.d.result')}</th>
            <th scope="col"><span className="visually-hidden">{t('int.keys.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {list.map((d) => (
            <tr key={d.id}>
              <th scope="row">{eventName(d)}</th>
              <td>{when(d.log[0]?.at ?? d.createdAt)}</td>
              <td>{t(`int.d.${d.status}` as MessageKey)}</td>
              <td>{num(d.attempts, 0)}</td>
              <td dir="auto" className="int-error">{result(d)}</td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  disabled={busy !== null || d.status === 'pending'}
                  aria-label={t('int.d.resendOne', { event: eventName(d), date: when(d.createdAt) })}
                  onClick={() => resend(d)}
                >
                  {t('int.d.resend')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
