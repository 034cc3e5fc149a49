/**
 * @module The notes of a focus group or key-client debrief (docs/staff.md "Focus groups and key-client
 * debriefs"), pure: split into sentences (paragraphs and lines first, then sentence ends), the per-sentence
 * analysis (sentiment, themes, given by the text pipeline) summed up for the session, and the suggested
 * findings: the negative sentences grouped by theme.
 */
import type { SentimentLabel } from '../nlp/labels.ts';

/** One piece of the notes: a sentence, or a line of a list; `paragraph` counts from 0. */
export interface NoteSentence {
  text: string;
  paragraph: number;
}

/** A sentence as analysed: its sentiment and theme ids (dictionary order). */
export interface AnalysedSentence extends NoteSentence {
  sentiment: SentimentLabel;
  themes: string[];
}

export interface ThemeCount {
  id: string;
  /** Sentences with the theme. */
  count: number;
  /** Of those, the negative ones. */
  negative: number;
}

export interface NotesAnalysis {
  /** Negative when negative sentences outnumber positive ones, positive for the reverse, else neutral. */
  sentiment: SentimentLabel;
  counts: Record<SentimentLabel, number>;
  /** Most sentences first; equal counts by more negative ones, then by id. */
  themes: ThemeCount[];
  sentences: AnalysedSentence[];
}

/** Notes longer than this many sentences are analysed up to it (the notes column holds 100,000 characters). */
export const MAX_SENTENCES = 2000;

/** A list marker at the start of a line: "-", "*", "•", "–", "1.", "2)". */
const BULLET = /^(?:[-*•–—]|\d{1,3}[.)])\s+/u;
/** A sentence ends after . ! ? ؟ … (and closing quotes or brackets) when whitespace and no lower-case letter follow. */
const SENTENCE_END = /(?<=[.!?؟…][»"”'’)\]]*)\s+(?!\p{Ll})/u;

/**
 * The sentences of `notes` in order. Blank lines separate paragraphs; every line break ends a sentence
 * (notes are often lists), list markers are dropped, and whitespace inside a sentence becomes one space.
 */
export function splitNotes(notes: string): NoteSentence[] {
  const out: NoteSentence[] = [];
  const paragraphs = notes.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n\s*/);
  let paragraph = 0;
  for (const p of paragraphs) {
    let any = false;
    for (const rawLine of p.split('\n')) {
      const line = rawLine.trim().replace(BULLET, '');
      for (const piece of line.split(SENTENCE_END)) {
        const text = piece.replace(/\s+/g, ' ').trim();
        if (!text || !/[\p{L}\p{N}]/u.test(text)) continue;
        if (out.length >= MAX_SENTENCES) return out;
        out.push({ text, paragraph });
        any = true;
      }
    }
    if (any) paragraph++;
  }
  return out;
}

/** The session's summary of its analysed sentences. */
export function summariseNotes(sentences: readonly AnalysedSentence[]): NotesAnalysis {
  const counts: Record<SentimentLabel, number> = { negative: 0, neutral: 0, positive: 0 };
  const themes = new Map<string, ThemeCount>();
  for (const s of sentences) {
    counts[s.sentiment]++;
    for (const id of new Set(s.themes)) {
      const t = themes.get(id) ?? { id, count: 0, negative: 0 };
      t.count++;
      if (s.sentiment === 'negative') t.negative++;
      themes.set(id, t);
    }
  }
  const sentiment: SentimentLabel = counts.negative > counts.positive ? 'negative' : counts.positive > counts.negative ? 'positive' : 'neutral';
  return {
    sentiment,
    counts,
    themes: [...themes.values()].sort((a, b) => b.count - a.count || b.negative - a.negative || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    sentences: sentences.map((s) => ({ text: s.text, paragraph: s.paragraph, sentiment: s.sentiment, themes: [...s.themes] })),
  };
}

/** Suggested findings of one theme (null: negative sentences without a theme). */
export interface FindingSuggestion {
  theme: string | null;
  /** Indexes into the analysis' sentences, in order. */
  sentences: number[];
}

/**
 * The negative sentences grouped by theme (a sentence with two themes is in both groups), the groups with the
 * most sentences first (theme-less last); sentences whose text already is a finding's are left out.
 */
export function suggestFindings(analysis: Pick<NotesAnalysis, 'sentences'>, findingTexts: readonly string[] = []): FindingSuggestion[] {
  const taken = new Set(findingTexts.map((t) => t.trim()));
  const groups = new Map<string | null, number[]>();
  analysis.sentences.forEach((s, i) => {
    if (s.sentiment !== 'negative' || taken.has(s.text)) return;
    for (const theme of s.themes.length ? [...new Set(s.themes)] : [null]) {
      const list = groups.get(theme) ?? [];
      list.push(i);
      groups.set(theme, list);
    }
  });
  const rank = (theme: string | null) => (theme === null ? 1 : 0);
  return [...groups.entries()]
    .map(([theme, sentences]) => ({ theme, sentences }))
    .sort((a, b) => rank(a.theme) - rank(b.theme) || b.sentences.length - a.sentences.length || String(a.theme).localeCompare(String(b.theme)));
}
