/** The Reviews page under /app (a chunk loaded on first visit). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const ReviewsPage = lazyPage(() => import('./ReviewsPage.tsx'), 'ReviewsPage', { pageMessages: true });

export function reviewsRoutes() {
  return <Route path="reviews" element={<RequirePermission action="response.read"><ReviewsPage /></RequirePermission>} />;
}
