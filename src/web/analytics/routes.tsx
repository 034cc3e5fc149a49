/** Pages under /app owned by the analytics area (overview, survey dashboard, data quality). */
import { Route } from 'react-router';
import { OverviewPage } from './OverviewPage.tsx';
import { SurveyDashboard } from './SurveyDashboard.tsx';
import { QualityPage } from './QualityPage.tsx';
import { ResponsesPage } from '../responses/ResponsesPage.tsx';
import { ResponsePage } from '../responses/ResponsePage.tsx';
import './analytics.css';

export function analyticsRoutes() {
  return (
    <>
      <Route index element={<OverviewPage />} />
      <Route path="surveys/:id" element={<SurveyDashboard />} />
      <Route path="surveys/:id/responses" element={<ResponsesPage />} />
      <Route path="responses/:id" element={<ResponsePage />} />
      <Route path="validation" element={<QualityPage />} />
    </>
  );
}
