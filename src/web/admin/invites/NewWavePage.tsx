/**
 * /app/waves/new: a wave's survey, audience (segment, location), channel, reminders and send window;
 * "Preview" shows how many contacts will be invited and how many skipped and why (POST /waves/preview),
 * "Send" creates it (POST /waves) and opens its page. The survey's own frequency limit can be set here.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n.tsx';
import { ErrorMessage, Field, LiveStatus, Loading, PageTitle, useLoad } from '../../components/index.ts';
import type { SurveyListAnswer } from '../../../core/api/surveys.ts';
import type { LocationsAnswer } from '../../../core/api/locations.ts';
import type { OrgContactPolicy, WaveCreate, WaveListResponse, WavePreviewResponse, WaveResponse } from '../../../core/api/invitations.ts';
import { SkipReasons } from './WaveCounts.tsx';
import './invites.css';

/** "3, 7" (any digits, commas or spaces) as increasing days 1-60, at most three; null when malformed. */
export function parseReminderDays(text: string): number[] | null {
  const ascii = text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  const parts = ascii.split(/[\s,،;]+/).filter(Boolean);
  if (parts.length > 3 || parts.some((p) => !/^\d{1,2}$/.test(p))) return null;
  const days = parts.map(Number);
  return days.every((d, i) => d >= 1 && d <= 60 && (i === 0 || d > days[i - 1])) ? days : null;
}

