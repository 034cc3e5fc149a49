/** The "bring a friend" referral pages (chunks loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const ReferralsPage = lazyPage(() => import('./ReferralsPage.tsx'), 'ReferralsPage', { pageMessages: true });

export function referralsRoutes() {
  return <Route path="referrals" element={<RequirePermission action="metrics.read"><ReferralsPage /></RequirePermission>} />;
}
