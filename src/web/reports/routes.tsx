/** The reports page under /app/reports (a chunk loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const ReportsPage = lazyPage(() => import('./ReportsPage.tsx'), 'ReportsPage', { pageMessages: true });

export function reportsRoutes() {
  return <Route path="reports" element={<RequirePermission action="report.manage"><ReportsPage /></RequirePermission>} />;
}
