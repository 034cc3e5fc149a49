/** The footfall, transaction and shift import pages (chunks loaded on first visit, with the page messages). */

export function storeImportsRoutes() {
  return <></>;
}
