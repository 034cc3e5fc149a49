/** /app/surveys: every survey with its status and responses, and the way to start a new one. */
import { Link } from 'react-router';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../shell/session.tsx';
import { EmptyState, ErrorMessage, Loading, PageTitle, StatusBadge, useLoad } from '../../components/index.ts';
import type { SurveyListItem } from '../types.ts';

export function SurveyListPage() {
  const { t, num, date } = useI18n();
  const { can } = useSession();
  const { data, error, loading } = useLoad<{ surveys: SurveyListItem[] }>('/surveys');
  const canCreate = can('survey.create');
  const canEdit = can('survey.edit');
  return (
    <section aria-labelledby="surveys-h">
      <div className="page-head">
        <PageTitle title={t('surveys.title')} />
        {canCreate && <Link className="button" to="/app/surveys/new">{t('surveys.new')}</Link>}
      </div>
      <ErrorMessage message={error ? t('shell.error', { message: error.message }) : null} />
      {loading && !data && <Loading lines={4} />}
      {data && data.surveys.length === 0 && (
        <EmptyState title={t('surveys.emptyTitle')}>
          <p>{canCreate ? t('surveys.emptyHint') : t('surveys.emptyHintReadOnly')}</p>
          {canCreate && <Link className="button" to="/app/surveys/new">{t('surveys.new')}</Link>}
        </EmptyState>
      )}
      {data && data.surveys.length > 0 && (
        <table>
          <caption className="visually-hidden" id="surveys-h">{t('surveys.title')}</caption>
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
                <td className="num">{num(s.responseCount, 0)}</td>
                <td>{s.lastResponseAt ? date(s.lastResponseAt) : <span className="muted">{t('surveys.noResponses')}</span>}</td>
                <td className="actions">
                  <Link to={`/app/surveys/${s.id}`} aria-label={t('surveys.dashboardOf', { name: s.name })}>{t('surveys.dashboard')}</Link>
                  {canEdit && <Link to={`/app/surveys/${s.id}/edit`} aria-label={t('surveys.editOf', { name: s.name })}>{t('surveys.edit')}</Link>}
                  <Link to={`/app/surveys/${s.id}/distribute`} aria-label={t('surveys.distributeOf', { name: s.name })}>{t('surveys.distribute')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
