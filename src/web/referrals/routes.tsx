/** The "bring a friend" referral pages (chunks loaded on first visit, with the page messages). */

export function referralsRoutes() {
  return <></>;
}
