/** The checklists pages under /app (chunks loaded on first visit, with the page messages). */

export function checklistsRoutes() {
  return <></>;
}
