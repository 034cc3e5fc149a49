/** Answers of the responses API (docs/api.md "Responses"), as inferred from the API contract (src/core/api/responses.ts). */
export type { ListedAnswer, ListedResponse, OneResponse, OneResponseAnswer, ResponsesAnswer } from '../../core/api/responses.ts';
