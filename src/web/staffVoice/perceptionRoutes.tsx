/** The perception gap page /app/staff/perception (a chunk loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const PerceptionPage = lazyPage(() => import('./PerceptionPage.tsx'), 'PerceptionPage', { pageMessages: true });

export function perceptionRoutes() {
  return <Route path="perception" element={<RequirePermission action="metrics.read"><PerceptionPage /></RequirePermission>} />;
}
