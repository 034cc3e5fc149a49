import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Layout } from './shell/Layout.tsx';
import { SessionProvider, useSession } from './shell/session.tsx';
import { useI18n } from './i18n.tsx';
import { adminRoutes, publicAuthRoutes } from './admin/routes.tsx';
import { analyticsRoutes } from './analytics/routes.tsx';
import { reviewsRoutes } from './reviews/routes.tsx';
import { supportRoutes } from './support/routes.tsx';
import { supportImportRoutes } from './support/ImportRoutes.tsx';
import { alertRoutes } from './alerts/routes.tsx';
import { lettersRoutes } from './letters/routes.tsx';
import { casesRoutes } from './cases/routes.tsx';
import { caseOpsRoutes } from './caseops/routes.tsx';
import { caseReportRoutes } from './caseReports/routes.tsx';
import { reportsRoutes } from './reports/routes.tsx';
import type { ReactNode } from 'react';
import { NotFound } from './shell/NotFound.tsx';
import { lazyPage } from './shell/lazyPage.tsx';
import { sharingRoutes } from './sharing/routes.tsx';
import { RequirePermission } from './shell/RequirePermission.tsx';

// The audit pages' route tables come with their first page (src/web/shell/auditPages.tsx), not in the first view.
const AuditPages = lazyPage(() => import('./shell/auditPages.tsx'), 'AuditPages');
const AuditorPages = lazyPage(() => import('./shell/auditPages.tsx'), 'AuditorPages');
// Likewise the staff-voice and store economics pages, with their tab bars (src/web/shell/staffPages.tsx).
const StaffPages = lazyPage(() => import('./shell/staffPages.tsx'), 'StaffPages', { pageMessages: true });
const StorePages = lazyPage(() => import('./shell/staffPages.tsx'), 'StorePages', { pageMessages: true });
// The audit log page carries its own messages (src/web/auditLog/messages.ts).
const AuditLogPage = lazyPage(() => import('./auditLog/AuditLogPage.tsx'), 'AuditLogPage');

function RequireSession({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  if (loading) return <p className="loading" role="status">{t('shell.loading')}</p>;
  // The deep link survives signing in (the server keeps only paths under /app: src/core/accounts/nextPath.ts).
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search + location.hash)}`} replace />;
  return <>{children}</>;
}

export function App() {
  return (
    <SessionProvider>
      <Routes>
        {publicAuthRoutes()}
        <Route path="/app" element={<RequireSession><Layout /></RequireSession>}>
          {analyticsRoutes()}
          {adminRoutes()}
          {reviewsRoutes()}
          {supportRoutes()}
          {supportImportRoutes()}
          {alertRoutes()}
          {lettersRoutes()}
          {casesRoutes()}
          {caseOpsRoutes()}
          {caseReportRoutes()}
          {reportsRoutes()}
          <Route path="audits/*" element={<AuditPages />} />
          <Route path="my-audits/*" element={<AuditorPages />} />
          <Route path="staff/*" element={<StaffPages />} />
          <Route path="stores/*" element={<StorePages />} />
          {sharingRoutes()}
          <Route path="settings/audit-log" element={<RequirePermission action="auditlog.read"><AuditLogPage /></RequirePermission>} />
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route path="/" element={<Navigate to="/app" replace />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </SessionProvider>
  );
}
