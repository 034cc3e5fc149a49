/**
 * The reports page (/app/reports, for report.manage; docs/reports.md "Reports page"): the saved reports with
 * their schedules and last delivery, a form to create or edit one, a report's schedules (add, edit, on/off, delete,
 * next run on the organisation's clock), "Send now" and "Download PDF", and the delivery log with Retry.
 * A failed save keeps the form as typed and says what was wrong, next to the field the API named.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { ConfirmButton, EmptyState, ErrorMessage, Field, LiveStatus, PageTitle, useLoad } from '../components/index.ts';
import type { ReportAnswer, ReportsAnswer, ScheduleAnswer, SchedulesAnswer, DeliveriesAnswer, DeliveryAnswer, SendNowAnswer, RecipientInput } from '../../core/api/reportTemplates.ts';
import type { ReportDefinition } from '../../core/api/reports.ts';
import { ShareButton } from '../sharing/ShareDialog.tsx';
import './reports.css';

// The values of src/core/api/reports.ts REPORT_SECTIONS and src/core/reports/period.ts PERIOD_RULES (types only may be imported here).
const SECTIONS = ['kpis', 'trend', 'breakdown', 'drivers', 'themes', 'comments', 'cases', 'audits', 'support'] as const satisfies readonly ReportDefinition['sections'][number][];
const RULES = ['yesterday', 'last_7_days', 'last_week', 'last_30_days', 'last_month', 'month_to_date', 'quarter_to_date', 'last_quarter'] as const;
const ROLES = ['location_manager', 'admin', 'analyst', 'owner', 'viewer', 'auditor'] as const;
const LANGS = ['en', 'ru', 'fa'] as const;
const FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;

type Rule = (typeof RULES)[number];
type Lang = (typeof LANGS)[number];
interface Survey { id: string; name: string }
interface Location { id: string; name: string; path: string }
interface User { id: string; name: string; email: string; disabled?: boolean }

/** What an API error says, and which field it names (details.field of a validation error). */
function failure(err: unknown): { message: string; field: string | null } {
  const field = err instanceof ApiError ? ((err.details as { field?: string } | undefined)?.field ?? null) : null;
  return { message: err instanceof Error ? err.message : String(err), field };
}

const lines = (s: string) => s.split(/[\n,;]/).map((x) => x.trim()).filter(Boolean);
/** A name inside a sentence, isolated (FSI…PDI) so that a Latin name keeps its quotes right in Persian. */
const iso = (name: string) => `\u2068${name}\u2069`;
const depthOf = (path: string) => Math.max(0, path.split('/').filter(Boolean).length - 1);

/** Hours and weekdays in the interface language's digits and names. */
function useClock() {
  const { date } = useI18n();
  return {
    hour: (h: number) => date(Date.UTC(2024, 0, 1, h), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }),
    // 2024-01-01 was a Monday (ISO weekday 1).
    weekday: (d: number) => date(Date.UTC(2024, 0, d), { weekday: 'long', timeZone: 'UTC' }),
  };
}

interface ReportDraft { name: string; surveyId: string; sections: string[]; location: string; rule: Rule; includeComments: boolean }

const EMPTY_REPORT: ReportDraft = { name: '', surveyId: '', sections: ['kpis', 'trend', 'breakdown'], location: '', rule: 'last_week', includeComments: false };

function draftOf(r: ReportAnswer): ReportDraft {
  const d = r.definition;
  return {
    name: r.name, surveyId: d.surveyId, sections: [...d.sections], location: d.filters.location ?? '',
    rule: 'rule' in d.period ? d.period.rule : 'last_week', includeComments: d.includeComments,
  };
}

