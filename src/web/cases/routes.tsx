/** The case inbox and the case page under /app/cases (chunks loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const CasesPage = lazyPage(() => import('./CasesPage.tsx'), 'CasesPage', { pageMessages: true });
const CasePage = lazyPage(() => import('./CasePage.tsx'), 'CasePage', { pageMessages: true });

export function casesRoutes() {
  return [
    <Route key="cases" path="cases" element={<RequirePermission action="case.read"><CasesPage /></RequirePermission>} />,
    <Route key="case" path="cases/:id" element={<RequirePermission action="case.read"><CasePage /></RequirePermission>} />,
  ];
}