export function NewWavePage() {
  const { t, date } = useI18n();
  const navigate = useNavigate();
  const surveys = useLoad<SurveyListAnswer>('/surveys');
  const locations = useLoad<LocationsAnswer>('/locations');
  const waves = useLoad<WaveListResponse>('/waves');
  const policy = useLoad<OrgContactPolicy>('/org/contact-policy');
  const live = useMemo(() => (surveys.data?.surveys ?? []).filter((s) => s.status === 'live' && !s.archivedAt), [surveys.data]);
  const channels = waves.data?.channels ?? ['email'];

  const [surveyId, setSurveyId] = useState('');
  const [name, setName] = useState('');
  const [channel, setChannel] = useState<WaveCreate['channel']>('email');
  const [segment, setSegment] = useState('');
  const [locationId, setLocationId] = useState('');
  const [reminders, setReminders] = useState('3');
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('20:00');
  const [surveyGap, setSurveyGap] = useState('');
  const [preview, setPreview] = useState<WavePreviewResponse | null>(null);
  const [busy, setBusy] = useState<'preview' | 'send' | 'gap' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    if (!surveyId && live.length > 0) setSurveyId(live[0].id);
  }, [live, surveyId]);
  useEffect(() => {
    const survey = live.find((s) => s.id === surveyId);
    if (survey) setName(`${survey.name} · ${date(Date.now())}`);
    setPreview(null);
  }, [surveyId, live, date]);

  // The survey's own limit as the server has it, once a preview told us.
  useEffect(() => {
    if (preview) setSurveyGap(preview.surveyGapDays === null ? '' : String(preview.surveyGapDays));
  }, [preview]);

  const reminderDays = parseReminderDays(reminders);
  const body = (): WaveCreate | null => {
    if (!reminderDays || !surveyId) return null;
    return {
      surveyId, name: name.trim() || '—', channel, reminderDays, window: { start, end },
      audience: { ...(segment.trim() ? { segment: segment.trim() } : {}), ...(locationId ? { locationId } : {}) },
    };
  };

  const run = async (what: 'preview' | 'send', e?: FormEvent) => {
    e?.preventDefault();
    const b = body();
    if (!b) return;
    setBusy(what);
    setError(null);
    setStatus(null);
    try {
      if (what === 'preview') {
        setPreview(await api.post<WavePreviewResponse>('/waves/preview', b));
      } else {
        const res = await api.post<WaveResponse>('/waves', b);
        setStatus(t('inv.form.created'));
        navigate(`/app/waves/${res.wave.id}`);
      }
    } catch (err) {
      setError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  const saveSurveyGap = async () => {
    setBusy('gap');
    setError(null);
    try {
      const days = surveyGap.trim() === '' ? null : Number(surveyGap);
      await api.put(`/surveys/${surveyId}/contact-policy`, { contactGapDays: days });
      setStatus(t('inv.gap.saved'));
      if (preview) await run('preview');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  const loading = surveys.loading && !surveys.data;
  return (
    <section className="waves-page">
      <PageTitle title={t('inv.form.title')} />
      <ErrorMessage message={surveys.error ? t('shell.error', { message: surveys.error.message }) : error} />
      {loading && <Loading lines={6} />}
      {!loading && live.length === 0 && <p>{t('inv.form.noLive')}</p>}
      {!loading && live.length > 0 && (
        <form className="wave-form" onSubmit={(e) => run('send', e)} noValidate>
          <Field label={t('inv.form.survey')} hint={t('inv.form.surveyHint')}>
            {(p) => (
              <select {...p} value={surveyId} onChange={(e) => setSurveyId(e.target.value)}>
                {live.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('inv.form.name')}>
            {(p) => <input {...p} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label={t('inv.form.channel')}>
            {(p) => (
              <select {...p} value={channel} onChange={(e) => setChannel(e.target.value as WaveCreate['channel'])}>
                {channels.map((c) => <option key={c} value={c}>{t(`inv.channel.${c}` as MessageKey)}</option>)}
              </select>
            )}
          </Field>
          <fieldset>
            <legend>{t('inv.form.audience')}</legend>
            <div className="row">
              <Field label={t('inv.form.segment')} hint={t('inv.form.segmentHint')}>
                {(p) => <input {...p} value={segment} maxLength={100} onChange={(e) => setSegment(e.target.value)} />}
              </Field>
              <Field label={t('inv.form.location')}>
                {(p) => (
                  <select {...p} value={locationId} onChange={(e) => setLocationId(e.target.value)}>
                    <option value="">{t('inv.form.allLocations')}</option>
                    {(locations.data?.locations ?? []).map((l) => (
                      <option key={l.id} value={l.id}>{`${'\u00a0\u00a0'.repeat(l.depth)}${l.name}`}</option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          </fieldset>
          <Field label={t('inv.form.reminders')} hint={t('inv.form.remindersHint')} error={reminderDays ? null : t('inv.form.remindersInvalid')}>
            {(p) => <input {...p} value={reminders} inputMode="numeric" onChange={(e) => setReminders(e.target.value)} />}
          </Field>
          <fieldset>
            <legend>{t('inv.form.window')}</legend>
            <p className="muted small">{t('inv.form.windowHint')}</p>
            <div className="row">
              <Field label={t('inv.form.windowStart')}>
                {(p) => <input {...p} type="time" value={start} required onChange={(e) => setStart(e.target.value)} />}
              </Field>
              <Field label={t('inv.form.windowEnd')}>
                {(p) => <input {...p} type="time" value={end} required onChange={(e) => setEnd(e.target.value)} />}
              </Field>
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('inv.gap.title')}</legend>
            <div className="row">
              <Field label={t('inv.gap.survey')} hint={t('inv.gap.surveyHint', { n: policy.data?.contactGapDays ?? 0 })}>
                {(p) => <input {...p} type="number" min={0} max={3650} value={surveyGap} onChange={(e) => setSurveyGap(e.target.value)} />}
              </Field>
            </div>
            <button type="button" className="secondary" disabled={busy !== null} onClick={saveSurveyGap}>{t('inv.gap.save')}</button>
          </fieldset>
          <div className="waves-actions">
            <button type="button" className="secondary" disabled={busy !== null || !reminderDays} onClick={() => run('preview')}>
              {busy === 'preview' ? t('inv.form.previewing') : t('inv.form.preview')}
            </button>
            <button type="submit" disabled={busy !== null || !reminderDays}>{busy === 'send' ? t('inv.form.sending') : t('inv.form.send')}</button>
          </div>
          <div role="status" aria-live="polite">
            {preview && (
              <div className="wave-preview">
                <h2>{t('inv.preview.title')}</h2>
                <p>{t('inv.preview.total', { n: preview.total })}</p>
                <p><strong>{t('inv.preview.toSend', { n: preview.toSend })}</strong>{preview.delayedByWindow > 0 && <> · {t('inv.preview.delayed', { n: preview.delayedByWindow })}</>}</p>
                <SkipReasons skipped={preview.skipped} />
                <p className="muted">{preview.gapDays > 0 ? t('inv.preview.gap', { n: preview.gapDays }) : t('inv.preview.noGap')}</p>
              </div>
            )}
          </div>
        </form>
      )}
      <LiveStatus message={status} kind="success" />
    </section>
  );
}
