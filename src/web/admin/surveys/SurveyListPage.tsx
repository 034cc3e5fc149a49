/**
 * /app/surveys: every survey with its status and responses, and the way to start a new one.
 * ?archived=1 lists the archived surveys instead. Rows offer duplicate, archive / restore and delete
 * (delete asks for the survey's name when answers would go with it).
 */
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../shell/session.tsx';
import { EmptyState, ErrorMessage, LiveStatus, Loading, PageTitle, StatusBadge, useLoad } from '../../components/index.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import type { SurveyListAnswer } from '../../../core/api/surveys.ts';
import type { SurveyAnswer, SurveyListItem } from '../types.ts';

/** The dialog open on the page: archiving a survey, or deleting it (with the answers it would take). */
type Asking = { kind: 'archive'; survey: SurveyListItem } | { kind: 'delete'; survey: SurveyListItem; responses: number | null; typed: string; error: string | null } | null;

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function SurveyListPage() {
  const { t, num, date } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const archived = params.get('archived') === '1';
  const { data, error, loading, reload } = useLoad<SurveyListAnswer>(archived ? '/surveys?archived=1' : '/surveys');
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; kind: 'success' | 'error' } | null>(null);
  const canCreate = can('survey.create');
  const canEdit = can('survey.edit');

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      const text = await work();
      // The list changes first, then the announcement: what is announced is on screen.
      await reload();
      setStatus({ text, kind: 'success' });
    } catch (err) {
      setStatus({ text: t('life.actionFailed', { message: messageOf(err) }), kind: 'error' });
    } finally {
      setBusy(false);
    }
  };

  /** The copy opens in the builder (its name and address are what one changes first). */
  const duplicate = async (s: SurveyListItem) => {
    setBusy(true);
    try {
      const copy = await api.post<SurveyAnswer>(`/surveys/${s.id}/duplicate`);
      navigate(`/app/surveys/${copy.survey.id}/edit`);
    } catch (err) {
      setStatus({ text: t('life.actionFailed', { message: messageOf(err) }), kind: 'error' });
      setBusy(false);
    }
  };

  const restore = (s: SurveyListItem) => run(async () => (await api.post(`/surveys/${s.id}/restore`), t('life.restored', { name: s.name })));

  /** Opens the delete dialog; with answers in sight, asks the server how many would go (it deletes nothing without the name). */
  const askDelete = async (s: SurveyListItem) => {
    setAsking({ kind: 'delete', survey: s, responses: s.responseCount === 0 ? 0 : null, typed: '', error: null });
    if (s.responseCount === 0) return;
    try {
      await api.delete(`/surveys/${s.id}`, {});
    } catch (err) {
      const responses = err instanceof ApiError && err.status === 409 ? (err.details as { responses?: number } | undefined)?.responses : undefined;
      if (responses !== undefined) return setAsking((a) => (a?.kind === 'delete' ? { ...a, responses } : a));
      setAsking(null);
      setStatus({ text: t('life.actionFailed', { message: messageOf(err) }), kind: 'error' });
    }
  };

  const confirm = async () => {
    const a = asking;
    if (!a) return;
    if (a.kind === 'archive') {
      setAsking(null);
      return run(async () => (await api.post(`/surveys/${a.survey.id}/archive`), t('life.archived', { name: a.survey.name })));
    }
    setBusy(true);
    try {
      await api.delete(`/surveys/${a.survey.id}`, a.responses ? { confirm: a.typed } : {});
      setAsking(null);
      await reload();
      setStatus({ text: t('life.deleted', { name: a.survey.name }), kind: 'success' });
    } catch (err) {
      // Answers arrived since the dialog opened: it now asks for the name.
      const responses = err instanceof ApiError && err.status === 409 ? (err.details as { responses?: number } | undefined)?.responses : undefined;
      setAsking({ ...a, responses: responses ?? a.responses, error: responses !== undefined ? null : messageOf(err) });
    } finally {
      setBusy(false);
    }
  };

  const deleting = asking?.kind === 'delete' ? asking : null;
  const typedOk = !deleting?.responses || deleting.typed.trim() === deleting.survey.name.trim();
  const title = archived ? t('life.archivedTitle') : t('surveys.title');
  return (
    <section aria-labelledby="surveys-h">
      <div className="page-head">
        <PageTitle title={title} />
        <div className="page-actions">
          <button type="button" className="secondary" aria-pressed={archived} onClick={() => setParams(archived ? {} : { archived: '1' })}>
            {archived ? t('life.showCurrent') : t('life.showArchived')}
          </button>
          {canCreate && !archived && <Link className="button" to="/app/surveys/new">{t('surveys.new')}</Link>}
        </div>
      </div>
      <ErrorMessage message={error ? t('shell.error', { message: error.message }) : null} />
      <LiveStatus message={status?.text ?? null} kind={status?.kind} />
      {loading && !data && <Loading lines={4} />}
      {data && data.surveys.length === 0 && archived && <p className="muted">{t('life.noArchived')}</p>}
      {data && data.surveys.length === 0 && !archived && (
        <EmptyState title={t('surveys.emptyTitle')}>
          <p>{canCreate ? t('surveys.emptyHint') : t('surveys.emptyHintReadOnly')}</p>
          {canCreate && <Link className="button" to="/app/surveys/new">{t('surveys.new')}</Link>}
        </EmptyState>
      )}
      {data && data.surveys.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden" id="surveys-h">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.name')}</th>
                <th scope="col">{t('surveys.status')}</th>
                <th scope="col">{t('surveys.languages')}</th>
                <th scope="col" className="num">{t('surveys.questions')}</th>
                <th scope="col" className="num">{t('surveys.responses')}</th>
                <th scope="col">{t('surveys.lastResponse')}</th>
                <th scope="col">{t('surveys.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.surveys.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/app/surveys/${s.id}`}>{s.name}</Link>
                    <div className="muted small" dir="ltr">/s/{s.slug}</div>
                  </td>
                  <td><StatusBadge status={s.status} /></td>
                  <td>{s.languages.map((l) => l.toUpperCase()).join(', ')}</td>
                  <td className="num">{num(s.questionCount, 0)}</td>
                  <td className="num">{s.responseCount === null ? <span className="muted">{t('surveys.fewerStaff', { min: data.staffMinGroup })}</span> : num(s.responseCount, 0)}</td>
                  <td>{s.lastResponseAt ? date(s.lastResponseAt) : <span className="muted">{t('surveys.noResponses')}</span>}</td>
                  <td className="actions">
                    <Link to={`/app/surveys/${s.id}`} aria-label={t('surveys.dashboardOf', { name: s.name })}>{t('surveys.dashboard')}</Link>
                    {canEdit && !archived && <Link to={`/app/surveys/${s.id}/edit`} aria-label={t('surveys.editOf', { name: s.name })}>{t('surveys.edit')}</Link>}
                    {!archived && <Link to={`/app/surveys/${s.id}/distribute`} aria-label={t('surveys.distributeOf', { name: s.name })}>{t('surveys.distribute')}</Link>}
                    {canCreate && (
                      <button type="button" className="link-button" disabled={busy} aria-label={t('life.duplicateOf', { name: s.name })} onClick={() => void duplicate(s)}>
                        {t('life.duplicate')}
                      </button>
                    )}
                    {canEdit && !archived && (
                      <button type="button" className="link-button" disabled={busy} aria-label={t('life.archiveOf', { name: s.name })} onClick={() => setAsking({ kind: 'archive', survey: s })}>
                        {t('life.archive')}
                      </button>
                    )}
                    {canEdit && archived && (
                      <button type="button" className="link-button" disabled={busy} aria-label={t('life.restoreOf', { name: s.name })} onClick={() => void restore(s)}>
                        {t('life.restore')}
                      </button>
                    )}
                    {canEdit && (
                      <button type="button" className="link-button danger-link" disabled={busy} aria-label={t('life.deleteOf', { name: s.name })} onClick={() => void askDelete(s)}>
                        {t('life.delete')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={asking?.kind === 'archive'}
        title={t('life.archiveTitle', { name: asking?.survey.name ?? '' })}
        confirmLabel={t('life.archive')}
        cancelLabel={t('ui.cancel')}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(null)}
      >
        <p>{t('life.archiveText')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={deleting !== null}
        title={t('life.deleteTitle', { name: deleting?.survey.name ?? '' })}
        confirmLabel={t('life.deleteConfirm')}
        cancelLabel={t('ui.cancel')}
        danger
        confirmDisabled={busy || deleting?.responses === null || !typedOk}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(null)}
      >
        {deleting?.responses === null && <Loading lines={1} />}
        {deleting?.responses === 0 && <p>{t('life.deleteEmpty')}</p>}
        {deleting && deleting.responses !== null && deleting.responses > 0 && (
          <>
            <p><strong>{t('life.deleteAnswers', { n: deleting.responses })}</strong></p>
            <label className="field">
              <span>{t('life.deleteType', { name: deleting.survey.name })}</span>
              <input
                value={deleting.typed}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={deleting.error ? true : undefined}
                onChange={(e) => setAsking({ ...deleting, typed: e.target.value, error: null })}
              />
            </label>
          </>
        )}
        {deleting?.error && <p role="alert" className="error">{deleting.error}</p>}
      </ConfirmDialog>
    </section>
  );
}
