/** The audit visits pages under /app (chunks loaded on first visit, with the page messages). */

export function auditVisitsRoutes() {
  return <></>;
}
