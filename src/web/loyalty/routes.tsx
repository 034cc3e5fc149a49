/** The loyalty economics page under /app/stores (a chunk loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const LoyaltyPage = lazyPage(() => import('./LoyaltyPage.tsx'), 'LoyaltyPage', { pageMessages: true });

export function loyaltyRoutes() {
  return <Route path="loyalty" element={<RequirePermission action="metrics.read"><LoyaltyPage /></RequirePermission>} />;
}
