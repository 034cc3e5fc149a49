/** /app/audits/quizzes: the organisation's knowledge quizzes, and a way to start one. */
import { Link } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { Loadable } from '../analytics/ui.tsx';
import { SupportTable } from '../support/load.tsx';
import type { QuizzesAnswer } from '../../core/api/quizzes.ts';
import { nameIn } from './quizForm.ts';
import '../support/support.css';

export function QuizzesPage() {
  const { t, lang, num } = useI18n();
  const { can } = useSession();
  const quizzes = useLoad<QuizzesAnswer>('/quizzes');
  return (
    <div className="an-page">
      <div className="an-page-head">
        <PageTitle title={t('qz.title')} />
        {can('audit.manage') && <Link to="/app/audits/quizzes/new" className="button primary" data-testid="qz-new">{t('qz.new')}</Link>}
      </div>
      <p className="muted">{t('qz.intro')}</p>
      <Loadable state={quizzes} height={200}>
        {(data) => data.items.length === 0 ? (
          <EmptyState title={t('qz.empty')}><p className="muted">{t('qz.emptyHint')}</p></EmptyState>
        ) : (
          <section className="card">
            <SupportTable testId="qz-list" caption={t('qz.title')} wide>
              <thead>
                <tr>
                  <th scope="col">{t('qz.col.name')}</th>
                  <th scope="col">{t('qz.col.status')}</th>
                  <th scope="col">{t('qz.col.questions')}</th>
                  <th scope="col">{t('qz.col.attempts')}</th>
                  <th scope="col"><span className="visually-hidden">{t('qz.edit')}</span></th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((q) => (
                  <tr key={q.id}>
                    <th scope="row"><Link to={`/app/audits/quizzes/${q.id}`}><bdi>{nameIn(q.name, lang)}</bdi></Link> <span className="muted">{t('qz.version', { n: q.version })}</span></th>
                    <td><StatusBadge status={q.status} /></td>
                    <td>{num(q.questions, 0)}</td>
                    <td>{num(q.attempts, 0)}</td>
                    <td>{can('audit.manage') && <Link to={`/app/audits/quizzes/${q.id}/edit`}>{t('qz.edit')}<span className="visually-hidden"> <bdi>{nameIn(q.name, lang)}</bdi></span></Link>}</td>
                  </tr>
                ))}
              </tbody>
            </SupportTable>
          </section>
        )}
      </Loadable>
    </div>
  );
}
