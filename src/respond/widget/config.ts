/**
 * The widget's public config (GET /w/:slug/config): the first question with its points, the optional
 * comment with its wording per score, the triggers, the frequency policy and the prompt's texts, all
 * in one language, finished on the server (the prompt script only puts them on screen).
 */
import type { LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import type { StoredWidgetSettings } from '../../db/surveys/widgetSettings.ts';
import type { WidgetQuestions } from '../../core/surveys/widget.ts';
import { widgetQuietDays } from '../../core/surveys/widget.ts';
import { questionText } from '../../core/surveys/logic.ts';
import { localize } from '../../core/surveys/localize.ts';
import { thanksWithoutHeading } from '../../core/surveys/thanks.ts';
import { directionOf } from '../../core/i18n/languages.ts';
import { pageText } from '../i18n.ts';
import { scaleItems, type ScaleItem } from '../render/questions.ts';
import { widgetText } from './i18n.ts';

export interface WidgetConfig {
  lang: string;
  dir: 'ltr' | 'rtl';
  question: { text: string; style: string; items: ScaleItem[]; minLabel: string; maxLabel: string };
  /** The optional comment: its wording after each point of the scale (same order as items). */
  comment: { texts: string[] } | null;
  triggers: { delaySeconds: number | null; exitIntent: boolean; urlPattern: string | null };
  /** Days without a prompt after an answer (every survey of the site) and after closing one unanswered. */
  quietDays: { answered: number; dismissed: number };
  texts: Record<'dialog' | 'close' | 'send' | 'sending' | 'optional' | 'failed' | 'thanksTitle' | 'thanksText', string>;
}

export function widgetConfig(survey: LoadedSurvey, asked: WidgetQuestions, settings: StoredWidgetSettings, lang: string): WidgetConfig {
  const fallback = survey.defaultLanguage;
  const { score, comment } = asked;
  const { style, items, minLabel, maxLabel } = scaleItems(score, lang, fallback);
  const thanksTitle = pageText(lang, 'thanksTitle');
  return {
    lang,
    dir: directionOf(lang),
    question: { text: localize(score.text, lang, fallback), style, items, minLabel, maxLabel },
    comment: comment
      ? { texts: items.map((i) => questionText(comment, { [score.key]: { score: i.value } }, survey, lang, fallback)) }
      : null,
    triggers: { delaySeconds: settings.delaySeconds, exitIntent: settings.exitIntent, urlPattern: settings.urlPattern },
    quietDays: widgetQuietDays(settings.gapDays),
    texts: {
      dialog: widgetText(lang, 'dialog'),
      close: widgetText(lang, 'close'),
      send: pageText(lang, 'submit'),
      sending: widgetText(lang, 'sending'),
      optional: widgetText(lang, 'optional'),
      failed: widgetText(lang, 'failed'),
      thanksTitle,
      thanksText: thanksWithoutHeading(localize(survey.thanks, lang, fallback), thanksTitle) || pageText(lang, 'thanksText'),
    },
  };
}
