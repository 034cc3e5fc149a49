/** Pure parts of an invitation message: its language and the first question's scores. */
import type { QuestionDef, SurveyDef } from '../surveys/types.ts';
import { activeQuestions, scoreRange } from '../surveys/logic.ts';

/** The contact's language when the survey is written in it, else the survey's default. */
export function messageLanguage(contactLanguage: string | null, survey: Pick<SurveyDef, 'languages' | 'defaultLanguage'>): string {
  return contactLanguage && survey.languages.includes(contactLanguage) ? contactLanguage : survey.defaultLanguage;
}

/** The first question a respondent sees, with its scores when it is an NPS or rating scale (else null: no embedded answers). */
export function embeddedQuestion(survey: Pick<SurveyDef, 'questions'>): { question: QuestionDef; scores: number[] } | null {
  const first = activeQuestions(survey).find((q) => !q.showIf);
  if (!first) return null;
  const range = scoreRange(first);
  // A matrix row is a part of its grid: an e-mail shows no embedded answers for it.
  if (!range || first.matrix || range.max - range.min > 10) return null;
  const scores: number[] = [];
  for (let n = range.min; n <= range.max; n++) scores.push(n);
  return { question: first, scores };
}
