/** The quality reviews pages under /app (chunks loaded on first visit, with the page messages). */

export function qaRoutes() {
  return <></>;
}
