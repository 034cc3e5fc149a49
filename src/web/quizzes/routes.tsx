/** The knowledge quizzes pages under /app (chunks loaded on first visit, with the page messages). */
import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

const QuizzesPage = lazyPage(() => import('./QuizzesPage.tsx'), 'QuizzesPage', { pageMessages: true });
const QuizEditPage = lazyPage(() => import('./QuizEditPage.tsx'), 'QuizEditPage', { pageMessages: true });
const QuizPage = lazyPage(() => import('./QuizPage.tsx'), 'QuizPage', { pageMessages: true });

export function quizzesRoutes() {
  return (
    <>
      <Route path="quizzes" element={<RequirePermission action="audit.read"><QuizzesPage /></RequirePermission>} />
      <Route path="quizzes/new" element={<RequirePermission action="audit.manage"><QuizEditPage /></RequirePermission>} />
      <Route path="quizzes/:id" element={<RequirePermission action="audit.read"><QuizPage /></RequirePermission>} />
      <Route path="quizzes/:id/edit" element={<RequirePermission action="audit.manage"><QuizEditPage /></RequirePermission>} />
    </>
  );
}
