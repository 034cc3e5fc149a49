/** Answers of the responses API (docs/api.md "Responses"), as the dashboard reads them. */
import type { ChoiceOption, LocalizedText, QuestionType, Scale } from '../../core/surveys/types.ts';
import type { QualityReason } from '../analytics/types.ts';

export interface ListedAnswer {
  score?: number;
  choice?: string;
  choices?: string[];
  text?: string;
}

export interface ListedResponse {
  id: string;
  submittedAt: string;
  location: { id: string; name: string; code: string | null } | null;
  channel: string;
  language: string;
  hidden: Record<string, string>;
  excluded: boolean;
  exclusionReason: string | null;
  durationMs: number | null;
  flags: QualityReason[];
  answers: Record<string, ListedAnswer>;
}

export interface ResponsesAnswer {
  responses: ListedResponse[];
  nextCursor: string | null;
  prevCursor: string | null;
}

export interface OneResponse extends ListedResponse {
  startedAt: string | null;
  survey: { id: string; name: string; title: LocalizedText; defaultLanguage: string };
  questions: Array<{ id: string; key: string; type: QuestionType; text: LocalizedText; options: ChoiceOption[]; scale: Scale | null }>;
}
