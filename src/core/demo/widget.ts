/**
 * @module Demo answers given through the website widget (channel `widget`, docs/widget.md): the chain's
 * web shop shows the NPS prompt after checkout and the CSAT prompt on exit intent, with each store's
 * pages carrying data-location. A widget answer holds only what the prompt asks (the first question and,
 * for NPS, its "why?" comment) and the page it was given on (hidden field `page`).
 */
import type { Rng } from './random.ts';
import type { DemoSurveySlug } from './surveys.ts';
import type { AnswerMap } from '../surveys/types.ts';

/** The parts of a demo response (responses.ts DemoResponse) that the widget changes. */
interface Given {
  survey: DemoSurveySlug;
  channel: string;
  answers: AnswerMap;
  hidden: Record<string, string>;
}

/** The demo's web shop: the origin the demo surveys allow (docs/demo.md). */
export const DEMO_WIDGET_ORIGIN = 'https://shop.sarafan-retail.example';

/** What the prompt asks per survey, and the pages it appears on (weights). */
const PROMPTS: Partial<Record<DemoSurveySlug, { keys: string[]; pages: Record<string, number> }>> = {
  'demo-nps': { keys: ['nps', 'why'], pages: { '/checkout/done': 70, '/checkout/pickup': 30 } },
  'demo-csat': { keys: ['csat'], pages: { '/orders/track': 50, '/catalog/shoes': 20, '/catalog/home': 20, '/': 10 } },
};

/** `r` as given through the widget when its channel is `widget` (else unchanged). */
export function asWidgetResponse<R extends Given>(rng: Rng, r: R): R {
  const prompt = PROMPTS[r.survey];
  if (r.channel !== 'widget' || !prompt) return r;
  const answers = Object.fromEntries(Object.entries(r.answers).filter(([key]) => prompt.keys.includes(key)));
  return { ...r, answers, hidden: { ...r.hidden, page: rng.weighted(prompt.pages) } };
}
