/**
 * What the text analysis says about the reviews in the filters (docs/reviews.md "Sentiment and themes"):
 * key phrases of negative vs positive reviews, reviews per theme (a theme's name applies it as a filter),
 * the theme chips of a review, and the sentiment correction of a review (keyboard-operable disclosure with
 * three toggle buttons). Talks to /api/v1/reviews/keyphrases, /reviews/themes and /text/themes.
 */
import { useRef, useState } from 'react';
import { qs } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useLoad } from '../components/useLoad.ts';
import { Loadable, Panel } from '../analytics/ui.tsx';
import type { ReviewKeyPhrasesAnswer, ReviewThemesAnswer } from '../../core/api/reviews.ts';
import type { KeyPhraseItem, SentimentValue, ThemeItem } from '../../core/api/comments.ts';

export const SENTIMENT_VALUES: readonly SentimentValue[] = ['negative', 'neutral', 'positive'];
/** Phrases shown per side. */
const TOP_PHRASES = 10;

/** A theme's name in the interface language (else English, else its id). */
export function useThemeName(themes: readonly ThemeItem[]): (id: string) => string {
  const { lang } = useI18n();
  return (id) => {
    const th = themes.find((x) => x.id === id);
    return th?.names[lang as 'en'] || th?.names.en || id;
  };
}

export function ThemeChips({ ids, themes }: { ids: readonly string[]; themes: readonly ThemeItem[] }) {
  const { t } = useI18n();
  const name = useThemeName(themes);
  if (ids.length === 0) return null;
  return (
    <span className="rv-themes" data-testid="review-themes">
      <span className="visually-hidden">{t('rv.themes.label')}</span>
      {ids.map((id) => <span key={id} className="badge tx-theme">{name(id)}</span>)}
    </span>
  );
}

/**
 * The correction of one review's sentiment: a disclosure button opening a group of three toggle buttons
 * (the current sentiment pressed). Choosing one calls `onCorrect` (which updates optimistically) and
 * closes the group, returning focus to the disclosure button.
 */
export function SentimentCorrection({ reviewId, current, onCorrect }: { reviewId: string; current: SentimentValue | null; onCorrect(s: SentimentValue): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const groupId = `rv-correct-${reviewId}`;
  const choose = (s: SentimentValue) => {
    setOpen(false);
    toggle.current?.focus();
    onCorrect(s);
  };
  return (
    <span className="rv-correct">
      <button ref={toggle} type="button" className="link-button" aria-expanded={open} aria-controls={groupId} onClick={() => setOpen((o) => !o)} data-testid="correct-toggle">
        {t('rv.correct')}
      </button>
      {open && (
        <span id={groupId} role="group" aria-label={t('rv.correct.group')} className="rv-correct-group" onKeyDown={(e) => { if (e.key === 'Escape') { setOpen(false); toggle.current?.focus(); } }}>
          {SENTIMENT_VALUES.map((s) => (
            <button key={s} type="button" className="secondary small" aria-pressed={current === s} onClick={() => choose(s)} data-sentiment={s}>
              {t(`rv.sentiment.${s}`)}
            </button>
          ))}
        </span>
      )}
    </span>
  );
}

export function ReviewKeyPhrases({ filters }: { filters: Record<string, string | undefined> }) {
  const { t } = useI18n();
  const state = useLoad<ReviewKeyPhrasesAnswer>(`/reviews/keyphrases${qs(filters)}`);
  // A filter can leave one side without reviews (sentiment = negative): then nothing can stand out on either side.
  const side = (title: string, items: KeyPhraseItem[], testId: string, none: 'rv.kp.none' | 'rv.kp.empty' | 'rv.kp.noNegative' | 'rv.kp.noPositive') => (
    <section className="rv-kp-side" data-testid={testId}>
      <h3>{title}</h3>
      {items.length === 0 ? <p className="muted">{t(none)}</p> : (
        <ol>
          {items.slice(0, TOP_PHRASES).map((k) => (
            <li key={k.phrase}>
              <strong dir="auto"><bdi>{k.phrase}</bdi></strong> <span className="muted">{t('rv.kp.times', { count: k.count, other: k.otherCount })}</span>
              {k.examples[0] && <q dir="auto" className="rv-example">{k.examples[0]}</q>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
  return (
    <Panel title={t('rv.kp.title')} id="rv-keyphrases">
      <p className="muted rv-note">{t('rv.kp.note')}</p>
      <Loadable state={state} height={160}>
        {(d) => (
          <div className="rv-kp">
            {side(t('rv.kp.negative', { n: d.negative.n }), d.negative.phrases, 'kp-negative', d.negative.n === 0 ? 'rv.kp.empty' : d.positive.n === 0 ? 'rv.kp.noPositive' : 'rv.kp.none')}
            {side(t('rv.kp.positive', { n: d.positive.n }), d.positive.phrases, 'kp-positive', d.positive.n === 0 ? 'rv.kp.empty' : d.negative.n === 0 ? 'rv.kp.noNegative' : 'rv.kp.none')}
          </div>
        )}
      </Loadable>
    </Panel>
  );
}

export function ReviewThemeCounts({ filters, themes, onTheme }: { filters: Record<string, string | undefined>; themes: readonly ThemeItem[]; onTheme(id: string): void }) {
  const { t, num } = useI18n();
  const name = useThemeName(themes);
  const state = useLoad<ReviewThemesAnswer>(`/reviews/themes${qs(filters)}`);
  return (
    <Panel title={t('rv.themes.title')} id="rv-themes">
      <Loadable state={state} height={160}>
        {(d) => d.themes.length === 0 ? <p className="muted">{t('rv.themes.empty')}</p> : (
          <div className="rv-scroll">
            <table className="rv-theme-table" data-testid="theme-counts">
              <caption>{t('rv.themes.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rv.themes.col.theme')}</th>
                  <th scope="col">{t('rv.themes.col.n')}</th>
                  <th scope="col">{t('rv.themes.col.negative')}</th>
                  <th scope="col">{t('rv.themes.col.positive')}</th>
                </tr>
              </thead>
              <tbody>
                {d.themes.map((r) => (
                  <tr key={r.theme}>
                    <th scope="row">
                      <button type="button" className="link-button" onClick={() => onTheme(r.theme)} aria-label={t('rv.themes.filterBy', { name: name(r.theme) })}>{name(r.theme)}</button>
                    </th>
                    <td>{num(r.n, 0)}</td>
                    <td>{num(r.negative, 0)}</td>
                    <td>{num(r.positive, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loadable>
    </Panel>
  );
}
