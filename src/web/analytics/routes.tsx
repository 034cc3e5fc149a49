/** Pages under /app owned by the analytics area (overview, survey dashboard, data quality). */
export function analyticsRoutes() {
  return <></>;
}
