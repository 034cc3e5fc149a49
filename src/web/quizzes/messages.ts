/** Strings of the knowledge quizzes pages, in English (ru / fa in messages.ru.ts / messages.fa.ts). */
export const quizzesEn = {
  'qz.title': 'Knowledge quizzes',
};
