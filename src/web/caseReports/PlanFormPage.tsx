/**
 * /app/action-plans/new and /app/action-plans/:id/edit: title, description, status, owner, start and due dates,
 * survey and question (the target metric), target value, locations and a linked root cause. A failed save keeps
 * everything typed and names the field the server refused.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { ErrorMessage, LiveStatus } from '../components/LiveStatus.tsx';
import { Field } from '../components/Field.tsx';
import { Loading } from '../components/Loading.tsx';
import type { ActionPlanAnswer } from '../../core/api/actionPlans.ts';
import type { LocationsAnswer } from '../../core/api/locations.ts';
import type { RootCausesAnswer } from '../../core/api/rootCauses.ts';
import type { SurveyDetailAnswer, SurveyListAnswer } from '../../core/api/surveys.ts';
import type { UsersAnswer } from '../../core/api/users.ts';
import { ACTION_PLAN_STATUSES } from '../../core/closedLoop/model.ts';
import { orgToday } from '../../core/time/orgCalendar.ts';
import { causeName } from './format.ts';
import './caseReports.css';

interface Draft {
  title: string;
  description: string;
  status: (typeof ACTION_PLAN_STATUSES)[number];
  owner_user_id: string;
  start_date: string;
  due_date: string;
  survey_id: string;
  question_id: string;
  target_value: string;
  location_ids: string[];
  root_cause_id: string;
}

export function PlanFormPage() {
  const { id } = useParams();
  const existing = useLoad<ActionPlanAnswer>(id ? `/action-plans/${id}` : null);
  const { t } = useI18n();
  if (id && existing.error) return <ErrorMessage message={existing.error instanceof ApiError && existing.error.status === 404 ? t('plan.notFound') : existing.error.message} />;
  if (id && !existing.data) return <Loading />;
  return <PlanForm plan={existing.data?.plan ?? null} />;
}

function PlanForm({ plan }: { plan: ActionPlanAnswer['plan'] | null }) {
  const { t, lang } = useI18n();
  const { me, can } = useSession();
  const navigate = useNavigate();
  const [d, setD] = useState<Draft>(() => ({
    title: plan?.title ?? '',
    description: plan?.description ?? '',
    status: plan?.status ?? 'active',
    owner_user_id: plan?.owner_user_id ?? me?.user.id ?? '',
    start_date: plan?.start_date ?? orgToday(me?.org.timezone, new Date()),
    due_date: plan?.due_date ?? '',
    survey_id: plan?.survey_id ?? '',
    question_id: plan?.question_id ?? '',
    target_value: plan?.target_value === null || plan?.target_value === undefined ? '' : String(plan.target_value),
    location_ids: plan?.location_ids ?? [],
    root_cause_id: plan?.root_cause_id ?? '',
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const surveys = useLoad<SurveyListAnswer>('/surveys');
  const survey = useLoad<SurveyDetailAnswer>(d.survey_id ? `/surveys/${d.survey_id}` : null);
  const locations = useLoad<LocationsAnswer>('/locations');
  const causes = useLoad<RootCausesAnswer>('/root-causes');
  // Only people managers can list users; others choose between themselves and the plan's current owner.
  const users = useLoad<UsersAnswer>(can('user.manage') ? '/users' : null);
  const questions = (survey.data?.survey.questions ?? []).filter((q) => q.id && (q.type === 'nps' || q.type === 'rating') && !q.archivedInVersion);
  // Deliberately only when another survey has loaded (react-hooks/exhaustive-deps would flag it; that plugin is not installed here).
  useEffect(() => {
    if (survey.data && d.question_id && !questions.some((q) => q.id === d.question_id)) setD((x) => ({ ...x, question_id: '' }));
    if (survey.data && !d.question_id && questions[0]) setD((x) => ({ ...x, question_id: questions[0].id! }));
  }, [survey.data]);
  const owners = users.data?.users.filter((u) => !u.disabled).map((u) => ({ id: u.id, label: u.name || u.email }))
    ?? [...(me ? [{ id: me.user.id, label: me.user.name || me.user.email }] : []), ...(plan?.owner && plan.owner.id !== me?.user.id ? [{ id: plan.owner.id, label: plan.owner.name ?? plan.owner.email }] : [])];
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const fieldError = (f: string) => (error?.field === f ? error.message : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setStatus(t('plan.form.saving'));
    const body = {
      title: d.title, description: d.description, status: d.status, owner_user_id: d.owner_user_id || null, start_date: d.start_date,
      due_date: d.due_date || null, survey_id: d.survey_id || null, question_id: d.survey_id ? d.question_id || null : null,
      target_value: d.target_value.trim() === '' ? null : Number(d.target_value), location_ids: d.location_ids, root_cause_id: d.root_cause_id || null,
    };
    try {
      const saved = plan ? await api.patch<ActionPlanAnswer>(`/action-plans/${plan.id}`, body) : await api.post<ActionPlanAnswer>('/action-plans', body);
      setStatus(t('plan.form.saved'));
      navigate(`/app/action-plans/${saved.plan.id}`);
    } catch (err) {
      const field = err instanceof ApiError ? String((err.details as { field?: string } | undefined)?.field ?? '') : '';
      const message = err instanceof Error ? err.message : String(err);
      setError({ field, message });
      setStatus(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="an-page">
      <PageTitle title={t(plan ? 'plan.form.editTitle' : 'plan.form.newTitle')} />
      <form className="card plan-form" onSubmit={submit} noValidate data-testid="plan-form">
        <Field label={t('plan.form.title')} error={fieldError('title')}>
          {(p) => <input {...p} required maxLength={300} value={d.title} onChange={(e) => set('title', e.target.value)} name="title" dir="auto" />}
        </Field>
        <Field label={t('plan.form.description')} error={fieldError('description')}>
          {(p) => <textarea {...p} maxLength={5000} value={d.description} onChange={(e) => set('description', e.target.value)} name="description" dir="auto" />}
        </Field>
        <div className="row">
          <Field label={t('plan.form.status')} error={fieldError('status')}>
            {(p) => (
              <select {...p} value={d.status} onChange={(e) => set('status', e.target.value as Draft['status'])} name="status">
                {ACTION_PLAN_STATUSES.map((s) => <option key={s} value={s}>{t(`plan.status.${s}`)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('plan.form.owner')} error={fieldError('owner_user_id')}>
            {(p) => (
              <select {...p} value={d.owner_user_id} onChange={(e) => set('owner_user_id', e.target.value)} name="owner">
                <option value="">{t('plan.noOwner')}</option>
                {owners.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('plan.form.start')} error={fieldError('start_date')}>
            {(p) => <input {...p} type="date" required value={d.start_date} onChange={(e) => set('start_date', e.target.value)} name="start_date" />}
          </Field>
          <Field label={t('plan.form.due')} error={fieldError('due_date')}>
            {(p) => <input {...p} type="date" min={d.start_date} value={d.due_date} onChange={(e) => set('due_date', e.target.value)} name="due_date" />}
          </Field>
        </div>
        <div className="row">
          <Field label={t('plan.form.survey')} error={fieldError('survey_id')}>
            {(p) => (
              <select {...p} value={d.survey_id} onChange={(e) => setD((x) => ({ ...x, survey_id: e.target.value, question_id: '' }))} name="survey">
                <option value="">{t('plan.form.noSurvey')}</option>
                {(surveys.data?.surveys ?? []).filter((s) => !s.archivedAt || s.id === d.survey_id).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            )}
          </Field>
          {d.survey_id && (
            <Field label={t('plan.form.question')} error={fieldError('question_id')}>
              {(p) => (
                <select {...p} value={d.question_id} onChange={(e) => set('question_id', e.target.value)} name="question">
                  {questions.map((q) => <option key={q.id} value={q.id}>{causeName(q.text, q.key, lang)}</option>)}
                </select>
              )}
            </Field>
          )}
          <Field label={t('plan.form.target')} hint={t('plan.form.targetHint')} error={fieldError('target_value')}>
            {(p) => <input {...p} type="number" step="0.1" min={-100} max={100} value={d.target_value} onChange={(e) => set('target_value', e.target.value)} name="target_value" />}
          </Field>
          <Field label={t('plan.form.rootCause')} error={fieldError('root_cause_id')}>
            {(p) => (
              <select {...p} value={d.root_cause_id} onChange={(e) => set('root_cause_id', e.target.value)} name="root_cause">
                <option value="">{t('plan.form.noRootCause')}</option>
                {(causes.data?.items ?? []).filter((c) => !c.archived || c.id === d.root_cause_id).map((c) => <option key={c.id} value={c.id}>{causeName(c.name, c.key, lang)}</option>)}
              </select>
            )}
          </Field>
        </div>
        <fieldset className="plan-locations" aria-describedby="plan-locations-hint" data-testid="plan-locations">
          <legend>{t('plan.form.locations')}</legend>
          <small id="plan-locations-hint" className="muted">{t('plan.form.locationsHint')}</small>
          {(locations.data?.locations ?? []).map((l) => (
            <label key={l.id} style={{ paddingInlineStart: `${l.depth * 1.25}rem` }}>
              <input
                type="checkbox"
                checked={d.location_ids.includes(l.id)}
                onChange={(e) => set('location_ids', e.target.checked ? [...d.location_ids, l.id] : d.location_ids.filter((x) => x !== l.id))}
              />
              <bdi>{l.name}</bdi>
            </label>
          ))}
          {fieldError('location_ids') && <small className="error field-error">{fieldError('location_ids')}</small>}
        </fieldset>
        {error && !['title', 'description', 'status', 'owner_user_id', 'start_date', 'due_date', 'survey_id', 'question_id', 'target_value', 'root_cause_id', 'location_ids'].includes(error.field) && (
          <ErrorMessage message={t('plan.form.error', { message: error.message })} />
        )}
        <div className="plan-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="plan-save">{t('plan.form.save')}</button>
          <Link to={plan ? `/app/action-plans/${plan.id}` : '/app/action-plans'} className="button secondary">{t('plan.form.cancel')}</Link>
        </div>
        <LiveStatus message={status} />
      </form>
    </div>
  );
}
