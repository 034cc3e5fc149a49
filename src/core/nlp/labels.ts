/**
 * @module Sentiment labels and where they come from (docs/text.md, "Training data"): a scored comment
 * is a labelled example (NPS 0-6 negative, 7-8 neutral, 9-10 positive, the NPS groups of METRICS.md;
 * CSAT 1-5 by box: 1-2 negative, 3 neutral, 4-5 positive), and the TSV file format of
 * `sarafan text train` / `keyphrases`.
 */
import type { ScoreGroup } from '../surveys/types.ts';
import { npsGroup } from '../stats/nps.ts';

/** A text's sentiment, in this order everywhere (filters, legends, the API's SENTIMENTS). */
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export type ScoreScale = 'nps' | 'csat5';
export const SCORE_SCALES: readonly ScoreScale[] = ['nps', 'csat5'];

const RANGE: Record<ScoreScale, [number, number]> = { nps: [0, 10], csat5: [1, 5] };

/** The label of each NPS group (the groups themselves: npsGroup, stats/nps.ts). */
const LABEL_OF_NPS_GROUP: Record<ScoreGroup, SentimentLabel> = { detractor: 'negative', passive: 'neutral', promoter: 'positive' };

/** The label of a score, or null when it is not an integer on the scale. */
export function labelOfScore(score: number, scale: ScoreScale): SentimentLabel | null {
  const [min, max] = RANGE[scale];
  if (!Number.isInteger(score) || score < min || score > max) return null;
  if (scale === 'nps') return LABEL_OF_NPS_GROUP[npsGroup(score)];
  return score <= 2 ? 'negative' : score === 3 ? 'neutral' : 'positive';
}

export function isSentimentLabel(value: string): value is SentimentLabel {
  return (SENTIMENT_LABELS as readonly string[]).includes(value);
}

export interface LabelledText {
  label: SentimentLabel;
  text: string;
}

export interface TsvProblem {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

/**
 * Parses `label<TAB>text` lines (labels negative/neutral/positive) or, with a scale, `score<TAB>text`.
 * Blank lines are skipped, and so is a first line whose first field is the word "label" or "score"
 * (a header). Every other line must parse: problems are returned, with line numbers, not skipped.
 */
export function parseLabelledTsv(content: string, scale?: ScoreScale): { examples: LabelledText[]; problems: TsvProblem[] } {
  const examples: LabelledText[] = [];
  const problems: TsvProblem[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i === 0 ? raw.replace(/^\ufeff/, '') : raw;
    if (line.trim() === '') return;
    const tab = line.indexOf('\t');
    const first = (tab === -1 ? line : line.slice(0, tab)).trim();
    if (i === 0 && /^(label|score)$/i.test(first)) return;
    const problem = (message: string) => problems.push({ line: i + 1, message });
    if (tab === -1) return problem(`expected "${scale ? 'score' : 'label'}<TAB>text", found no TAB`);
    const text = line.slice(tab + 1).trim();
    if (text === '') return problem('the text is empty');
    if (scale) {
      const label = /^-?\d+$/.test(first) ? labelOfScore(Number(first), scale) : null;
      if (!label) return problem(`"${first}" is not a whole score from ${RANGE[scale][0]} to ${RANGE[scale][1]} (--scale ${scale})`);
      examples.push({ label, text });
    } else {
      const label = first.toLowerCase();
      if (!isSentimentLabel(label)) {
        const hint = /^-?\d+$/.test(first) ? ' (scores need --scale nps or --scale csat5)' : '';
        return problem(`"${first}" is not a label: use negative, neutral or positive${hint}`);
      }
      examples.push({ label, text });
    }
  });
  return { examples, problems };
}
