/**
 * The survey's in-store kiosks on its distribution page (docs/kiosk.md): create one for a location with
 * a staff PIN (its address is shown once), list them with when they last sent answers, switch one off.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../shell/session.tsx';
import { ConfirmButton, CopyableUrl, EmptyState, ErrorMessage, Field, LiveStatus, Loading, useLoad } from '../../components/index.ts';
import type { CreateKioskAnswer, Kiosk, KioskListAnswer, RevokeKioskAnswer } from '../../../core/api/kiosks.ts';
import type { SurveyLink } from '../types.ts';
import './kiosks.css';

const PIN_RE = /^[0-9]{4,8}$/;

export function KiosksSection({ surveyId, live, locations }: { surveyId: string; live: boolean; locations: SurveyLink[] }) {
  const { t, date } = useI18n();
  const { can } = useSession();
  const path = `/surveys/${encodeURIComponent(surveyId)}/kiosks`;
  const list = useLoad<KioskListAnswer>(path);
  const [name, setName] = useState('');
  const [locationId, setLocationId] = useState('');
  const [pin, setPin] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; url: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const places = locations.filter((l): l is SurveyLink & { locationId: string } => l.locationId !== null);
  const locationError = tried && !locationId ? t('kiosk.locationError') : null;
  const nameError = tried && !name.trim() ? t('kiosk.nameError') : null;
  const pinError = tried && !PIN_RE.test(pin) ? t('kiosk.pinError') : null;

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!name.trim() || !PIN_RE.test(pin) || !locationId) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post<CreateKioskAnswer>(path, { name: name.trim(), locationId, pin });
      setCreated({ name: answer.kiosk.name, url: answer.url });
      setName('');
      setPin('');
      setTried(false);
      await list.reload();
    } catch (err) {
      setError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (k: Kiosk) => {
    setError(null);
    try {
      await api.post<RevokeKioskAnswer>(`${path}/revoke`, { kioskId: k.id });
      setStatus(t('kiosk.revokedDone', { name: k.name }));
      await list.reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const kiosks = list.data?.kiosks ?? [];
  const canEdit = can('survey.edit');
  return (
    <section className="card builder-section" aria-labelledby="kiosk-h">
      <h2 id="kiosk-h">{t('kiosk.title')}</h2>
      <p className="muted">{t('kiosk.intro')}</p>
      <p className="muted">{t('kiosk.lockdown')}</p>
      {!live && <p className="warning">{t('kiosk.notLive')}</p>}
      <ErrorMessage message={error ?? (list.error ? t('shell.error', { message: list.error.message }) : null)} />
      {canEdit && places.length === 0 && <p>{t('kiosk.noLocations')}</p>}
      {canEdit && places.length > 0 && (
        <form onSubmit={create} noValidate>
          <div className="row">
            <Field label={t('kiosk.name')} hint={t('kiosk.nameHint')} error={nameError}>
              {(p) => <input {...p} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />}
            </Field>
            <Field label={t('kiosk.location')} error={locationError}>
              {(p) => (
                <select {...p} value={locationId} onChange={(e) => setLocationId(e.target.value)}>
                  <option value="">{t('kiosk.chooseLocation')}</option>
                  {places.map((l) => <option key={l.locationId} value={l.locationId}>{l.locationName}</option>)}
                </select>
              )}
            </Field>
            <Field label={t('kiosk.pin')} hint={t('kiosk.pinHint')} error={pinError}>
              {(p) => <input {...p} value={pin} dir="ltr" inputMode="numeric" autoComplete="off" maxLength={8} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />}
            </Field>
          </div>
          <p><button type="submit" disabled={busy}>{busy ? t('kiosk.creating') : t('kiosk.create')}</button></p>
        </form>
      )}
      {created && (
        <div className="kiosk-created" role="status">
          <p>{t('kiosk.created', { name: created.name })}</p>
          <CopyableUrl url={created.url} label={t('kiosk.url')} />
          <p className="muted small">{t('kiosk.urlOnce')}</p>
        </div>
      )}
      <LiveStatus message={status} kind="success" />
      {list.loading && !list.data && <Loading lines={2} />}
      {list.data && kiosks.length === 0 && <EmptyState title={t('kiosk.none')}><p>{t('kiosk.noneHint')}</p></EmptyState>}
      {kiosks.length > 0 && (
        <table className="kiosk-table">
          <caption className="visually-hidden">{t('kiosk.caption', { n: kiosks.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kiosk.colName')}</th>
              <th scope="col">{t('kiosk.colLocation')}</th>
              <th scope="col" className="kiosk-when">{t('kiosk.colCreated')}</th>
              <th scope="col">{t('kiosk.colLastSeen')}</th>
              <th scope="col">{t('kiosk.colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {kiosks.map((k) => (
              <tr key={k.id}>
                <th scope="row">{k.name}</th>
                <td>{k.locationName}</td>
                <td className="kiosk-when">{date(k.createdAt)}</td>
                <td>{k.lastSeenAt ? date(k.lastSeenAt, { dateStyle: 'medium', timeStyle: 'short' }) : t('kiosk.never')}</td>
                <td>
                  {k.revokedAt ? t('kiosk.revokedOn', { date: date(k.revokedAt) }) : (
                    <>
                      {t('kiosk.active')}{' '}
                      {canEdit && <ConfirmButton label={t('kiosk.revoke')} question={t('kiosk.revokeQuestion', { name: k.name })} onConfirm={() => revoke(k)} />}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
