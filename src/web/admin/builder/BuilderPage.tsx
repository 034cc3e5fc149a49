/**
 * /app/surveys/:id/edit: the survey builder. Loads the survey, edits it locally (builder reducer),
 * saves with PUT and changes status. On errors the user's edits stay on screen, the message is
 * announced and shown next to the field the server named.
 */
import { useEffect, useReducer, useRef, useState } from 'react';
import { Link, useBlocker, useParams } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n.tsx';
import { ErrorMessage, LiveStatus, Loading, PageTitle, StatusBadge, Tabs, panelId, tabId, useLoad } from '../../components/index.ts';
import type { SurveyStatusAnswer } from '../../../core/api/surveys.ts';
import type { SurveyAnswer, SurveyDetailAnswer } from '../types.ts';
import type { SurveyDef, SurveyStatus } from '../../../core/surveys/types.ts';
import { builderReducer, errorField, errorTargets, initialState, isLong, toSurveyInput, validateSurvey, type Issue } from './state.ts';
import { SurveyMeta, SurveyTexts } from './SurveySettings.tsx';
import { SurveyAvailability } from './SurveyAvailability.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { addressText } from './props.ts';
import { QuestionList } from './QuestionList.tsx';
import { TranslationFiles } from './TranslationFiles.tsx';
import { PreviewPane } from './PreviewPane.tsx';
import './builder.css';

export function BuilderPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { data, error } = useLoad<SurveyDetailAnswer>(`/surveys/${encodeURIComponent(id)}`);
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
  return <BuilderEditor initial={data.survey} initialWarnings={data.warnings} initialEarlierSlugs={data.earlierSlugs} archived={!!data.archivedAt} />;
}

/** How a failed request is kept: its message and the field it names. */
export interface ServerError {
  message: string;
  path: string | null;
}

/** What a confirmation dialog is asking about: publishing, closing, or saving a live survey's new address. */
type Pending = { kind: 'status'; status: 'live' | 'closed' } | { kind: 'slug'; then: 'save' | SurveyStatus } | null;

