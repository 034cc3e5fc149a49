/** The footfall, transaction and shift import pages (chunks loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const StoreImportsPage = lazyPage(() => import('./StoreImportsPage.tsx'), 'StoreImportsPage', { pageMessages: true });

export function storeImportsRoutes() {
  return <Route path="imports" element={<RequirePermission action="store.import"><StoreImportsPage /></RequirePermission>} />;
}
