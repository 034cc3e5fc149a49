/**
 * The "Alert rules" page (/app/alerts, for alert.manage): the rules with on/off, edit and delete (with a
 * confirmation), a form with the trigger's own fields, scope, recipients, quiet period and "open a case",
 * and the recent alerts. A failed save keeps the form as typed and says what was wrong.
 */
import { Fragment, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { ConfirmButton, EmptyState, ErrorMessage, Field, LiveStatus, PageTitle, useLoad } from '../components/index.ts';
import type { AlertRule, AlertRuleAnswer, AlertRulesAnswer, AlertsAnswer } from '../../core/api/alertRules.ts';
import type { ThemesAnswer } from '../../core/api/comments.ts';
import './alerts.css';

const TRIGGERS = ['low_score', 'negative_review', 'comment_match', 'sla_breach', 'metric_drop'] as const;
const ROLES = ['location_manager', 'admin', 'analyst', 'owner', 'viewer'] as const;
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const METRIC_NAMES: Record<string, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

interface Draft {
  name: string;
  enabled: boolean;
  trigger: (typeof TRIGGERS)[number];
  metric: string;
  maxScore: string;
  maxRating: string;
  keywords: string;
  themes: string[];
  periodDays: string;
  by: 'location' | 'segment';
  surveyId: string;
  locationId: string;
  channel: string;
  segment: string;
  roles: string[];
  userIds: string[];
  emails: string;
  webhook: boolean;
  quietMinutes: string;
  opensCase: boolean;
  casePriority: string;
}

const EMPTY: Draft = {
  name: '', enabled: true, trigger: 'low_score', metric: 'nps', maxScore: '', maxRating: '', keywords: '', themes: [], periodDays: '7', by: 'location',
  surveyId: '', locationId: '', channel: '', segment: '', roles: ['location_manager'], userIds: [], emails: '', webhook: false, quietMinutes: '60',
  opensCase: false, casePriority: 'normal',
};

function draftOf(r: AlertRule): Draft {
  const p = r.params as Record<string, any>;
  return {
    name: r.name, enabled: r.enabled, trigger: r.trigger, metric: p.metric ?? (r.trigger === 'metric_drop' ? 'nps' : 'nps'),
    maxScore: p.maxScore !== undefined ? String(p.maxScore) : '', maxRating: p.maxRating !== undefined ? String(p.maxRating) : '',
    keywords: (p.keywords ?? []).join('\n'), themes: p.themes ?? [], periodDays: String(p.periodDays ?? 7), by: p.by ?? 'location',
    surveyId: r.surveyId ?? '', locationId: r.locationId ?? '', channel: r.channel ?? '', segment: r.segment ?? '', roles: r.recipients.locationRoles,
    userIds: r.recipients.userIds, emails: r.recipients.emails.join('\n'), webhook: r.recipients.webhook, quietMinutes: String(r.quietMinutes),
    opensCase: r.opensCase, casePriority: r.casePriority,
  };
}

const lines = (s: string) => s.split(/[\n,]/).map((x) => x.trim()).filter(Boolean);

function bodyOf(d: Draft) {
  const params: Record<string, unknown> =
    d.trigger === 'low_score' ? { metric: d.metric, ...(d.maxScore !== '' ? { maxScore: Number(d.maxScore) } : {}) }
    : d.trigger === 'negative_review' ? (d.maxRating !== '' ? { maxRating: Number(d.maxRating) } : {})
    : d.trigger === 'comment_match' ? { keywords: lines(d.keywords), themes: d.themes }
    : d.trigger === 'metric_drop' ? { metric: d.metric === 'any' ? 'nps' : d.metric, periodDays: Number(d.periodDays), by: d.by }
    : {};
  return {
    name: d.name, enabled: d.enabled, trigger: d.trigger, params, surveyId: d.surveyId || null, locationId: d.locationId || null,
    channel: d.channel.trim() || null, segment: d.segment.trim() || null,
    recipients: { userIds: d.userIds, locationRoles: d.roles, emails: lines(d.emails), webhook: d.webhook },
    quietMinutes: Number(d.quietMinutes || 0), opensCase: d.opensCase, casePriority: d.casePriority,
  };
}

/** What the rule watches, in one line. */
function useRuleSummary() {
  const { t } = useI18n();
  return (r: AlertRule) => {
    const p = r.params as Record<string, any>;
    const base = t(`al.trigger.${r.trigger}`);
    // Each word isolated: Russian and English words in a Persian sentence would otherwise run together with it.
    if (r.trigger === 'comment_match') {
      const words: string[] = [...(p.keywords ?? []), ...(p.themes ?? [])];
      return <>{base}: {words.map((w, i) => <Fragment key={i}>{i > 0 && ', '}<bdi>{w}</bdi></Fragment>)}</>;
    }
    if (r.trigger === 'low_score' || r.trigger === 'metric_drop') return `${base} · ${p.metric === 'any' ? t('al.metric.any') : METRIC_NAMES[p.metric] ?? ''}`;
    return base;
  };
}

function RuleForm({ initial, editing, onSaved, onCancel }: { initial: Draft; editing: AlertRule | null; onSaved: (r: AlertRule) => void; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const [d, setD] = useState<Draft>(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const surveys = useLoad<{ surveys: { id: string; name: string }[] }>('/surveys');
  const locations = useLoad<{ locations: { id: string; name: string; depth?: number; path: string }[] }>('/locations');
  const users = useLoad<{ users: { id: string; name: string; email: string; disabled?: boolean }[] }>('/users');
  const themes = useLoad<ThemesAnswer>('/text/themes');
  useEffect(() => heading.current?.focus(), []);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const toggle = (k: 'roles' | 'userIds' | 'themes', v: string) => setD((x) => ({ ...x, [k]: x[k].includes(v) ? x[k].filter((y) => y !== v) : [...x[k], v] }));
  const errFor = (field: string) => (error?.field && (error.field === field || error.field.startsWith(`${field}.`)) ? error.message : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const answer = editing ? await api.patch<AlertRuleAnswer>(`/alert-rules/${editing.id}`, bodyOf(d)) : await api.post<AlertRuleAnswer>('/alert-rules', bodyOf(d));
      onSaved(answer.rule);
    } catch (err) {
      const field = err instanceof ApiError ? ((err.details as { field?: string } | undefined)?.field ?? null) : null;
      setError({ message: err instanceof Error ? err.message : String(err), field });
    } finally {
      setSaving(false);
    }
  };
  const themeName = (th: ThemesAnswer['themes'][number]) => th.names[lang as 'en'] || th.names.en || th.id;
  const depthOf = (path: string) => Math.max(0, path.split('/').filter(Boolean).length - 1);

  return (
    <form className="alert-form card" onSubmit={submit} noValidate aria-labelledby="alert-form-heading">
      <h2 id="alert-form-heading" ref={heading} tabIndex={-1}>{editing ? t('al.form.edit', { name: editing.name }) : t('al.form.new')}</h2>
      <div className="alert-grid">
        <Field label={t('al.name')} error={errFor('name')}>{(p) => <input {...p} value={d.name} required maxLength={200} onChange={(e) => set('name', e.target.value)} />}</Field>
        <label className="check"><input type="checkbox" checked={d.enabled} onChange={(e) => set('enabled', e.target.checked)} /> {t('al.enabled')}</label>
        <Field label={t('al.trigger')} error={errFor('trigger')}>
          {(p) => (
            <select {...p} value={d.trigger} onChange={(e) => set('trigger', e.target.value as Draft['trigger'])}>
              {TRIGGERS.map((x) => <option key={x} value={x}>{t(`al.trigger.${x}`)}</option>)}
            </select>
          )}
        </Field>
      </div>

      <fieldset className="alert-trigger">
        <legend>{t(`al.trigger.${d.trigger}`)}</legend>
        {(d.trigger === 'low_score' || d.trigger === 'metric_drop') && (
          <Field label={t('al.metric')} error={errFor('params.metric')}>
            {(p) => (
              <select {...p} value={d.metric} onChange={(e) => set('metric', e.target.value)}>
                {(d.trigger === 'low_score' ? ['nps', 'csat', 'ces', 'any'] : ['nps', 'csat', 'ces']).map((m) => (
                  <option key={m} value={m}>{m === 'any' ? t('al.metric.any') : METRIC_NAMES[m]}</option>
                ))}
              </select>
            )}
          </Field>
        )}
        {d.trigger === 'low_score' && (
          <Field label={t('al.maxScore')} hint={t('al.maxScoreHint')} error={errFor('params.maxScore')}>
            {(p) => <input {...p} type="number" min={0} max={10} inputMode="numeric" value={d.maxScore} onChange={(e) => set('maxScore', e.target.value)} />}
          </Field>
        )}
        {d.trigger === 'negative_review' && (
          <Field label={t('al.maxRating')} hint={t('al.negativeHint')} error={errFor('params.maxRating')}>
            {(p) => (
              <select {...p} value={d.maxRating} onChange={(e) => set('maxRating', e.target.value)}>
                <option value="">{t('al.maxRatingNone')}</option>
                {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{'★'.repeat(n)}</option>)}
              </select>
            )}
          </Field>
        )}
        {d.trigger === 'comment_match' && (
          <>
            <Field label={t('al.keywords')} hint={t('al.keywordsHint')} error={errFor('params.keywords')}>
              {(p) => <textarea {...p} rows={4} dir="auto" value={d.keywords} onChange={(e) => set('keywords', e.target.value)} />}
            </Field>
            {themes.data && themes.data.themes.length > 0 && (
              <fieldset className="checks">
                <legend>{t('al.themes')}</legend>
                <small className="muted">{t('al.themesHint')}</small>
                {themes.data.themes.map((th) => (
                  <label key={th.id} className="check"><input type="checkbox" checked={d.themes.includes(th.id)} onChange={() => toggle('themes', th.id)} /> {themeName(th)}</label>
                ))}
              </fieldset>
            )}
          </>
        )}
        {d.trigger === 'sla_breach' && <p className="muted">{t('al.slaHint')}</p>}
        {d.trigger === 'metric_drop' && (
          <>
            <Field label={t('al.periodDays')} error={errFor('params.periodDays')}>
              {(p) => <input {...p} type="number" min={1} max={90} inputMode="numeric" value={d.periodDays} onChange={(e) => set('periodDays', e.target.value)} />}
            </Field>
            <Field label={t('al.by')}>
              {(p) => (
                <select {...p} value={d.by} onChange={(e) => set('by', e.target.value as Draft['by'])}>
                  <option value="location">{t('al.by.location')}</option>
                  <option value="segment">{t('al.by.segment')}</option>
                </select>
              )}
            </Field>
            <p className="muted">{t('al.dropHint')}</p>
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('al.scope')}</legend>
        <div className="alert-grid">
          <Field label={t('al.survey')} error={errFor('surveyId')}>
            {(p) => (
              <select {...p} value={d.surveyId} onChange={(e) => set('surveyId', e.target.value)}>
                <option value="">{t('al.anySurvey')}</option>
                {surveys.data?.surveys.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('al.location')} error={errFor('locationId')}>
            {(p) => (
              <select {...p} value={d.locationId} onChange={(e) => set('locationId', e.target.value)}>
                <option value="">{t('al.anyLocation')}</option>
                {locations.data?.locations.map((l) => <option key={l.id} value={l.id}>{'\u00a0\u00a0'.repeat(depthOf(l.path))}{l.name}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('al.channel')} hint={t('al.channelHint')} error={errFor('channel')}>
            {(p) => <input {...p} value={d.channel} maxLength={40} dir="ltr" onChange={(e) => set('channel', e.target.value)} />}
          </Field>
          <Field label={t('al.segment')} hint={t('al.segmentHint')} error={errFor('segment')}>
            {(p) => <input {...p} value={d.segment} maxLength={300} dir="auto" onChange={(e) => set('segment', e.target.value)} />}
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('al.recipients')}</legend>
        <fieldset className="checks">
          <legend>{t('al.roles')}</legend>
          {ROLES.map((r) => <label key={r} className="check"><input type="checkbox" checked={d.roles.includes(r)} onChange={() => toggle('roles', r)} /> {t(`al.role.${r}`)}</label>)}
        </fieldset>
        {users.data && users.data.users.length > 0 && (
          <fieldset className="checks">
            <legend>{t('al.users')}</legend>
            {users.data.users.filter((u) => !u.disabled).map((u) => (
              <label key={u.id} className="check"><input type="checkbox" checked={d.userIds.includes(u.id)} onChange={() => toggle('userIds', u.id)} /> {u.name || u.email}</label>
            ))}
          </fieldset>
        )}
        <Field label={t('al.emails')} hint={t('al.emailsHint')} error={errFor('recipients')}>
          {(p) => <textarea {...p} rows={2} dir="ltr" value={d.emails} onChange={(e) => set('emails', e.target.value)} />}
        </Field>
        <label className="check"><input type="checkbox" checked={d.webhook} onChange={(e) => set('webhook', e.target.checked)} /> {t('al.webhook')}</label>
      </fieldset>

      <div className="alert-grid">
        <Field label={t('al.quiet')} hint={t('al.quietHint')} error={errFor('quietMinutes')}>
          {(p) => <input {...p} type="number" min={0} max={43200} inputMode="numeric" value={d.quietMinutes} onChange={(e) => set('quietMinutes', e.target.value)} />}
        </Field>
        <div>
          <label className="check"><input type="checkbox" checked={d.opensCase} onChange={(e) => set('opensCase', e.target.checked)} /> {t('al.opensCase')}</label>
          {d.opensCase && (
            <Field label={t('al.priority')}>
              {(p) => (
                <select {...p} value={d.casePriority} onChange={(e) => set('casePriority', e.target.value)}>
                  {PRIORITIES.map((x) => <option key={x} value={x}>{t(`al.priority.${x}`)}</option>)}
                </select>
              )}
            </Field>
          )}
        </div>
      </div>

      <ErrorMessage message={error ? t('al.error', { message: error.message }) : null} />
      <div className="actions">
        <button type="submit" disabled={saving}>{saving ? t('al.saving') : t('al.save')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('al.cancel')}</button>
      </div>
    </form>
  );
}

export function AlertRulesPage() {
  const { t, date } = useI18n();
  const rules = useLoad<AlertRulesAnswer>('/alert-rules');
  const alerts = useLoad<AlertsAnswer>('/alerts?limit=20');
  const [form, setForm] = useState<{ editing: AlertRule | null } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const summary = useRuleSummary();

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setActionError(null);
    try {
      await fn();
      setStatus(done);
      await rules.reload();
    } catch (err) {
      setActionError(t('al.error', { message: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <section className="alerts-page">
      <PageTitle title={t('al.title')} />
      <p className="muted intro">{t('al.intro')}</p>
      <LiveStatus message={status} kind="success" />
      <ErrorMessage message={actionError} />
      {!form && <button type="button" onClick={() => { setStatus(null); setForm({ editing: null }); }}>{t('al.new')}</button>}
      {form && (
        <RuleForm
          key={form.editing?.id ?? 'new'}
          initial={form.editing ? draftOf(form.editing) : EMPTY}
          editing={form.editing}
          onCancel={() => setForm(null)}
          onSaved={async () => { setForm(null); setStatus(t('al.saved')); await Promise.all([rules.reload(), alerts.reload()]); }}
        />
      )}

      <h2>{t('al.rules')}</h2>
      <ErrorMessage message={rules.error ? t('al.loadError', { message: rules.error.message }) : null} />
      {rules.data && rules.data.items.length === 0 && <EmptyState title={t('al.empty')} />}
      <ul className="alert-rules">
        {rules.data?.items.map((r) => (
          <li key={r.id} className="card" data-testid="alert-rule">
            <div className="alert-rule-head">
              <h3><bdi>{r.name}</bdi></h3>
              <span className={`badge ${r.enabled ? 'on' : 'off'}`}>{r.enabled ? t('al.on') : t('al.off')}</span>
            </div>
            <p>{summary(r)}</p>
            <p className="muted">{t('al.count30', { n: r.alertsLast30Days })}{r.opensCase ? ` · ${t('al.opensCase')} (${t(`al.priority.${r.casePriority}`)})` : ''}</p>
            <div className="actions">
              <button type="button" className="secondary" onClick={() => { setStatus(null); setForm({ editing: r }); }} aria-label={`${t('al.edit')}: ${r.name}`}>{t('al.edit')}</button>
              <button type="button" className="secondary" onClick={() => act(() => api.patch(`/alert-rules/${r.id}`, { enabled: !r.enabled }), t('al.saved'))}>
                {r.enabled ? t('al.disable') : t('al.enable')}
              </button>
              <ConfirmButton label={t('al.delete')} question={t('al.deleteQ', { name: r.name })} onConfirm={() => act(() => api.delete(`/alert-rules/${r.id}`), t('al.deleted'))} />
            </div>
          </li>
        ))}
      </ul>

      <h2>{t('al.recent')}</h2>
      {alerts.data && alerts.data.items.length === 0 && <p className="muted">{t('al.recentEmpty')}</p>}
      <ul className="alert-recent">
        {alerts.data?.items.map((a) => {
          const s = a.summary as Record<string, any>;
          return (
            <li key={a.id}>
              <time dateTime={a.firedAt}>{date(a.firedAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>{' '}
              <strong><bdi>{a.ruleName}</bdi></strong>
              {a.location ? <span> · <bdi>{a.location.name}</bdi></span> : null}
              {s.excerpt ? <> <q className="muted" dir="auto">{String(s.excerpt)}</q></> : null}
              {!a.delivered && <span className="muted"> ({t('al.held')})</span>}
              {a.caseId && <> · <Link to={`/app/cases/${a.caseId}`}>{t('al.caseLink')}</Link></>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
