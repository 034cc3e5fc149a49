/** The my audits pages under /app (chunks loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const MyAuditsPage = lazyPage(() => import('./MyAuditsPage.tsx'), 'MyAuditsPage', { pageMessages: true });
const AuditVisitPage = lazyPage(() => import('./AuditVisitPage.tsx'), 'AuditVisitPage', { pageMessages: true });

export function auditorRoutes() {
  return (
    <>
      <Route index element={<RequirePermission action="audit.submit"><MyAuditsPage /></RequirePermission>} />
      <Route path=":id" element={<RequirePermission action="audit.submit"><AuditVisitPage /></RequirePermission>} />
    </>
  );
}
