/** The staff results and perception gap pages (chunks loaded on first visit, with the page messages). */

export function staffVoiceRoutes() {
  return <></>;
}
