/** The staff results and perception gap pages (chunks loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const StaffResultsPage = lazyPage(() => import('./StaffResultsPage.tsx'), 'StaffResultsPage', { pageMessages: true });

export function staffVoiceRoutes() {
  return (
    <>
      <Route index element={<RequirePermission action="metrics.read"><StaffResultsPage /></RequirePermission>} />
    </>
  );
}
