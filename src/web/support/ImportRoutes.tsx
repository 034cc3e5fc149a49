/** The support contact import page under /app/support/import (a chunk loaded on first visit). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const ImportPage = lazyPage(() => import('./ImportPage.tsx'), 'ImportPage', { pageMessages: true });

export function supportImportRoutes() {
  return <Route path="support/import" element={<RequirePermission action="support.import"><ImportPage /></RequirePermission>} />;
}
