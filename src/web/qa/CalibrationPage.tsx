/** /app/audits/qa/calibrations/:id: a calibration session: score it (blind until scored), the reviewers' scores and the agreement. */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { LiveStatus, ErrorMessage } from '../components/LiveStatus.tsx';
import { Loadable, Panel } from '../analytics/ui.tsx';
import { SupportTable } from '../support/load.tsx';
import type { StoredAnswers } from '../../core/audits/answers.ts';
import type { Agreement } from '../../core/audits/agreement.ts';
import { checklistItems, textIn, type ChecklistDefinition } from '../../core/audits/checklist.ts';
import type { QaCalibration } from '../../core/api/qa.ts';
import { Scorecard, unansweredItems } from './Scorecard.tsx';
import { cleanAnswers, messageOf } from './format.ts';
import './qa.css';

interface Detail {
  calibration: QaCalibration & { definition: ChecklistDefinition };
  reviewers: { id: string; name: string | null; scored: boolean; score?: number | null; autofail?: boolean }[];
  you: { reviewer: boolean; scored: boolean };
  blind: boolean;
  agreement: Agreement | null;
}

function AgreementView({ a, definition }: { a: Agreement; definition: ChecklistDefinition }) {
  const { t, pct, num, lang } = useI18n();
  const texts = new Map(checklistItems(definition).map((i) => [i.key, textIn(i.text, lang)]));
  return (
    <div data-testid="qa-agreement">
      <dl className="qa-tiles">
        <div className="card qa-tile"><dt>{t('qa.cal.percent')}</dt><dd className="qa-big">{a.percentAgreement === null ? t('qa.none') : pct(100 * a.percentAgreement, 1)}</dd></div>
        <div className="card qa-tile">
          <dt>{t('qa.cal.kappa')}</dt>
          <dd className="qa-big">{a.kappa === null ? t('qa.none') : num(a.kappa, 2)}</dd>
          <dd>{a.kappaBand ? t(`qa.cal.band.${a.kappaBand}`) : t('qa.cal.kappaNone')}</dd>
        </div>
      </dl>
      {a.scoreSpread && <p>{t('qa.cal.spread', { range: num(a.scoreSpread.range, 1), sd: a.scoreSpread.sd === null ? t('qa.none') : num(a.scoreSpread.sd, 1) })}</p>}
      <SupportTable testId="qa-agreement-items" caption={t('qa.cal.agreement')}>
        <thead><tr><th scope="col">{t('qa.cal.col.item')}</th><th scope="col">{t('qa.cal.col.majority')}</th><th scope="col">{t('qa.cal.col.share')}</th></tr></thead>
        <tbody>
          {a.items.map((i) => (
            <tr key={i.key}>
              <th scope="row"><bdi>{texts.get(i.key) ?? i.key}</bdi></th>
              <td>{t(`qa.cat.${i.majority}`)}</td>
              <td>{pct(100 * i.majorityShare, 0)}</td>
            </tr>
          ))}
        </tbody>
      </SupportTable>
    </div>
  );
}

export function CalibrationPage() {
  const { id } = useParams();
  const { t, pct } = useI18n();
  const { can } = useSession();
  const detail = useLoad<Detail>(`/audit-calibrations/${id}`);
  const [answers, setAnswers] = useState<StoredAnswers>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const score = async (e: FormEvent, definition: ChecklistDefinition) => {
    e.preventDefault();
    setError(null);
    const missing = unansweredItems(definition, answers);
    if (missing.length > 0) return setError(t('qa.review.missing', { n: missing.length }));
    try {
      detail.setData(await api.post<Detail>(`/audit-calibrations/${id}/scores`, { answers: cleanAnswers(answers) }));
      setStatus(t('qa.saved'));
    } catch (err) {
      setError(t('qa.saveError', { message: messageOf(err) }));
    }
  };
  const close = async () => {
    try {
      detail.setData(await api.post<Detail>(`/audit-calibrations/${id}/close`));
      setStatus(t('qa.saved'));
    } catch (err) {
      setError(t('qa.saveError', { message: messageOf(err) }));
    }
  };

  return (
    <div className="an-page">
      <p><Link to="/app/audits/qa">{t('qa.title')}</Link></p>
      <Loadable state={detail} height={300}>
        {(d) => (
          <>
            <PageTitle title={d.calibration.name} />
            <p>
              <span className="qa-badge">{t(`qa.cal.status.${d.calibration.status}`)}</span>{' '}
              <bdi>{d.calibration.checklistName}</bdi>
              {d.calibration.externalId && <> · <bdi>{d.calibration.externalId}</bdi></>}
              {d.calibration.agent && <> · <bdi>{d.calibration.agent}</bdi></>}
            </p>
            {d.calibration.subject && <p className="qa-note"><bdi>{d.calibration.subject}</bdi></p>}
            <LiveStatus message={status} kind="success" />
            <ErrorMessage message={error} />
            {d.you.reviewer && !d.you.scored && d.calibration.status === 'open' && (
              <Panel id="qa-cal-score" title={t('qa.cal.yourTurn')}>
                <p className="muted">{t('qa.cal.blind')}</p>
                <form className="qa-form" onSubmit={(e) => void score(e, d.calibration.definition)} noValidate>
                  <Scorecard definition={d.calibration.definition} answers={answers} onChange={setAnswers} />
                  <div className="qa-actions"><button type="submit" className="primary">{t('qa.cal.submit')}</button></div>
                </form>
              </Panel>
            )}
            <Panel id="qa-cal-results" title={t('qa.cal.results')} actions={can('audit.manage') && d.calibration.status === 'open' ? <ConfirmButton label={t('qa.cal.close')} question={t('qa.cal.closeConfirm')} onConfirm={close} /> : undefined}>
              <ul className="qa-notes" data-testid="qa-cal-reviewers">
                {d.reviewers.map((r) => (
                  <li key={r.id} className="qa-note">
                    <bdi>{r.name ?? r.id}</bdi>:{' '}
                    {!r.scored ? <span className="muted">{t('qa.cal.notScored')}</span> : r.score === undefined ? '✓' : <strong>{pct(r.score, 1)}</strong>}
                    {r.autofail && <> <span className="qa-below">{t('qa.emp.autofail')}</span></>}
                  </li>
                ))}
              </ul>
            </Panel>
            {!d.blind && (
              <Panel id="qa-cal-agreement" title={t('qa.cal.agreement')}>
                {d.agreement ? <AgreementView a={d.agreement} definition={d.calibration.definition} /> : <p className="muted">{t('qa.cal.noAgreement')}</p>}
              </Panel>
            )}
          </>
        )}
      </Loadable>
    </div>
  );
}
