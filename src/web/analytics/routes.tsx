/** Pages under /app owned by the analytics area (overview, survey dashboard, data quality). */
import { Route } from 'react-router';
import { OverviewPage } from './OverviewPage.tsx';
import { SurveyDashboard } from './SurveyDashboard.tsx';
import { QualityPage } from './QualityPage.tsx';
import { ResponsesPage } from '../responses/ResponsesPage.tsx';
import { ResponsePage } from '../responses/ResponsePage.tsx';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import './analytics.css';

export function analyticsRoutes() {
  return (
    <>
      <Route index element={<OverviewPage />} />
      <Route path="surveys/:id" element={<SurveyDashboard />} />
      <Route path="surveys/:id/responses" element={<RequirePermission action="response.read"><ResponsesPage /></RequirePermission>} />
      <Route path="responses/:id" element={<RequirePermission action="response.read"><ResponsePage /></RequirePermission>} />
      <Route path="validation" element={<RequirePermission action="response.exclude"><QualityPage /></RequirePermission>} />
    </>
  );
}
