/** The my audits pages under /app (chunks loaded on first visit, with the page messages). */

export function auditorRoutes() {
  return <></>;
}
