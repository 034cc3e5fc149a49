/** The closed-loop report and the action plans under /app (chunks loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const CaseReportPage = lazyPage(() => import('./CaseReportPage.tsx'), 'CaseReportPage', { pageMessages: true });
const ActionPlansPage = lazyPage(() => import('./ActionPlansPage.tsx'), 'ActionPlansPage', { pageMessages: true });
const PlanFormPage = lazyPage(() => import('./PlanFormPage.tsx'), 'PlanFormPage', { pageMessages: true });
const PlanPage = lazyPage(() => import('./PlanPage.tsx'), 'PlanPage', { pageMessages: true });

export function caseReportRoutes() {
  return (
    <>
      <Route path="cases/report" element={<RequirePermission action="case.read"><CaseReportPage /></RequirePermission>} />
      <Route path="action-plans" element={<RequirePermission action="metrics.read"><ActionPlansPage /></RequirePermission>} />
      <Route path="action-plans/new" element={<RequirePermission action="plan.manage"><PlanFormPage /></RequirePermission>} />
      <Route path="action-plans/:id" element={<RequirePermission action="metrics.read"><PlanPage /></RequirePermission>} />
      <Route path="action-plans/:id/edit" element={<RequirePermission action="plan.manage"><PlanFormPage /></RequirePermission>} />
    </>
  );
}
