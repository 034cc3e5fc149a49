/** The shared links page /app/shared-links (a chunk loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const SharedLinksPage = lazyPage(() => import('./SharedLinksPage.tsx'), 'SharedLinksPage', { pageMessages: true });

export function sharingRoutes() {
  return <Route path="shared-links" element={<RequirePermission action="link.share"><SharedLinksPage /></RequirePermission>} />;
}
