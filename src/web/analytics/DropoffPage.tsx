/**
 * /app/surveys/:id/dropoff — the drop-off view (docs/api.md "Partial responses"): of the respondents whose page
 * saved progress, how many started, reached each question, answered it and left there, and the median time per
 * question. A plain table with CSS bars (no chart library); the questions where people leave are highlighted.
 */
import { Link, useParams } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { localize } from '../../core/surveys/localize.ts';
import type { SurveyDetailAnswer, SurveyDropoffAnswer } from '../../core/api/surveys.ts';
import { SurveyTabs } from '../responses/SurveyTabs.tsx';
import { PartialNote } from './PartialNote.tsx';
import { Loadable } from './ui.tsx';
import './dropoff.css';

export function DropoffPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const survey = useLoad<SurveyDetailAnswer>(`/surveys/${encodeURIComponent(id)}`);
  const drop = useLoad<SurveyDropoffAnswer>(`/surveys/${encodeURIComponent(id)}/dropoff`);
  const s = survey.data?.survey;
  return (
    <div className="an-page">
      <div className="an-page-head">
        <PageTitle title={s ? t('an.drop.titleOf', { name: s.name || localize(s.title, 'en', s.defaultLanguage) }) : t('an.drop.title')} />
      </div>
      <SurveyTabs surveyId={id} />
      <p className="muted">{t('an.drop.intro')}</p>
      <Loadable state={drop} height={320}>{(d) => <DropoffTable d={d} />}</Loadable>
      <p><Link to={`/app/surveys/${encodeURIComponent(id)}`}>{t('an.drop.toDashboard')}</Link></p>
    </div>
  );
}

function DropoffTable({ d }: { d: SurveyDropoffAnswer }) {
  const { t, lang, num, pct } = useI18n();
  if (d.started === 0) return <><PartialNote counted={d.countPartial} /><p className="card an-empty" data-testid="dropoff-empty">{t('an.drop.empty')}</p></>;
  return (
    <>
      <ul className="an-kpis dr-tiles">
        <li className="card an-kpi"><span className="an-kpi-label">{t('an.drop.started')}</span><strong className="dr-big" data-testid="dropoff-started">{num(d.started)}</strong></li>
        <li className="card an-kpi"><span className="an-kpi-label">{t('an.drop.finished')}</span><strong className="dr-big" data-testid="dropoff-finished">{num(d.finished)}</strong>
          <span className="muted">{t('an.drop.completion', { share: pct((d.finished / d.started) * 100, 0) })}</span></li>
      </ul>
      <PartialNote counted={d.countPartial} />
      <div className="card dr-wrap">
        <table className="dr-table" data-testid="dropoff-table">
          <caption className="visually-hidden">{t('an.drop.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('an.drop.question')}</th>
              <th scope="col">{t('an.drop.reached')}</th>
              <th scope="col">{t('an.drop.answered')}</th>
              <th scope="col">{t('an.drop.left')}</th>
              <th scope="col">{t('an.drop.median')}</th>
            </tr>
          </thead>
          <tbody>
            {d.questions.map((q, i) => (
              <tr key={q.key} className={q.leavesHere ? 'dr-leaves' : undefined} data-key={q.key}>
                <th scope="row">
                  <span className="dr-q">{num(i + 1)}. {localize(q.text, lang, 'en') || q.key}</span>
                  {q.leavesHere && <span className="dr-flag">{t('an.drop.leavesHere')}</span>}
                  {/* The share of starters who reached the question, drawn; the numbers are in the cells. */}
                  <span className="dr-bar" aria-hidden="true"><span style={{ inlineSize: `${(q.reached / d.started) * 100}%` }} /></span>
                </th>
                <td>{num(q.reached)}</td>
                <td>{num(q.answered)}</td>
                <td>{num(q.left)}{q.leftShare !== null && q.left > 0 ? <span className="muted"> ({pct(q.leftShare * 100, 0)})</span> : null}</td>
                <td>{q.medianSeconds === null ? '—' : t('an.drop.seconds', { s: num(q.medianSeconds, 1) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
