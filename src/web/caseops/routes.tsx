/** The case settings page under /app (a chunk loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const CaseSettingsPage = lazyPage(() => import('./CaseSettingsPage.tsx'), 'CaseSettingsPage', { pageMessages: true });

export function caseOpsRoutes() {
  return <Route path="case-settings" element={<RequirePermission action="case.configure"><CaseSettingsPage /></RequirePermission>} />;
}
