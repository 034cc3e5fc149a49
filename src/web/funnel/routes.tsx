/** The store funnel page, /app/stores (a chunk loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const FunnelPage = lazyPage(() => import('./FunnelPage.tsx'), 'FunnelPage', { pageMessages: true });

export function funnelRoutes() {
  return <Route index element={<RequirePermission action="metrics.read"><FunnelPage /></RequirePermission>} />;
}
