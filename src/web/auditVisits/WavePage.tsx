/** /app/audits/waves/:id: one wave (its fields, progress), assigning visits to locations, and its assignments (reassign, move, cancel). */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { ErrorMessage, LiveStatus } from '../components/LiveStatus.tsx';
import { Field } from '../components/Field.tsx';
import { Loading } from '../components/Loading.tsx';
import { Loadable, Panel } from '../analytics/ui.tsx';
import { SupportTable } from '../support/load.tsx';
import type { Assignment, AssignmentAnswer, AssignmentsAnswer, Wave, WaveAnswer, WaveOptionsAnswer } from '../../core/api/auditWaves.ts';
import { WAVE_STATUSES } from '../../core/audits/waves.ts';
import { WaveProgressBar } from './WavesPage.tsx';
import { errorText, type Msg } from './format.tsx';
import '../support/support.css';
// .clr-sub, .plan-meta, .plan-locations: shared with the action plans; without this they only applied after a plan page was opened.
import '../caseReports/caseReports.css';
import './auditVisits.css';


export function WavePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const wave = useLoad<WaveAnswer>(`/audit-waves/${id}`);
  if (wave.error) return <ErrorMessage message={wave.error instanceof ApiError && wave.error.status === 404 ? t('av.wave.notFound') : wave.error.message} />;
  if (!wave.data) return <Loading />;
  return <WaveView wave={wave.data.wave} reload={wave.reload} />;
}

function WaveView({ wave, reload }: { wave: Wave; reload(): Promise<void> }) {
  const { t, date } = useI18n();
  const assignments = useLoad<AssignmentsAnswer>(`/audit-waves/${wave.id}/assignments`);
  const options = useLoad<WaveOptionsAnswer>('/audit-waves/options');
  const refresh = async () => {
    await Promise.all([reload(), assignments.reload()]);
  };
  const day = (d: string) => date(`${d}T12:00:00Z`);
  return (
    <div className="an-page">
      <p><Link to="/app/audits/waves">{t('av.wave.back')}</Link></p>
      <PageTitle title={wave.name} />
      <ul className="plan-meta">
        <li><span className={`badge av-wstatus-${wave.status}`}>{t(`av.wstatus.${wave.status}`)}</span></li>
        <li><bdi>{wave.checklistName ?? ''}</bdi></li>
        <li>{t('av.waves.period', { from: day(wave.startsOn), to: day(wave.endsOn) })}</li>
        <li data-testid="av-wave-progress"><WaveProgressBar wave={wave} /></li>
      </ul>
      <WaveEdit wave={wave} onSaved={refresh} />
      <AssignForm wave={wave} options={options.data} onDone={refresh} />
      <Panel title={t('av.wave.assignments')} id="av-assignments">
        <Loadable state={assignments} height={120}>
          {(data) => data.items.length === 0 ? <p className="muted">{t('av.wave.noAssignments')}</p> : (
            <SupportTable testId="av-assignments" caption={t('av.wave.assignments')} wide>
              <thead>
                <tr>
                  <th scope="col">{t('av.wave.col.location')}</th>
                  <th scope="col">{t('av.wave.col.auditor')}</th>
                  <th scope="col">{t('av.wave.col.due')}</th>
                  <th scope="col">{t('av.wave.col.status')}</th>
                  <th scope="col">{t('av.wave.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((a) => <AssignmentRow key={a.id} a={a} wave={wave} options={options.data} onChanged={refresh} />)}
              </tbody>
            </SupportTable>
          )}
        </Loadable>
      </Panel>
    </div>
  );
}

function WaveEdit({ wave, onSaved }: { wave: Wave; onSaved(): Promise<void> }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ name: wave.name, startsOn: wave.startsOn, endsOn: wave.endsOn, visitsPerLocation: String(wave.visitsPerLocation), status: wave.status });
  const [msg, setMsg] = useState<Msg>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.patch(`/audit-waves/${wave.id}`, { ...form, visitsPerLocation: Number(form.visitsPerLocation) });
      setMsg({ text: t('av.wave.saved'), kind: 'success' });
      await onSaved();
    } catch (err) {
      setMsg({ text: errorText(err), kind: 'error' });
    }
  };
  return (
    <form className="av-wave-form card" onSubmit={submit}>
      <div className="row">
        <Field label={t('av.waves.name')}>{(p) => <input {...p} value={form.name} onChange={set('name')} required maxLength={200} />}</Field>
        <Field label={t('av.waves.startsOn')}>{(p) => <input {...p} type="date" value={form.startsOn} onChange={set('startsOn')} required />}</Field>
        <Field label={t('av.waves.endsOn')}>{(p) => <input {...p} type="date" value={form.endsOn} min={form.startsOn} onChange={set('endsOn')} required />}</Field>
        <Field label={t('av.waves.perLocation')}>{(p) => <input {...p} type="number" min={1} max={100} value={form.visitsPerLocation} onChange={set('visitsPerLocation')} required />}</Field>
        <Field label={t('av.waves.status')}>
          {(p) => <select {...p} value={form.status} onChange={set('status')} data-testid="av-wave-status">{WAVE_STATUSES.map((s) => <option key={s} value={s}>{t(`av.wstatus.${s}`)}</option>)}</select>}
        </Field>
      </div>
      <div><button type="submit" className="secondary">{t('av.wave.save')}</button></div>
      <LiveStatus message={msg?.text ?? null} kind={msg?.kind} />
    </form>
  );
}

