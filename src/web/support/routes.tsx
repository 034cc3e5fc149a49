/** The Support page under /app (a chunk loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const SupportPage = lazyPage(() => import('./SupportPage.tsx'), 'SupportPage', { pageMessages: true });

export function supportRoutes() {
  return <Route path="support" element={<RequirePermission action="metrics.read"><SupportPage /></RequirePermission>} />;
}