function BuilderEditor({ initial, initialWarnings, initialEarlierSlugs, archived }: {
  initial: SurveyDef;
  initialWarnings: string[];
  initialEarlierSlugs: string[];
  archived: boolean;
}) {
  const { t } = useI18n();
  const [state, dispatch] = useReducer(builderReducer, initial, (s) => initialState(s));
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<{ text: string; kind: 'success' | 'error' | 'info' } | null>(null);
  const [serverError, setServerError] = useState<ServerError | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [warnings, setWarnings] = useState(initialWarnings);
  const [savedSlug, setSavedSlug] = useState(initial.slug);
  const [focusTick, setFocusTick] = useState(0);
  const [pending, setPending] = useState<Pending>(null);
  const [earlierSlugs, setEarlierSlugs] = useState(initialEarlierSlugs);
  const formRef = useRef<HTMLDivElement>(null);
  const { survey } = state;

  // After a failed save, move focus to the first field marked invalid so it is not missed.
  useEffect(() => {
    if (focusTick) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick]);

  // Unsaved edits are not lost silently when the tab is closed or reloaded...
  useEffect(() => {
    if (!state.dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.dirty]);
  // ...nor on a link inside the dashboard (the navigation waits for the user's answer).
  const blocker = useBlocker(({ currentLocation, nextLocation }) => state.dirty && currentLocation.pathname !== nextLocation.pathname);
  // A live (or closed) survey's new address is saved only after the user has read that the old one redirects.
  const slugChangeNeedsConfirm = survey.status !== 'draft' && survey.slug !== savedSlug;

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
      setStatus({ text: t('builder.fixIssues', { n: found.length }), kind: 'error' });
      setFocusTick((n) => n + 1);
      return false;
    }
    setSaving(true);
    setStatus({ text: t('builder.saving'), kind: 'info' });
    try {
      const res = await api.put<SurveyAnswer>(`/surveys/${survey.id}`, toSurveyInput(survey));
      dispatch({ type: 'load', survey: res.survey });
      setWarnings(res.warnings ?? []);
      // A published survey's previous address now redirects (the server keeps it; a draft's is dropped).
      if (res.survey.slug !== savedSlug && res.survey.status !== 'draft') {
        setEarlierSlugs((list) => [savedSlug, ...list.filter((s) => s !== savedSlug && s !== res.survey.slug)]);
      }
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

  const requestSave = () => (slugChangeNeedsConfirm ? setPending({ kind: 'slug', then: 'save' }) : void save());

  const requestStatus = (next: SurveyStatus) => {
    if (state.dirty && slugChangeNeedsConfirm) setPending({ kind: 'slug', then: next });
    else if (next === 'live' && survey.status === 'draft') setPending({ kind: 'status', status: 'live' });
    else if (next === 'closed') setPending({ kind: 'status', status: 'closed' });
    else void changeStatus(next);
  };

  const confirmPending = async () => {
    const p = pending;
    setPending(null);
    if (!p) return;
    if (p.kind === 'status') return changeStatus(p.status);
    if (!(await save())) return;
    if (p.then !== 'save') requestStatus(p.then);
  };

  const changeStatus = async (next: SurveyStatus) => {
    if (state.dirty && !(await save())) return;
    setSaving(true);
    try {
      const res = await api.post<SurveyStatusAnswer>(`/surveys/${survey.id}/status`, { status: next });
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
        <button type="button" onClick={requestSave} disabled={saving}>{t('builder.save')}</button>
        {survey.status === 'draft' && <button type="button" className="secondary" disabled={saving} onClick={() => requestStatus('live')}>{t('builder.publish')}</button>}
        {survey.status === 'live' && <button type="button" className="secondary" disabled={saving} onClick={() => requestStatus('closed')}>{t('builder.close')}</button>}
        {survey.status === 'closed' && <button type="button" className="secondary" disabled={saving} onClick={() => requestStatus('live')}>{t('builder.reopen')}</button>}
        <a href={`/s/${encodeURIComponent(savedSlug)}?preview=1&lang=${encodeURIComponent(state.activeLang)}`} target="_blank" rel="noopener noreferrer" title={t('life.previewHint')}>
          {t('builder.preview')}<span className="visually-hidden"> {t('ui.newTab')}</span>
        </a>
        <Link to={`/app/surveys/${survey.id}/distribute`}>{t('surveys.distribute')}</Link>
        {state.dirty && <span className="muted">{t('builder.unsaved')}</span>}
      </div>
      <LiveStatus message={status?.text ?? null} kind={status?.kind} />
      <ErrorMessage message={serverError && !serverError.path ? serverError.message : null} />
      {archived && <p className="warning-banner" role="note">{t('life.archivedNote')}</p>}
      {survey.status !== 'draft' && <p className="note card" role="note">{t('builder.liveNote')}</p>}
      {missing.length > 0 && !state.dirty && (
        <p className="warning-banner">{t('builder.missingTranslation', { langs: missing.map((l) => t(`lang.${l}` as MessageKey)).join(', ') })}</p>
      )}
      {long && <p className="warning-banner" role="status">{t('builder.longWarning', { n: survey.questions.filter((q) => q.archivedInVersion == null).length })}</p>}
      <div className="builder-layout">
        <PreviewPane survey={survey} activeLang={state.activeLang} />
        <div ref={formRef} className="builder-editor">
          <fieldset disabled={saving} className="plain">
            <legend className="visually-hidden">{t('builder.title')}</legend>
            <SurveyMeta state={state} dispatch={dispatch} errorFor={errorFor} savedSlug={savedSlug} earlierSlugs={earlierSlugs} />
            <div className="lang-tabs-sticky">
              <Tabs
                idPrefix="builder-lang"
                label={t('builder.editingLanguage')}
                tabs={survey.languages.map((l) => ({ key: l, label: `${t(`lang.${l}` as MessageKey)}${l === survey.defaultLanguage ? ` (${t('builder.default')})` : ''}` }))}
                active={state.activeLang}
                onChange={(l) => dispatch({ type: 'setActiveLang', lang: l })}
              />
            </div>
            <div role="tabpanel" id={panelId('builder-lang')} aria-labelledby={tabId('builder-lang', state.activeLang)}>
              <SurveyTexts state={state} dispatch={dispatch} errorFor={errorFor} />
              <QuestionList state={state} dispatch={dispatch} errorFor={errorFor} />
              <SurveyAvailability state={state} dispatch={dispatch} errorFor={errorFor} />
            </div>
          </fieldset>
        </div>
      </div>
      <div className="toolbar builder-footer">
        <button type="button" onClick={requestSave} disabled={saving}>{t('builder.save')}</button>
      </div>
      {survey.languages.length > 1 && (
        <TranslationFiles survey={survey} dirty={state.dirty} onLoaded={(loaded) => dispatch({ type: 'load', survey: loaded })} />
      )}
      <ConfirmDialog
        open={pending?.kind === 'status'}
        title={t(pending?.kind === 'status' && pending.status === 'closed' ? 'life.closeTitle' : 'life.publishTitle')}
        confirmLabel={t(pending?.kind === 'status' && pending.status === 'closed' ? 'life.closeConfirm' : 'life.publishConfirm')}
        cancelLabel={t('ui.cancel')}
        onConfirm={() => void confirmPending()}
        onCancel={() => setPending(null)}
      >
        <p>{t(pending?.kind === 'status' && pending.status === 'closed' ? 'life.closeText' : 'life.publishText')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={pending?.kind === 'slug'}
        title={t('life.slugLiveTitle')}
        confirmLabel={t('life.slugLiveConfirm')}
        cancelLabel={t('ui.cancel')}
        onConfirm={() => void confirmPending()}
        onCancel={() => setPending(null)}
      >
        <p>{t('life.slugLiveText', { old: addressText(savedSlug), new: addressText(survey.slug) })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={blocker.state === 'blocked'}
        title={t('life.unsavedTitle')}
        confirmLabel={t('life.unsavedLeave')}
        cancelLabel={t('life.unsavedStay')}
        danger
        onConfirm={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        <p>{t('life.unsavedText')}</p>
      </ConfirmDialog>
    </section>
  );
}
