import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { PageTitle } from './components/PageTitle.tsx';
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
import { checklistsRoutes } from './checklists/routes.tsx';
import { auditVisitsRoutes } from './auditVisits/routes.tsx';
import { auditorRoutes } from './auditor/routes.tsx';
import { auditResultsRoutes } from './auditResults/routes.tsx';
import { qaRoutes } from './qa/routes.tsx';
import { quizzesRoutes } from './quizzes/routes.tsx';
import type { ReactNode } from 'react';

function RequireSession({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  if (loading) return <p className="loading" role="status">{t('shell.loading')}</p>;
  // The deep link survives signing in (the server keeps only paths under /app: src/core/accounts/nextPath.ts).
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search + location.hash)}`} replace />;
  return <>{children}</>;
}

/** Any /app address no page answers (a mistyped or outdated link): says so and leads back. */
function NotFound() {
  const { t } = useI18n();
  return (
    <section className="not-found" data-testid="not-found">
      <PageTitle title={t('shell.notFoundTitle')} />
      <p>{t('shell.notFound')}</p>
      <p><Link to="/app">{t('shell.backToOverview')}</Link></p>
    </section>
  );
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
          {checklistsRoutes()}
          {auditVisitsRoutes()}
          {auditorRoutes()}
          {auditResultsRoutes()}
          {qaRoutes()}
          {quizzesRoutes()}
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route path="/" element={<Navigate to="/app" replace />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </SessionProvider>
  );
}
