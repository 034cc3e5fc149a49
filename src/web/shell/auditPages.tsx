/**
 * The audit pages (docs/audits.md) under /app/audits and the auditor's /app/my-audits: their route tables live in this chunk,
 * loaded with the first audit page a visitor opens, so the dashboard's first view carries two routes instead of eighteen.
 * Each page is a chunk of its own still (the routes.tsx files).
 */
import { Route, Routes } from 'react-router';
import { checklistsRoutes } from '../checklists/routes.tsx';
import { auditVisitsRoutes } from '../auditVisits/routes.tsx';
import { auditResultsRoutes } from '../auditResults/routes.tsx';
import { qaRoutes } from '../qa/routes.tsx';
import { quizzesRoutes } from '../quizzes/routes.tsx';
import { auditorRoutes } from '../auditor/routes.tsx';
import { NotFound } from './NotFound.tsx';

/** /app/audits/... */
export function AuditPages() {
  return (
    <Routes>
      {auditResultsRoutes()}
      {auditVisitsRoutes()}
      {checklistsRoutes()}
      {qaRoutes()}
      {quizzesRoutes()}
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

/** /app/my-audits/... */
export function AuditorPages() {
  return (
    <Routes>
      {auditorRoutes()}
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
