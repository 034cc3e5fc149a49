/** What the focus-group pages share: the sentiment mark (a glyph and a word, never colour alone) and theme names. */
import { useI18n, type MessageKey } from '../i18n.tsx';
import type { SentimentLabel } from '../../core/nlp/labels.ts';

/** The glyph of each sentiment, shown beside its word. */
export const SENTIMENT_GLYPH: Record<SentimentLabel, string> = { negative: '−', neutral: '•', positive: '+' };

export function SentimentBadge({ sentiment }: { sentiment: SentimentLabel | null }) {
  const { t } = useI18n();
  if (!sentiment) return <span className="muted">{t('fg.sentiment.none')}</span>;
  return <span className={`badge fg-badge fg-${sentiment}`}><span aria-hidden="true">{SENTIMENT_GLYPH[sentiment]} </span>{t(`fg.sentiment.${sentiment}` as MessageKey)}</span>;
}

/** A theme's name in `lang` (else English, else its id). */
export function themeName(names: Record<string, Record<string, string>>, id: string, lang: string): string {
  const n = names[id];
  return n?.[lang] || n?.en || id;
}
