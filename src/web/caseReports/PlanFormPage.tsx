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
  ownerUserId: string;
  startDate: string;
  dueDate: string;
  surveyId: string;
  questionId: string;
  targetValue: string;
  locationIds: string[];
  rootCauseId: string;
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
    ownerUserId: plan?.ownerUserId ?? me?.user.id ?? '',
    startDate: plan?.startDate ?? orgToday(me?.org.timezone, new Date()),
    dueDate: plan?.dueDate ?? '',
    surveyId: plan?.surveyId ?? '',
    questionId: plan?.questionId ?? '',
    targetValue: plan?.targetValue === null || plan?.targetValue === undefined ? '' : String(plan.targetValue),
    locationIds: plan?.locationIds ?? [],
    rootCauseId: plan?.rootCauseId ?? '',
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const surveys = useLoad<SurveyListAnswer>('/surveys');
  const survey = useLoad<SurveyDetailAnswer>(d.surveyId ? `/surveys/${d.surveyId}` : null);
  const locations = useLoad<LocationsAnswer>('/locations');
  const causes = useLoad<RootCausesAnswer>('/root-causes');
  // Only people managers can list users; others choose between themselves and the plan's current owner.
  const users = useLoad<UsersAnswer>(can('user.manage') ? '/users' : null);
  const questions = (survey.data?.survey.questions ?? []).filter((q) => q.id && (q.type === 'nps' || q.type === 'rating') && !q.archivedInVersion);
  // Deliberately only when another survey has loaded (react-hooks/exhaustive-deps would flag it; that plugin is not installed here).
  useEffect(() => {
    if (survey.data && d.questionId && !questions.some((q) => q.id === d.questionId)) setD((x) => ({ ...x, questionId: '' }));
    if (survey.data && !d.questionId && questions[0]) setD((x) => ({ ...x, questionId: questions[0].id! }));
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
      title: d.title, description: d.description, status: d.status, ownerUserId: d.ownerUserId || null, startDate: d.startDate,
      dueDate: d.dueDate || null, surveyId: d.surveyId || null, questionId: d.surveyId ? d.questionId || null : null,
      targetValue: d.targetValue.trim() === '' ? null : Number(d.targetValue), locationIds: d.locationIds, rootCauseId: d.rootCauseId || null,
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
          <Field label={t('plan.form.owner')} error={fieldError('ownerUserId')}>
            {(p) => (
              <select {...p} value={d.ownerUserId} onChange={(e) => set('ownerUserId', e.target.value)} name="owner">
                <option value="">{t('plan.noOwner')}</option>
                {owners.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('plan.form.start')} error={fieldError('startDate')}>
            {(p) => <input {...p} type="date" required value={d.startDate} onChange={(e) => set('startDate', e.target.value)} name="startDate" />}
          </Field>
          <Field label={t('plan.form.due')} error={fieldError('dueDate')}>
            {(p) => <input {...p} type="date" min={d.startDate} value={d.dueDate} onChange={(e) => set('dueDate', e.target.value)} name="dueDate" />}
          </Field>
        </div>
        <div className="row">
          <Field label={t('plan.form.survey')} error={fieldError('surveyId')}>
            {(p) => (
              <select {...p} value={d.surveyId} onChange={(e) => setD((x) => ({ ...x, surveyId: e.target.value, questionId: '' }))} name="survey">
                <option value="">{t('plan.form.noSurvey')}</option>
                {(surveys.data?.surveys ?? []).filter((s) => !s.archivedAt || s.id === d.surveyId).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            )}
          </Field>
          {d.surveyId && (
            <Field label={t('plan.form.question')} error={fieldError('questionId')}>
              {(p) => (
                <select {...p} value={d.questionId} onChange={(e) => set('questionId', e.target.value)} name="question">
                  {questions.map((q) => <option key={q.id} value={q.id}>{causeName(q.text, q.key, lang)}</option>)}
                </select>
              )}
            </Field>
          )}
          <Field label={t('plan.form.target')} hint={t('plan.form.targetHint')} error={fieldError('targetValue')}>
            {(p) => <input {...p} type="number" step="0.1" min={-100} max={100} value={d.targetValue} onChange={(e) => set('targetValue', e.target.value)} name="targetValue" />}
          </Field>
          <Field label={t('plan.form.rootCause')} error={fieldError('rootCauseId')}>
            {(p) => (
              <select {...p} value={d.rootCauseId} onChange={(e) => set('rootCauseId', e.target.value)} name="rootCause">
                <option value="">{t('plan.form.noRootCause')}</option>
                {(causes.data?.items ?? []).filter((c) => !c.archived || c.id === d.rootCauseId).map((c) => <option key={c.id} value={c.id}>{causeName(c.name, c.key, lang)}</option>)}
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
                checked={d.locationIds.includes(l.id)}
                onChange={(e) => set('locationIds', e.target.checked ? [...d.locationIds, l.id] : d.locationIds.filter((x) => x !== l.id))}
              />
              <bdi>{l.name}</bdi>
            </label>
          ))}
          {fieldError('locationIds') && <small className="error field-error">{fieldError('locationIds')}</small>}
        </fieldset>
        {error && !['title', 'description', 'status', 'ownerUserId', 'startDate', 'dueDate', 'surveyId', 'questionId', 'targetValue', 'rootCauseId', 'locationIds'].includes(error.field) && (
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