function AuditorSelect({ options, value, onChange, label }: { options: WaveOptionsAnswer | null; value: string; onChange(v: string): void; label: string }) {
  const { t } = useI18n();
  return (
    <Field label={label}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('av.wave.unassigned')}</option>
          {(options?.auditors ?? []).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
      )}
    </Field>
  );
}

function AssignForm({ wave, options, onDone }: { wave: Wave; options: WaveOptionsAnswer | null; onDone(): Promise<void> }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string[]>([]);
  const [auditorId, setAuditorId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [msg, setMsg] = useState<Msg>(null);
  const toggle = (id: string) => setChosen(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (chosen.length === 0) return setMsg({ text: t('av.wave.chooseLocation'), kind: 'error' });
    try {
      await api.post(`/audit-waves/${wave.id}/assignments`, { locationIds: chosen, auditorId: auditorId || null, dueOn: dueOn || null });
      setMsg({ text: t('av.wave.assigned', { n: chosen.length * wave.visitsPerLocation }), kind: 'success' });
      setChosen([]);
      await onDone();
    } catch (err) {
      setMsg({ text: errorText(err), kind: 'error' });
    }
  };
  return (
    <Panel title={t('av.wave.assign')} id="av-assign">
      <form className="av-wave-form" onSubmit={submit} data-testid="av-assign-form">
        <p className="muted">{t('av.wave.assignHint', { n: wave.visitsPerLocation })}</p>
        <fieldset className="plan-locations">
          <legend>{t('av.wave.locations')}</legend>
          {(options?.locations ?? []).map((l) => (
            <label key={l.id}>
              <input type="checkbox" checked={chosen.includes(l.id)} onChange={() => toggle(l.id)} />
              <bdi>{l.name}</bdi>{l.kind === 'competitor' && <span className="badge">{t('av.wave.competitor')}</span>}
            </label>
          ))}
        </fieldset>
        <div className="row">
          <AuditorSelect options={options} value={auditorId} onChange={setAuditorId} label={t('av.wave.auditor')} />
          <Field label={t('av.wave.dueOn')}>{(p) => <input {...p} type="date" min={wave.startsOn} max={wave.endsOn} value={dueOn} onChange={(e) => setDueOn(e.target.value)} />}</Field>
        </div>
        <div><button type="submit" className="primary">{t('av.wave.assignSave')}</button></div>
        <LiveStatus message={msg?.text ?? null} kind={msg?.kind} />
      </form>
    </Panel>
  );
}

function AssignmentRow({ a, wave, options, onChanged }: { a: Assignment; wave: Wave; options: WaveOptionsAnswer | null; onChanged(): Promise<void> }) {
  const { t, date } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const change = async (body: Record<string, unknown>) => {
    try {
      await api.patch<AssignmentAnswer>(`/audit-assignments/${a.id}`, body);
      setError(null);
      await onChanged();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const locked = a.visitId !== null || a.status === 'submitted';
  return (
    <tr>
      <th scope="row"><bdi>{a.locationName}</bdi>{a.locationKind === 'competitor' && <span className="clr-sub muted">{t('av.wave.competitor')}</span>}</th>
      <td>
        {locked ? <bdi>{a.auditorName ?? t('av.wave.unassigned')}</bdi> : (
          <AuditorSelect options={options} value={a.auditorId ?? ''} onChange={(v) => change({ auditorId: v || null })} label={t('av.wave.reassign')} />
        )}
      </td>
      <td>
        {locked ? (a.dueOn ? date(`${a.dueOn}T12:00:00Z`) : '') : (
          <Field label={t('av.wave.col.due')}>{(p) => <input {...p} type="date" min={wave.startsOn} max={wave.endsOn} value={a.dueOn ?? ''} onChange={(e) => change({ dueOn: e.target.value || null })} />}</Field>
        )}
      </td>
      <td>
        <span className="badge">{t(`av.astatus.${a.status}` as MessageKey)}</span>
        {a.visitId && <> <Link to={`/app/audits/visits/${a.visitId}`}>{t('av.wave.openVisit')}</Link></>}
      </td>
      <td>
        {!locked && (a.status === 'cancelled'
          ? <button type="button" className="secondary" onClick={() => change({ status: 'assigned' })}>{t('av.wave.restore')}</button>
          : <button type="button" className="secondary" onClick={() => change({ status: 'cancelled' })}>{t('av.wave.cancel')}</button>)}
        <ErrorMessage message={error} />
      </td>
    </tr>
  );
}
