/** The audit results pages under /app (chunks loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const ResultsPage = lazyPage(() => import('./ResultsPage.tsx'), 'ResultsPage', { pageMessages: true });

export function auditResultsRoutes() {
  return (
    <>
      <Route index element={<RequirePermission action="audit.read"><ResultsPage /></RequirePermission>} />
    </>
  );
}
