/** The store funnel pages (chunks loaded on first visit, with the page messages). */

export function funnelRoutes() {
  return <></>;
}
