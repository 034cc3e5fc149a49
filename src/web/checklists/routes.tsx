/** The checklists pages under /app (chunks loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const ChecklistsPage = lazyPage(() => import('./ChecklistsPage.tsx'), 'ChecklistsPage', { pageMessages: true });
const ChecklistEditorPage = lazyPage(() => import('./ChecklistEditorPage.tsx'), 'ChecklistEditorPage', { pageMessages: true });

export function checklistsRoutes() {
  return (
    <>
      <Route path="checklists" element={<RequirePermission action="audit.manage"><ChecklistsPage /></RequirePermission>} />
      <Route path="checklists/:id" element={<RequirePermission action="audit.manage"><ChecklistEditorPage /></RequirePermission>} />
    </>
  );
}
