/**
 * @module The demo's in-store kiosks (docs/kiosk.md, docs/demo.md): tablets at the exits of two stores
 * asking demo-nps. Kiosk answers exist only where a kiosk stands (elsewhere the generator's kiosk
 * share is answered from the QR poster instead), and they hold only what a kiosk asks: the score and
 * the "why?" comment.
 */
import type { AnswerMap } from '../surveys/types.ts';
import { KIOSK_CHANNEL, kioskQuestions } from '../kiosk/kiosk.ts';
import { DEMO_SURVEYS, type DemoSurveySlug } from './surveys.ts';

export interface DemoKiosk {
  survey: DemoSurveySlug;
  /** Store code. */
  store: string;
  name: string;
}

/** The demo's kiosks: the manager's Moscow store and a Tehran one (a Persian, right-to-left kiosk). */
export const DEMO_KIOSKS: readonly DemoKiosk[] = [
  { survey: 'demo-nps', store: 'MSK-01', name: 'Выход, кассы 1–3' },
  { survey: 'demo-nps', store: 'THR-01', name: 'خروجی اصلی' },
];

/** The staff PIN of the demo kiosks (printed by `sarafan demo`). */
export const DEMO_KIOSK_PIN = '2468';

/** `channel` as the demo stores it: kiosk only at a store with a kiosk for the survey, else the QR poster. */
export function demoKioskChannel(survey: DemoSurveySlug, store: string, channel: string): string {
  if (channel !== KIOSK_CHANNEL) return channel;
  return DEMO_KIOSKS.some((k) => k.survey === survey && k.store === store) ? channel : 'qr';
}

/** The answers a kiosk response keeps: the kiosk's score and comment questions only. */
export function demoKioskAnswers(survey: DemoSurveySlug, channel: string, answers: AnswerMap): AnswerMap {
  if (channel !== KIOSK_CHANNEL) return answers;
  const picked = kioskQuestions(DEMO_SURVEYS.find((s) => s.slug === survey)!);
  const keys = picked ? [picked.score.key, picked.comment?.key] : [];
  return Object.fromEntries(Object.entries(answers).filter(([k]) => keys.includes(k)));
}
