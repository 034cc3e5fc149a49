/** The knowledge quizzes pages under /app (chunks loaded on first visit, with the page messages). */

export function quizzesRoutes() {
  return <></>;
}
