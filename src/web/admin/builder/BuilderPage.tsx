/**
 * /app/surveys/:id/edit: the survey builder. Loads the survey, edits it locally (builder reducer),
 * saves with PUT and changes status. On errors the user's edits stay on screen, the message is
 * announced and shown next to the field the server named.
 */
import { useEffect, useReducer, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { ErrorMessage, LiveStatus, Loading, PageTitle, StatusBadge, Tabs, panelId, tabId, useLoad } from '../../components/index.ts';
import type { SurveyResponse } from '../types.ts';
import type { SurveyDef, SurveyStatus } from '../../../core/surveys/types.ts';
import { builderReducer, errorField, errorTargets, initialState, isLong, toSurveyInput, validateSurvey, type Issue } from './state.ts';
import { SurveyMeta, SurveyTexts } from './SurveySettings.tsx';
import { QuestionList } from './QuestionList.tsx';
import './builder.css';

export function BuilderPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { data, error } = useLoad<SurveyResponse>(`/surveys/${encodeURIComponent(id)}`);
  if (error) {
    return (
      <section>
        <PageTitle title={t('builder.title')} />
        <ErrorMessage message={error instanceof ApiError && error.status === 404 ? t('builder.notFound') : t('shell.error', { message: error.message })} />
        <Link to="/app/surveys">{t('new.back')}</Link>
      </section>
    );
  }
  if (!data) return <><PageTitle title={t('builder.title')} /><Loading lines={8} /></>;
  return <BuilderEditor initial={data.survey} initialWarnings={data.warnings} />;
}

/** How a failed request is kept: its message and the field it names. */
export interface ServerError {
  message: string;
  path: string | null;
}

