/** The feedback letters page under /app (a chunk loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const LettersPage = lazyPage(() => import('./LettersPage.tsx'), 'LettersPage', { pageMessages: true });

export function lettersRoutes() {
  return <Route path="cases/letters" element={<RequirePermission action="case.read"><LettersPage /></RequirePermission>} />;
}
