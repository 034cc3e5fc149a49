/** The Telegram bot section of /app/channels: connect with a token, choose webhook or long polling, disconnect. */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { ConfirmButton, ErrorMessage, Field, LiveStatus, Loading, useLoad } from '../../components/index.ts';
import type { TelegramSettingsView } from '../../../core/api/messengers.ts';

type Mode = 'webhook' | 'polling';

export function TelegramSettings() {
  const { t, date } = useI18n();
  const bot = useLoad<TelegramSettingsView>('/org/telegram');
  const [token, setToken] = useState('');
  const [mode, setMode] = useState<Mode>('polling');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tokenError, setTokenError] = useState<string | null>(null);

  useEffect(() => {
    if (bot.data?.mode) setMode(bot.data.mode);
  }, [bot.data?.mode]);

  const connected = bot.data?.connected && !bot.data.placeholder;
  const explain = (err: unknown) => {
    if (err instanceof ApiError && err.status === 400 && (err.details as { field?: string } | undefined)?.field === 'token') return setTokenError(t('ch.tg.tokenRefused'));
    if (err instanceof ApiError && err.status === 400 && err.message.startsWith('token')) return setTokenError(t('ch.tg.tokenRefused'));
    if (err instanceof ApiError && err.status === 503) return setError(t('ch.tg.unreachable'));
    setError(err instanceof Error ? err.message : String(err));
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    setError(null);
    setTokenError(null);
    try {
      bot.setData(await api.put<TelegramSettingsView>('/org/telegram', { mode, ...(token.trim() ? { token: token.trim() } : {}) }));
      setToken('');
      setStatus(t('ch.tg.saved'));
    } catch (err) {
      explain(err);
    } finally {
      setBusy(false);
    }
  };

  const disconnect = async () => {
    setBusy(true);
    setStatus(null);
    setError(null);
    try {
      bot.setData(await api.delete<TelegramSettingsView>('/org/telegram'));
      setStatus(t('ch.tg.disconnected'));
    } catch (err) {
      explain(err);
    } finally {
      setBusy(false);
    }
  };

  const d = bot.data;
  return (
    <section className="card settings-section" aria-labelledby="tg-h">
      <h2 id="tg-h">{t('ch.tg.title')}</h2>
      <p className="muted">{t('ch.tg.help')}</p>
      <ErrorMessage message={bot.error ? t('shell.error', { message: bot.error.message }) : error} />
      {!d && !bot.error && <Loading lines={3} />}
      {d?.connected && d.username && (
        <p>
          {t('ch.tg.connected', { name: '' })}
          <a className="channel-ltr" href={`https://t.me/${d.username}`} target="_blank" rel="noopener">@{d.username}</a>
        </p>
      )}
      {d?.placeholder && <p className="warning">{t('ch.tg.placeholder')}</p>}
      {d?.webhookUrl && (
        <p>{t('ch.tg.webhookUrl')}: <code className="channel-ltr">{d.webhookUrl}</code></p>
      )}
      {d?.lastError && d.lastErrorAt && (
        <p className="warning">{t('ch.tg.lastError', { date: date(d.lastErrorAt, { dateStyle: 'medium', timeStyle: 'short' }), error: d.lastError })}</p>
      )}
      {d && (
        <form className="settings-section" onSubmit={(e) => void save(e)}>
          <Field label={t('ch.tg.token')} hint={connected ? t('ch.tg.tokenKeep') : t('ch.tg.tokenHint')} error={tokenError}>
            {(p) => <input {...p} dir="ltr" type="password" autoComplete="off" spellCheck={false} value={token} onChange={(e) => setToken(e.target.value)} placeholder="123456789:AAH…" />}
          </Field>
          <fieldset className="channel-modes">
            <legend>{t('ch.tg.mode')}</legend>
            {(['polling', 'webhook'] as const).map((m) => (
              <label key={m} className="check">
                <input type="radio" name="tg-mode" value={m} checked={mode === m} onChange={() => setMode(m)} aria-describedby={`tg-mode-${m}`} />
                <span>
                  {t(m === 'polling' ? 'ch.tg.polling' : 'ch.tg.webhook')}
                  <small id={`tg-mode-${m}`} className="muted">{t(m === 'polling' ? 'ch.tg.pollingHint' : 'ch.tg.webhookHint')}</small>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="toolbar">
            <button type="submit" disabled={busy}>{connected ? t('ch.tg.save') : t('ch.tg.connect')}</button>
            {d.connected && <ConfirmButton label={t('ch.tg.disconnect')} question={t('ch.tg.disconnectQ')} disabled={busy} onConfirm={disconnect} />}
          </div>
        </form>
      )}
      <LiveStatus message={status} kind="success" />
    </section>
  );
}
