/**
 * What counts as a comment: a text answer to an open-text question. Dates, e-mail addresses and phone numbers
 * are stored in answers.text too (src/core/surveys/logic.ts) but are never comments: text analytics, comment
 * lists, cases and alerts leave them out with this condition on the answer alias given.
 */
export const commentAnswerSql = (a = 'a') =>
  `exists (select 1 from questions cq where cq.org_id = ${a}.org_id and cq.id = ${a}.question_id and cq.type = 'text')`;
