/** Complaints and contacts per location next to the NPS (nps.v1, from the analytics engine) of a chosen survey for the same locations and period. */
import { useState } from 'react';
import { qs } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useLoad } from '../components/useLoad.ts';
import { MetricValue, Panel } from '../analytics/ui.tsx';
import type { SurveyListAnswer } from '../../core/api/surveys.ts';
import type { SupportComplaintsAnswer } from '../../core/api/supportKpis.ts';
import { FreshLoadable, SupportTable, type SupportFilters } from './load.tsx';

export function ComplaintsPanel({ filters }: { filters: SupportFilters }) {
  const { t, num } = useI18n();
  const [survey, setSurvey] = useState('');
  const surveys = useLoad<SurveyListAnswer>('/surveys');
  const state = useLoad<SupportComplaintsAnswer>(`/support/complaints${qs({ ...filters, survey: survey || undefined })}`);
  return (
    <Panel
      title={t('sp.complaints.title')}
      id="sp-complaints"
      actions={
        <label className="inline">
          {t('sp.complaints.survey')}{' '}
          <select value={survey} onChange={(e) => setSurvey(e.target.value)} data-testid="sp-nps-survey">
            <option value="">{t('sp.complaints.noSurvey')}</option>
            {(surveys.data?.surveys ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
      }
    >
      <p className="muted">{t('sp.complaints.perThousand')}</p>
      <FreshLoadable state={state} height={160}>
        {(data) => (
          <SupportTable testId="sp-complaints" caption={t('sp.complaints.caption')}>
              <thead>
                <tr>
                  <th scope="col">{t('sp.col.location')}</th>
                  <th scope="col" className="num">{t('sp.col.complaints')}</th>
                  <th scope="col" className="num">{t('sp.col.contacts')}</th>
                  {data.survey && <th scope="col">{t('sp.col.nps')}</th>}
                </tr>
              </thead>
              <tbody>
                {data.locations.map((l) => (
                  <tr key={l.location_id ?? ''}>
                    <th scope="row" dir="auto"><bdi>{l.name ?? t('sp.complaints.noLocation')}</bdi></th>
                    <td className="num">{l.complaints === null ? t('sp.noValue') : num(l.complaints, 0)}</td>
                    <td className="num">{num(l.contacts, 0)}</td>
                    {data.survey && <td>{l.nps ? <MetricValue result={l.nps} /> : '—'}</td>}
                  </tr>
                ))}
              </tbody>
          </SupportTable>
        )}
      </FreshLoadable>
    </Panel>
  );
}
