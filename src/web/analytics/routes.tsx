/** Pages under /app owned by the analytics area (overview, survey dashboard, data quality). */
import { Navigate, Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { useSession } from '../shell/session.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';
import './analytics.css';

// Each page is its own chunk, loaded on first visit (src/web/shell/lazyPage.tsx); ECharts comes
// with the pages that draw charts, not with the overview.
const OverviewPage = lazyPage(() => import('./OverviewPage.tsx'), 'OverviewPage');
const SurveyDashboard = lazyPage(() => import('./SurveyDashboard.tsx'), 'SurveyDashboard', { pageMessages: true });
const DropoffPage = lazyPage(() => import('./DropoffPage.tsx'), 'DropoffPage', { pageMessages: true });
const QualityPage = lazyPage(() => import('./QualityPage.tsx'), 'QualityPage');
const ResponsesPage = lazyPage(() => import('../responses/ResponsesPage.tsx'), 'ResponsesPage');
const ResponsePage = lazyPage(() => import('../responses/ResponsePage.tsx'), 'ResponsePage');

/** /app: the overview, or for an auditor (submits visits, reads no metrics) their own assignments. */
function OverviewIndex() {
  const { can } = useSession();
  return !can('metrics.read') && can('audit.submit') ? <Navigate to="/app/my-audits" replace /> : <OverviewPage />;
}

export function analyticsRoutes() {
  return (
    <>
      <Route index element={<OverviewIndex />} />
      <Route path="surveys/:id" element={<SurveyDashboard />} />
      <Route path="surveys/:id/dropoff" element={<RequirePermission action="metrics.read"><DropoffPage /></RequirePermission>} />
      <Route path="surveys/:id/responses" element={<RequirePermission action="response.read"><ResponsesPage /></RequirePermission>} />
      <Route path="responses/:id" element={<RequirePermission action="response.read"><ResponsePage /></RequirePermission>} />
      <Route path="validation" element={<RequirePermission action="response.exclude"><QualityPage /></RequirePermission>} />
    </>
  );
}
