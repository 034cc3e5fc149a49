/** The focus groups and key-client debriefs pages (chunks loaded on first visit, with the page messages). */

export function focusGroupsRoutes() {
  return <></>;
}
