/** The loyalty economics pages (chunks loaded on first visit, with the page messages). */

export function loyaltyRoutes() {
  return <></>;
}