function ReportForm({ editing, surveys, locations, onSaved, onCancel }: {
  editing: ReportAnswer | null; surveys: Survey[]; locations: Location[]; onSaved: (r: ReportAnswer) => void; onCancel: () => void;
}) {
  const { t } = useI18n();
  const [d, setD] = useState<ReportDraft>(editing ? draftOf(editing) : EMPTY_REPORT);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set = <K extends keyof ReportDraft>(k: K, v: ReportDraft[K]) => setD((x) => ({ ...x, [k]: v }));
  const errFor = (...fields: string[]) => (error?.field && fields.some((f) => error.field === f || error.field!.startsWith(`${f}.`)) ? error.message : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    // A fixed period of an existing report (made elsewhere) stays as it is unless the rule was changed.
    const keepFixed = editing && !('rule' in editing.definition.period) && d.rule === draftOf(editing).rule;
    const definition = {
      ...(editing ? editing.definition : {}),
      surveyId: d.surveyId,
      sections: SECTIONS.filter((s) => d.sections.includes(s)),
      filters: { ...(editing?.definition.filters ?? {}), location: d.location || undefined },
      period: keepFixed ? editing.definition.period : { rule: d.rule },
      includeComments: d.includeComments,
    };
    const body = { name: d.name, definition };
    try {
      onSaved(editing ? await api.patch<ReportAnswer>(`/reports/${editing.id}`, body) : await api.post<ReportAnswer>('/reports', body));
    } catch (err) {
      setError(failure(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="rpt-form card" onSubmit={submit} noValidate aria-labelledby="rpt-form-heading">
      <h2 id="rpt-form-heading" ref={heading} tabIndex={-1}>{editing ? t('rpt.form.edit', { name: iso(editing.name) }) : t('rpt.form.new')}</h2>
      <div className="rpt-grid">
        <Field label={t('rpt.name')} error={errFor('name')}>
          {(p) => <input {...p} value={d.name} required maxLength={200} dir="auto" onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field label={t('rpt.survey')} error={errFor('definition.surveyId')}>
          {(p) => (
            <select {...p} value={d.surveyId} required onChange={(e) => set('surveyId', e.target.value)}>
              <option value="">{t('rpt.chooseSurvey')}</option>
              {surveys.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('rpt.location')} error={errFor('definition.filters')}>
          {(p) => (
            <select {...p} value={d.location} onChange={(e) => set('location', e.target.value)}>
              <option value="">{t('rpt.allLocations')}</option>
              {locations.map((l) => <option key={l.id} value={l.id}>{'\u00a0\u00a0'.repeat(depthOf(l.path))}{l.name}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('rpt.period')} error={errFor('definition.period')}>
          {(p) => (
            <select {...p} value={d.rule} onChange={(e) => set('rule', e.target.value as Rule)}>
              {RULES.map((r) => <option key={r} value={r}>{t(`rpt.rule.${r}`)}</option>)}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="rpt-checks" aria-describedby={errFor('definition.sections') ? 'rpt-sections-err' : undefined}>
        <legend>{t('rpt.sections')}</legend>
        {SECTIONS.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={d.sections.includes(s)} onChange={() => set('sections', d.sections.includes(s) ? d.sections.filter((x) => x !== s) : [...d.sections, s])} />
            {' '}{t(`rpt.section.${s}`)}
          </label>
        ))}
        {errFor('definition.sections') && <small id="rpt-sections-err" className="error field-error">{errFor('definition.sections')}</small>}
      </fieldset>
      <label className="check"><input type="checkbox" checked={d.includeComments} onChange={(e) => set('includeComments', e.target.checked)} /> {t('rpt.includeComments')}</label>
      <ErrorMessage message={error ? t('rpt.error', { message: error.message }) : null} />
      <div className="rpt-actions">
        <button type="submit" disabled={saving}>{saving ? t('rpt.saving') : t('rpt.save')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('rpt.cancel')}</button>
      </div>
    </form>
  );
}

interface ScheduleDraft { frequency: (typeof FREQUENCIES)[number]; dayOfWeek: string; dayOfMonth: string; hour: string; userIds: string[]; role: string; emails: string; lang: Lang }

/** A schedule as the form shows it; roles after the first (the form edits one) are kept as they are. */
function scheduleDraftOf(s: ScheduleAnswer, fallbackLang: Lang): ScheduleDraft {
  const roles = s.recipients.flatMap((r) => (r.kind === 'role' ? [r.role] : []));
  const emails = s.recipients.flatMap((r) => (r.kind === 'email' ? [r] : []));
  return {
    frequency: s.frequency, dayOfWeek: String(s.dayOfWeek ?? 1), dayOfMonth: String(s.dayOfMonth ?? 1), hour: String(s.hour),
    userIds: s.recipients.flatMap((r) => (r.kind === 'user' ? [r.userId] : [])), role: roles[0] ?? '',
    emails: emails.map((r) => r.email).join('\n'), lang: emails[0]?.lang ?? fallbackLang,
  };
}

function ScheduleForm({ reportId, users, zone, editing, onSaved, onCancel }: {
  reportId: string; users: User[]; zone: string; editing?: ScheduleAnswer; onSaved: () => void; onCancel?: () => void;
}) {
  const { t, lang } = useI18n();
  const clock = useClock();
  const [d, setD] = useState<ScheduleDraft>(editing ? scheduleDraftOf(editing, lang as Lang)
    : { frequency: 'weekly', dayOfWeek: '1', dayOfMonth: '1', hour: '9', userIds: [], role: 'location_manager', emails: '', lang: lang as Lang });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { if (editing) heading.current?.focus(); }, [editing]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null);
  const set = <K extends keyof ScheduleDraft>(k: K, v: ScheduleDraft[K]) => setD((x) => ({ ...x, [k]: v }));
  const errFor = (f: string) => (error?.field && (error.field === f || error.field.startsWith(`${f}.`)) ? error.message : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    // An edited schedule keeps its users' chosen languages and any further roles.
    const before = editing?.recipients ?? [];
    const userLang = (userId: string) => before.find((r): r is Extract<RecipientInput, { kind: 'user' }> => r.kind === 'user' && r.userId === userId)?.lang;
    const moreRoles = before.filter((r) => r.kind === 'role').slice(1);
    const recipients: RecipientInput[] = [
      ...d.userIds.map((userId) => ({ kind: 'user' as const, userId, ...(userLang(userId) ? { lang: userLang(userId) } : {}) })),
      ...(d.role ? [{ kind: 'role' as const, role: d.role as 'location_manager' }] : []),
      ...moreRoles,
      ...lines(d.emails).map((email) => ({ kind: 'email' as const, email, lang: d.lang })),
    ];
    const body = {
      frequency: d.frequency, hour: Number(d.hour), recipients,
      dayOfWeek: d.frequency === 'weekly' ? Number(d.dayOfWeek) : null,
      dayOfMonth: d.frequency === 'monthly' ? Number(d.dayOfMonth) : null,
    };
    try {
      if (editing) {
        await api.patch<ScheduleAnswer>(`/report-schedules/${editing.id}`, body);
      } else {
        await api.post<ScheduleAnswer>(`/reports/${reportId}/schedules`, body);
        setD((x) => ({ ...x, userIds: [], emails: '' }));
      }
      onSaved();
    } catch (err) {
      setError(failure(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="rpt-form rpt-sched-form" onSubmit={submit} noValidate aria-labelledby={editing ? 'rpt-sched-edit' : 'rpt-sched-add'} data-testid={editing ? 'schedule-edit-form' : undefined}>
      {editing
        ? <h3 id="rpt-sched-edit" ref={heading} tabIndex={-1}>{t('rpt.sched.editTitle')}</h3>
        : <h3 id="rpt-sched-add">{t('rpt.sched.add')}</h3>}
      <div className="rpt-grid">
        <Field label={t('rpt.sched.frequency')} error={errFor('frequency')}>
          {(p) => (
            <select {...p} value={d.frequency} onChange={(e) => set('frequency', e.target.value as ScheduleDraft['frequency'])}>
              {FREQUENCIES.map((f) => <option key={f} value={f}>{t(`rpt.freq.${f}`)}</option>)}
            </select>
          )}
        </Field>
        {d.frequency === 'weekly' && (
          <Field label={t('rpt.sched.dayOfWeek')} error={errFor('dayOfWeek')}>
            {(p) => (
              <select {...p} value={d.dayOfWeek} onChange={(e) => set('dayOfWeek', e.target.value)}>
                {[1, 2, 3, 4, 5, 6, 7].map((n) => <option key={n} value={n}>{clock.weekday(n)}</option>)}
              </select>
            )}
          </Field>
        )}
        {d.frequency === 'monthly' && (
          <Field label={t('rpt.sched.dayOfMonth')} hint={t('rpt.sched.dayOfMonthHint')} error={errFor('dayOfMonth')}>
            {(p) => <input {...p} type="number" min={1} max={31} inputMode="numeric" value={d.dayOfMonth} onChange={(e) => set('dayOfMonth', e.target.value)} />}
          </Field>
        )}
        <Field label={t('rpt.sched.hour')} hint={t('rpt.sched.hourHint', { zone })} error={errFor('hour')}>
          {(p) => (
            <select {...p} value={d.hour} onChange={(e) => set('hour', e.target.value)}>
              {Array.from({ length: 24 }, (_, h) => <option key={h} value={h}>{clock.hour(h)}</option>)}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="rpt-recipients">
        <legend>{t('rpt.sched.recipients')}</legend>
        {errFor('recipients') && <p className="error field-error" role="alert">{errFor('recipients')}</p>}
        <Field label={t('rpt.sched.role')}>
          {(p) => (
            <select {...p} value={d.role} onChange={(e) => set('role', e.target.value)}>
              <option value="">{t('rpt.sched.noRole')}</option>
              {ROLES.map((r) => <option key={r} value={r}>{t(`rpt.role.${r}`)}</option>)}
            </select>
          )}
        </Field>
        {users.length > 0 && (
          <fieldset className="rpt-checks">
            <legend>{t('rpt.sched.users')}</legend>
            {users.filter((u) => !u.disabled).map((u) => (
              <label key={u.id} className="check">
                <input type="checkbox" checked={d.userIds.includes(u.id)} onChange={() => set('userIds', d.userIds.includes(u.id) ? d.userIds.filter((x) => x !== u.id) : [...d.userIds, u.id])} />
                {' '}<bdi>{u.name || u.email}</bdi>
              </label>
            ))}
          </fieldset>
        )}
        <div className="rpt-grid">
          <Field label={t('rpt.sched.emails')} hint={t('rpt.sched.emailsHint')}>
            {(p) => <textarea {...p} rows={2} dir="ltr" value={d.emails} onChange={(e) => set('emails', e.target.value)} />}
          </Field>
          <Field label={t('rpt.sched.lang')} hint={t('rpt.sched.langHint')}>
            {(p) => (
              <select {...p} value={d.lang} onChange={(e) => set('lang', e.target.value as Lang)}>
                {LANGS.map((l) => <option key={l} value={l}>{t(`rpt.lang.${l}`)}</option>)}
              </select>
            )}
          </Field>
        </div>
      </fieldset>
      <ErrorMessage message={error ? t('rpt.error', { message: error.message }) : null} />
      <div className="rpt-actions">
        <button type="submit" disabled={saving}>{saving ? t('rpt.saving') : editing ? t('rpt.sched.saveEdit') : t('rpt.sched.saveNew')}</button>
        {onCancel && <button type="button" className="secondary" onClick={onCancel}>{t('rpt.cancel')}</button>}
      </div>
    </form>
  );
}

function Schedules({ report, schedules, users, zone, onChanged, onClose }: {
  report: ReportAnswer; schedules: ScheduleAnswer[]; users: User[]; zone: string; onChanged: (message: string) => Promise<void>; onClose: () => void;
}) {
  const { t, date } = useI18n();
  const clock = useClock();
  const [error, setError] = useState<string | null>(null);
  const [editId, setEditId] = useState<string | null>(null);
  const editing = schedules.find((s) => s.id === editId);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [report.id]);
  const userName = (id: string) => { const u = users.find((x) => x.id === id); return u ? u.name || u.email : id; };
  const when = (s: ScheduleAnswer) =>
    s.frequency === 'daily' ? t('rpt.sched.daily', { hour: clock.hour(s.hour) })
    : s.frequency === 'weekly' ? t('rpt.sched.weekly', { day: clock.weekday(s.dayOfWeek ?? 1), hour: clock.hour(s.hour) })
    : t('rpt.sched.monthly', { day: s.dayOfMonth ?? 1, hour: clock.hour(s.hour) });
  const recipient = (r: RecipientInput) =>
    r.kind === 'user' ? t('rpt.rcpt.user', { name: userName(r.userId) }) : r.kind === 'role' ? t('rpt.rcpt.role', { role: t(`rpt.role.${r.role}` as MessageKey) }) : t('rpt.rcpt.email', { email: r.email });
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await fn();
      await onChanged(done);
    } catch (err) {
      setError(t('rpt.actionError', { message: failure(err).message }));
    }
  };

  return (
    <section className="rpt-schedules card" aria-labelledby="rpt-sched-heading" data-testid="report-schedules">
      <div className="rpt-head">
        <h2 id="rpt-sched-heading" ref={heading} tabIndex={-1}>{t('rpt.sched.title', { name: iso(report.name) })}</h2>
        <button type="button" className="secondary" onClick={onClose}>{t('rpt.sched.close')}</button>
      </div>
      <ErrorMessage message={error} />
      {schedules.length === 0 ? <p className="muted">{t('rpt.sched.empty')}</p> : (
        <table>
          <thead>
            <tr><th scope="col">{t('rpt.sched.when')}</th><th scope="col">{t('rpt.sched.recipients')}</th><th scope="col">{t('rpt.sched.next')}</th><th scope="col">{t('rpt.sched.state')}</th><th scope="col"><span className="visually-hidden">{t('rpt.col.actions')}</span></th></tr>
          </thead>
          <tbody>
            {schedules.map((s) => (
              <tr key={s.id} data-testid="report-schedule">
                <td>{when(s)}</td>
                <td><ul className="rpt-rcpts">{s.recipients.map((r, i) => <li key={i}><bdi>{recipient(r)}</bdi></li>)}</ul></td>
                <td>{s.enabled ? <time dateTime={s.nextRunAt}>{t('rpt.sched.nextIn', { time: date(s.nextRunAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }), zone })}</time> : '—'}</td>
                <td><span className={`badge ${s.enabled ? 'on' : 'off'}`}>{s.enabled ? t('rpt.sched.on') : t('rpt.sched.off')}</span></td>
                <td><div className="rpt-actions">
                  <button type="button" className="secondary" aria-label={`${t('rpt.edit')}: ${when(s)}`} aria-expanded={editId === s.id}
                    aria-controls={editId === s.id ? 'rpt-sched-edit' : undefined} onClick={() => setEditId(editId === s.id ? null : s.id)} data-testid="schedule-edit">
                    {t('rpt.edit')}
                  </button>
                  <button type="button" className="secondary" aria-label={`${s.enabled ? t('rpt.sched.disable') : t('rpt.sched.enable')}: ${when(s)}`}
                    onClick={() => act(() => api.patch(`/report-schedules/${s.id}`, { enabled: !s.enabled }), t('rpt.sched.saved'))}>
                    {s.enabled ? t('rpt.sched.disable') : t('rpt.sched.enable')}
                  </button>
                  <ConfirmButton label={t('rpt.sched.delete')} question={t('rpt.sched.deleteQ')} onConfirm={() => act(() => api.delete(`/report-schedules/${s.id}`), t('rpt.sched.deleted'))} />
                </div></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing
        ? <ScheduleForm key={editing.id} reportId={report.id} users={users} zone={zone} editing={editing}
            onSaved={() => { setEditId(null); void onChanged(t('rpt.sched.saved')); }} onCancel={() => setEditId(null)} />
        : <ScheduleForm reportId={report.id} users={users} zone={zone} onSaved={() => void onChanged(t('rpt.sched.saved'))} />}
    </section>
  );
}

/** The schedules of every listed report, loaded together (the list shows their count). */
function useSchedules(reports: ReportAnswer[] | undefined) {
  const [byReport, setByReport] = useState<Record<string, ScheduleAnswer[]>>({});
  const ids = reports?.map((r) => r.id).join(',') ?? '';
  const reload = useCallback(async () => {
    if (!ids) return setByReport({});
    const answers = await Promise.all(ids.split(',').map((id) => api.get<SchedulesAnswer>(`/reports/${id}/schedules`).then((a) => [id, a.items] as const, () => [id, []] as const)));
    setByReport(Object.fromEntries(answers));
  }, [ids]);
  useEffect(() => { void reload(); }, [reload]);
  return { byReport, reload };
}

/** Fetches the report's PDF and hands it to the browser as a download. */
async function downloadPdf(report: ReportAnswer, lang: string) {
  const res = await fetch(`/api/v1/reports/${report.id}/pdf?lang=${encodeURIComponent(lang)}`, { credentials: 'same-origin' });
  if (!res.ok) {
    const j = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
    throw new ApiError(res.status, j.error ?? 'http_error', j.message ?? res.statusText);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'report.pdf';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ReportsPage() {
  const { t, lang, date } = useI18n();
  const { me } = useSession();
  const zone = me?.org.timezone ?? 'UTC';
  const reports = useLoad<ReportsAnswer>('/reports');
  const deliveries = useLoad<DeliveriesAnswer>('/report-deliveries?limit=100');
  const surveys = useLoad<{ surveys: Survey[] }>('/surveys');
  const locations = useLoad<{ locations: Location[] }>('/locations');
  const users = useLoad<{ users: User[] }>('/users');
  const schedules = useSchedules(reports.data?.items);
  const [form, setForm] = useState<{ editing: ReportAnswer | null } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [busy, setBusy] = useState<Record<string, 'send' | 'pdf' | 'retry' | undefined>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const surveyName = (id: string) => surveys.data?.surveys.find((s) => s.id === id)?.name;
  const periodOf = (r: ReportAnswer) => ('rule' in r.definition.period ? t(`rpt.rule.${r.definition.period.rule}`) : t('rpt.periodFixed', r.definition.period));
  const lastOf = (id: string): DeliveryAnswer | undefined => deliveries.data?.items.find((x) => x.reportId === id);
  const open = reports.data?.items.find((r) => r.id === openId) ?? null;

  const run = async (key: string, kind: 'send' | 'pdf' | 'retry', fn: () => Promise<string>) => {
    setBusy((b) => ({ ...b, [key]: kind }));
    setActionError(null);
    setStatus(null);
    try {
      setStatus(await fn());
    } catch (err) {
      setActionError(t('rpt.actionError', { message: failure(err).message }));
    } finally {
      setBusy((b) => ({ ...b, [key]: undefined }));
    }
  };
  const sendNow = (r: ReportAnswer) => run(r.id, 'send', async () => {
    const a = await api.post<SendNowAnswer>(`/reports/${r.id}/send-now`, { lang });
    await deliveries.reload();
    return t('rpt.sent', { n: a.deliveries.length });
  });
  const pdf = (r: ReportAnswer) => run(r.id, 'pdf', async () => { await downloadPdf(r, lang); return t('rpt.pdfReady'); });
  const retry = (d: DeliveryAnswer) => run(d.id, 'retry', async () => { await api.post(`/report-deliveries/${d.id}/retry`); await deliveries.reload(); return t('rpt.log.retried'); });
  const remove = async (r: ReportAnswer) => {
    setActionError(null);
    try {
      await api.delete(`/reports/${r.id}`);
      if (openId === r.id) setOpenId(null);
      setStatus(t('rpt.deleted'));
      await reports.reload();
    } catch (err) {
      setActionError(t('rpt.actionError', { message: failure(err).message }));
    }
  };

  return (
    <section className="rpt-page">
      <PageTitle title={t('rpt.title')} />
      <p className="muted rpt-intro">{t('rpt.intro')}</p>
      <LiveStatus message={status} kind="success" />
      <ErrorMessage message={actionError} />
      {!form && <button type="button" onClick={() => { setStatus(null); setForm({ editing: null }); }}>{t('rpt.new')}</button>}
      {form && (
        <ReportForm
          key={form.editing?.id ?? 'new'}
          editing={form.editing}
          surveys={surveys.data?.surveys ?? []}
          locations={locations.data?.locations ?? []}
          onCancel={() => setForm(null)}
          onSaved={async (r) => { setForm(null); setStatus(t('rpt.saved')); await reports.reload(); setOpenId(r.id); }}
        />
      )}

      <h2>{t('rpt.list')}</h2>
      <ErrorMessage message={reports.error ? t('rpt.loadError', { message: reports.error.message }) : null} />
      {reports.data && reports.data.items.length === 0 && <EmptyState title={t('rpt.empty')}><p className="muted">{t('rpt.emptyHint')}</p></EmptyState>}
      {reports.data && reports.data.items.length > 0 && (
        <table className="rpt-list">
          <thead>
            <tr>
              <th scope="col">{t('rpt.col.name')}</th><th scope="col">{t('rpt.col.survey')}</th><th scope="col">{t('rpt.col.period')}</th>
              <th scope="col">{t('rpt.col.schedules')}</th><th scope="col">{t('rpt.col.last')}</th><th scope="col">{t('rpt.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {reports.data.items.map((r) => {
              const last = lastOf(r.id);
              const n = schedules.byReport[r.id]?.length;
              return (
                <tr key={r.id} data-testid="report-row">
                  <th scope="row"><bdi>{r.name}</bdi></th>
                  <td data-label={t('rpt.col.survey')}>{surveyName(r.definition.surveyId) !== undefined ? <bdi>{surveyName(r.definition.surveyId)}</bdi> : <span className="muted">{t('rpt.unknownSurvey')}</span>}</td>
                  <td data-label={t('rpt.col.period')}>{periodOf(r)}</td>
                  <td data-testid="report-schedule-count" data-label={t('rpt.col.schedules')}>{n === undefined ? '…' : t('rpt.schedulesCount', { n })}</td>
                  <td data-label={t('rpt.col.last')}>{last ? <span className={`badge rpt-status-${last.status}`}>{t(`rpt.status.${last.status}`)}</span> : <span className="muted">{t('rpt.noDelivery')}</span>}</td>
                  <td><div className="rpt-actions">
                    <button type="button" className="secondary" aria-expanded={openId === r.id} aria-controls={openId === r.id ? 'rpt-sched-heading' : undefined}
                      aria-label={`${t('rpt.manage')}: ${r.name}`} onClick={() => setOpenId(openId === r.id ? null : r.id)}>{t('rpt.manage')}</button>
                    <button type="button" className="secondary" aria-label={`${t('rpt.edit')}: ${r.name}`} onClick={() => { setStatus(null); setForm({ editing: r }); }}>{t('rpt.edit')}</button>
                    <button type="button" className="secondary" disabled={busy[r.id] !== undefined} aria-busy={busy[r.id] === 'send'} aria-label={`${t('rpt.sendNow')}: ${r.name}`} onClick={() => void sendNow(r)}>
                      {busy[r.id] === 'send' ? t('rpt.sending') : t('rpt.sendNow')}
                    </button>
                    <button type="button" className="secondary" disabled={busy[r.id] !== undefined} aria-busy={busy[r.id] === 'pdf'} aria-label={`${t('rpt.pdf')}: ${r.name}`} onClick={() => void pdf(r)}>
                      {busy[r.id] === 'pdf' ? t('rpt.pdfBusy') : t('rpt.pdf')}
                    </button>
                    <ShareButton reportId={r.id} defaultTitle={r.name} label={`${t('sh.share')}: ${r.name}`} />
                    <ConfirmButton label={t('rpt.delete')} question={t('rpt.deleteQ', { name: iso(r.name) })} onConfirm={() => remove(r)} />
                  </div></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      {open && (
        <Schedules
          key={open.id}
          report={open}
          schedules={schedules.byReport[open.id] ?? []}
          users={users.data?.users ?? []}
          zone={zone}
          onClose={() => setOpenId(null)}
          onChanged={async (message) => { setStatus(message); await schedules.reload(); }}
        />
      )}

      <h2>{t('rpt.log')}</h2>
      <ErrorMessage message={deliveries.error ? t('rpt.loadError', { message: deliveries.error.message }) : null} />
      {deliveries.data && deliveries.data.items.length === 0 && <p className="muted">{t('rpt.log.empty')}</p>}
      {deliveries.data && deliveries.data.items.length > 0 && (
        <table className="rpt-log">
          <thead>
            <tr>
              <th scope="col">{t('rpt.log.when')}</th><th scope="col">{t('rpt.log.report')}</th><th scope="col">{t('rpt.log.recipient')}</th>
              <th scope="col">{t('rpt.log.period')}</th><th scope="col">{t('rpt.log.status')}</th><th scope="col">{t('rpt.log.error')}</th>
              <th scope="col"><span className="visually-hidden">{t('rpt.col.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data.items.map((d) => (
              <tr key={d.id} data-testid="report-delivery">
                <td><time dateTime={d.createdAt}>{date(d.createdAt, { dateStyle: 'short', timeStyle: 'short', timeZone: zone })}</time></td>
                <td dir="auto">{d.reportName}</td>
                <td dir="ltr" className="rpt-email">{d.email}</td>
                <td dir="ltr">{d.periodKey.startsWith('now:') ? <span dir="auto">{t('rpt.log.now')}</span> : d.periodKey}</td>
                <td><span className={`badge rpt-status-${d.status}`}>{t(`rpt.status.${d.status}`)}</span></td>
                <td dir="auto" className="rpt-error">{d.error ?? ''}</td>
                <td>
                  {(d.status === 'failed' || d.status === 'unknown') && (
                    <button type="button" className="secondary" disabled={busy[d.id] !== undefined} aria-busy={busy[d.id] === 'retry'}
                      aria-label={`${t('rpt.log.retry')}: ${d.reportName}, ${d.email}`} onClick={() => void retry(d)}>{t('rpt.log.retry')}</button>
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
