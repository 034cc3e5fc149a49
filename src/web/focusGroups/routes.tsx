/** The focus groups and key-client debriefs pages (chunks loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const FocusGroupsPage = lazyPage(() => import('./FocusGroupsPage.tsx'), 'FocusGroupsPage', { pageMessages: true });
const FocusSessionFormPage = lazyPage(() => import('./FocusSessionFormPage.tsx'), 'FocusSessionFormPage', { pageMessages: true });
const FocusSessionPage = lazyPage(() => import('./FocusSessionPage.tsx'), 'FocusSessionPage', { pageMessages: true });

/** /app/staff/focus-groups/... (relative to /app/staff). */
export function focusGroupsRoutes() {
  return (
    <>
      <Route path="focus-groups" element={<RequirePermission action="metrics.read"><FocusGroupsPage /></RequirePermission>} />
      <Route path="focus-groups/new" element={<RequirePermission action="staff.manage"><FocusSessionFormPage /></RequirePermission>} />
      <Route path="focus-groups/:id" element={<RequirePermission action="metrics.read"><FocusSessionPage /></RequirePermission>} />
      <Route path="focus-groups/:id/edit" element={<RequirePermission action="staff.manage"><FocusSessionFormPage /></RequirePermission>} />
    </>
  );
}
