/** /app/audits/waves: the waves with their period and progress, and the form to create one. */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorMessage } from '../components/LiveStatus.tsx';
import { Field } from '../components/Field.tsx';
import { Loadable, Panel } from '../analytics/ui.tsx';
import { SupportTable } from '../support/load.tsx';
import type { Wave, WaveAnswer, WaveOptionsAnswer, WavesAnswer } from '../../core/api/auditWaves.ts';
import { WAVE_STATUSES } from '../../core/audits/waves.ts';
import { errorText } from './format.tsx';
import '../support/support.css';
// .clr-sub, .plan-meta, .plan-locations: shared with the action plans; without this they only applied after a plan page was opened.
import '../caseReports/caseReports.css';
import './auditVisits.css';

/** "3 of 4 submitted, 1 published" with a progress bar. */
export function WaveProgressBar({ wave }: { wave: Wave }) {
  const { t, num } = useI18n();
  const p = wave.progress;
  return (
    <span className="av-wave-progress">
      <progress className="av-progress" max={Math.max(1, p.assigned)} value={p.submitted} aria-label={t('av.waves.progressLabel')} />
      <span className="clr-sub">{t('av.waves.progress', { submitted: num(p.submitted), assigned: num(p.assigned), published: num(p.published) })}</span>
    </span>
  );
}

export function WavesPage() {
  const { t, date } = useI18n();
  const waves = useLoad<WavesAnswer>('/audit-waves');
  const day = (d: string) => date(`${d}T12:00:00Z`);
  return (
    <div className="an-page">
      <PageTitle title={t('av.waves.title')} />
      <p className="muted">{t('av.waves.intro')}</p>
      <Loadable state={waves} height={160}>
        {(data) => data.items.length === 0 ? (
          <EmptyState title={t('av.waves.empty')}><p className="muted">{t('av.waves.emptyHint')}</p></EmptyState>
        ) : (
          <section className="card">
            <SupportTable testId="av-waves" caption={t('av.waves.title')} wide>
              <thead>
                <tr>
                  <th scope="col">{t('av.waves.name')}</th>
                  <th scope="col">{t('av.waves.status')}</th>
                  <th scope="col">{t('av.waves.startsOn')}</th>
                  <th scope="col">{t('av.waves.progressLabel')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((w) => (
                  <tr key={w.id}>
                    <th scope="row"><Link to={`/app/audits/waves/${w.id}`}><bdi>{w.name}</bdi></Link><span className="clr-sub muted"><bdi>{w.checklistName ?? ''}</bdi></span></th>
                    <td><span className={`badge av-wstatus-${w.status}`}>{t(`av.wstatus.${w.status}`)}</span></td>
                    <td>{t('av.waves.period', { from: day(w.startsOn), to: day(w.endsOn) })}</td>
                    <td><WaveProgressBar wave={w} /></td>
                  </tr>
                ))}
              </tbody>
            </SupportTable>
          </section>
        )}
      </Loadable>
      <NewWaveForm />
    </div>
  );
}

function NewWaveForm() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const options = useLoad<WaveOptionsAnswer>('/audit-waves/options');
  const [form, setForm] = useState({ name: '', checklistId: '', startsOn: '', endsOn: '', visitsPerLocation: '1', status: 'open' });
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const fieldError = (f: string) => (error?.field === f ? error.message : null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const res = await api.post<WaveAnswer>('/audit-waves', { ...form, visitsPerLocation: Number(form.visitsPerLocation) });
      navigate(`/app/audits/waves/${res.wave.id}`);
    } catch (err) {
      const field = err instanceof ApiError ? String((err.details as { field?: string } | undefined)?.field ?? '') : '';
      setError({ field, message: errorText(err) });
    }
  };
  const checklists = options.data?.checklists ?? [];
  return (
    <Panel title={t('av.waves.new')} id="av-new-wave">
      {options.data && checklists.length === 0 ? <p className="muted">{t('av.waves.noChecklists')}</p> : (
        <form className="av-wave-form" onSubmit={submit} noValidate data-testid="av-wave-form">
          <Field label={t('av.waves.name')} error={fieldError('name')}>{(p) => <input {...p} name="name" value={form.name} onChange={set('name')} required maxLength={200} />}</Field>
          <Field label={t('av.waves.checklist')} error={fieldError('checklistId')}>
            {(p) => (
              <select {...p} name="checklistId" value={form.checklistId} onChange={set('checklistId')} required>
                <option value="" />
                {checklists.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select>
            )}
          </Field>
          <div className="row">
            <Field label={t('av.waves.startsOn')} error={fieldError('startsOn')}>{(p) => <input {...p} name="startsOn" type="date" value={form.startsOn} onChange={set('startsOn')} required />}</Field>
            <Field label={t('av.waves.endsOn')} error={fieldError('endsOn')}>{(p) => <input {...p} name="endsOn" type="date" value={form.endsOn} min={form.startsOn || undefined} onChange={set('endsOn')} required />}</Field>
            <Field label={t('av.waves.perLocation')} error={fieldError('visitsPerLocation')}>{(p) => <input {...p} name="visitsPerLocation" type="number" min={1} max={100} value={form.visitsPerLocation} onChange={set('visitsPerLocation')} required />}</Field>
            <Field label={t('av.waves.status')}>
              {(p) => <select {...p} value={form.status} onChange={set('status')}>{WAVE_STATUSES.map((s) => <option key={s} value={s}>{t(`av.wstatus.${s}`)}</option>)}</select>}
            </Field>
          </div>
          {error && !['name', 'checklistId', 'startsOn', 'endsOn', 'visitsPerLocation'].includes(error.field) && <ErrorMessage message={error.message} />}
          <div><button type="submit" className="primary">{t('av.waves.create')}</button></div>
        </form>
      )}
    </Panel>
  );
}
