/** The "Alert rules" page under /app (a chunk loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const AlertRulesPage = lazyPage(() => import('./AlertRulesPage.tsx'), 'AlertRulesPage', { pageMessages: true });

export function alertRoutes() {
  return <Route path="alerts" element={<RequirePermission action="alert.manage"><AlertRulesPage /></RequirePermission>} />;
}