function BuilderEditor({ initial, initialWarnings }: { initial: SurveyDef; initialWarnings: string[] }) {
  const { t, num } = useI18n();
  const [state, dispatch] = useReducer(builderReducer, initial, (s) => initialState(s));
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<{ text: string; kind: 'success' | 'error' | 'info' } | null>(null);
  const [serverError, setServerError] = useState<ServerError | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [warnings, setWarnings] = useState(initialWarnings);
  const [savedSlug, setSavedSlug] = useState(initial.slug);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLDivElement>(null);
  const { survey } = state;

  // After a failed save, move focus to the first field marked invalid so it is not missed.
  useEffect(() => {
    if (focusTick) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick]);

  // Unsaved edits are not lost silently when the tab is closed.
  useEffect(() => {
    if (!state.dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.dirty]);

  /** Message for a field: the server's (if it names this field) or a client check's. */
  const errorFor = (field: string, exact = false): string | null => {
    if (serverError?.path && (exact ? serverError.path === field : errorTargets(serverError.path, field))) return serverError.message;
    const issue = issues.find((i) => i.field === field || (!exact && i.field.startsWith(`${field}.`)));
    return issue ? t(`issue.${issue.code}`) : null;
  };

  const save = async (): Promise<boolean> => {
    const found = validateSurvey(survey);
    setIssues(found);
    setServerError(null);
    if (found.length > 0) {
      setStatus({ text: t('builder.fixIssues', { n: num(found.length, 0) }), kind: 'error' });
      setFocusTick((n) => n + 1);
      return false;
    }
    setSaving(true);
    setStatus({ text: t('builder.saving'), kind: 'info' });
    try {
      const res = await api.put<SurveyResponse>(`/surveys/${survey.id}`, toSurveyInput(survey));
      dispatch({ type: 'load', survey: res.survey });
      setWarnings(res.warnings ?? []);
      setSavedSlug(res.survey.slug);
      setStatus({ text: t('builder.saved'), kind: 'success' });
      return true;
    } catch (err) {
      const message = err instanceof ApiError ? err.message : String(err);
      const path = err instanceof ApiError ? errorField(err.message, err.details, survey.questions.map((q) => q.key)) : null;
      setServerError({ message, path });
      setStatus({ text: t('builder.saveFailed', { message }), kind: 'error' });
      setFocusTick((n) => n + 1);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const changeStatus = async (next: SurveyStatus) => {
    if (state.dirty && !(await save())) return;
    setSaving(true);
    try {
      const res = await api.post<{ survey: SurveyDef }>(`/surveys/${survey.id}/status`, { status: next });
      dispatch({ type: 'load', survey: res.survey });
      setStatus({ text: t(`builder.statusChanged.${res.survey.status}`), kind: 'success' });
    } catch (err) {
      const message = err instanceof ApiError ? err.message : String(err);
      setServerError({ message, path: err instanceof ApiError ? errorField(err.message, err.details) : null });
      setStatus({ text: t('builder.statusFailed', { message }), kind: 'error' });
    } finally {
      setSaving(false);
    }
  };

  const missing = warnings.filter((w) => w.startsWith('missing_translation:')).map((w) => w.slice('missing_translation:'.length));
  const long = isLong(survey) || (warnings.includes('long_survey') && !state.dirty);
  return (
    <section className="builder">
      <p><Link to="/app/surveys">{t('new.back')}</Link></p>
      <div className="page-head">
        <PageTitle title={t('builder.titleOf', { name: initial.name })}>
          {t('builder.titleOf', { name: survey.name || initial.name })} <StatusBadge status={survey.status} />
        </PageTitle>
      </div>
      <div className="builder-actions toolbar" aria-label={t('builder.actions')} role="group">
        <button type="button" onClick={() => void save()} disabled={saving}>{t('builder.save')}</button>
        {survey.status === 'draft' && <button type="button" className="secondary" disabled={saving} onClick={() => changeStatus('live')}>{t('builder.publish')}</button>}
        {survey.status === 'live' && <button type="button" className="secondary" disabled={saving} onClick={() => changeStatus('closed')}>{t('builder.close')}</button>}
        {survey.status === 'closed' && <button type="button" className="secondary" disabled={saving} onClick={() => changeStatus('live')}>{t('builder.reopen')}</button>}
        <a href={`/s/${encodeURIComponent(savedSlug)}?lang=${encodeURIComponent(state.activeLang)}`} target="_blank" rel="noopener noreferrer">
          {t('builder.preview')}<span className="visually-hidden"> {t('ui.newTab')}</span>
        </a>
        <Link to={`/app/surveys/${survey.id}/distribute`}>{t('surveys.distribute')}</Link>
        {state.dirty && <span className="muted">{t('builder.unsaved')}</span>}
      </div>
      <LiveStatus message={status?.text ?? null} kind={status?.kind} />
      <ErrorMessage message={serverError && !serverError.path ? serverError.message : null} />
      {survey.status !== 'draft' && <p className="note card" role="note">{t('builder.liveNote')}</p>}
      {missing.length > 0 && !state.dirty && (
        <p className="warning-banner">{t('builder.missingTranslation', { langs: missing.map((l) => t(`lang.${l}`)).join(', ') })}</p>
      )}
      {long && <p className="warning-banner" role="status">{t('builder.longWarning', { n: num(survey.questions.filter((q) => q.archivedInVersion == null).length, 0) })}</p>}
      <div ref={formRef}>
        <fieldset disabled={saving} className="plain">
          <legend className="visually-hidden">{t('builder.title')}</legend>
          <SurveyMeta state={state} dispatch={dispatch} errorFor={errorFor} />
          <div className="lang-tabs-sticky">
            <Tabs
              idPrefix="builder-lang"
              label={t('builder.editingLanguage')}
              tabs={survey.languages.map((l) => ({ key: l, label: `${t(`lang.${l}`)}${l === survey.defaultLanguage ? ` (${t('builder.default')})` : ''}` }))}
              active={state.activeLang}
              onChange={(l) => dispatch({ type: 'setActiveLang', lang: l })}
            />
          </div>
          <div role="tabpanel" id={panelId('builder-lang')} aria-labelledby={tabId('builder-lang', state.activeLang)}>
            <SurveyTexts state={state} dispatch={dispatch} errorFor={errorFor} />
            <QuestionList state={state} dispatch={dispatch} errorFor={errorFor} />
          </div>
        </fieldset>
      </div>
      <div className="toolbar builder-footer">
        <button type="button" onClick={() => void save()} disabled={saving}>{t('builder.save')}</button>
      </div>
    </section>
  );
}
