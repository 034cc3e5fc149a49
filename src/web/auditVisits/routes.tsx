/** The audit visits and waves pages under /app (chunks loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const VisitsPage = lazyPage(() => import('./VisitsPage.tsx'), 'VisitsPage', { pageMessages: true });
const VisitPage = lazyPage(() => import('./VisitPage.tsx'), 'VisitPage', { pageMessages: true });
const WavesPage = lazyPage(() => import('./WavesPage.tsx'), 'WavesPage', { pageMessages: true });
const WavePage = lazyPage(() => import('./WavePage.tsx'), 'WavePage', { pageMessages: true });

export function auditVisitsRoutes() {
  return (
    <>
      <Route path="visits" element={<RequirePermission action="audit.read"><VisitsPage /></RequirePermission>} />
      <Route path="visits/:id" element={<RequirePermission action="audit.read"><VisitPage /></RequirePermission>} />
      <Route path="waves" element={<RequirePermission action="audit.manage"><WavesPage /></RequirePermission>} />
      <Route path="waves/:id" element={<RequirePermission action="audit.manage"><WavePage /></RequirePermission>} />
    </>
  );
}
