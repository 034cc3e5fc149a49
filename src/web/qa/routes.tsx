/** The quality reviews, calibration and staff pages under /app (chunks loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const QaPage = lazyPage(() => import('./QaPage.tsx'), 'QaPage', { pageMessages: true });
const ReviewPage = lazyPage(() => import('./ReviewPage.tsx'), 'ReviewPage', { pageMessages: true });
const CalibrationPage = lazyPage(() => import('./CalibrationPage.tsx'), 'CalibrationPage', { pageMessages: true });
const StaffPage = lazyPage(() => import('./StaffPage.tsx'), 'StaffPage', { pageMessages: true });
const EmployeePage = lazyPage(() => import('./EmployeePage.tsx'), 'EmployeePage', { pageMessages: true });

export function qaRoutes() {
  return (
    <>
      <Route path="qa" element={<RequirePermission action="audit.review"><QaPage /></RequirePermission>} />
      <Route path="qa/review" element={<RequirePermission action="audit.review"><ReviewPage /></RequirePermission>} />
      <Route path="qa/calibrations/:id" element={<RequirePermission action="audit.review"><CalibrationPage /></RequirePermission>} />
      <Route path="staff" element={<RequirePermission action="audit.review"><StaffPage /></RequirePermission>} />
      <Route path="staff/:id" element={<RequirePermission action="audit.read"><EmployeePage /></RequirePermission>} />
    </>
  );
}
