/**
 * The live preview's request rule, kept apart from React so it is unit-tested: each new draft waits for a quiet
 * moment (debounce), and only the answer to the latest request is shown (out-of-order answers are dropped). And
 * where the preview opens: at the question the author just changed (on a phone the page shows one per screen).
 */
import type { QuestionDef } from '../../../core/surveys/types.ts';

/** How long the author's typing must pause before the preview is asked for (ms). */
export const PREVIEW_DEBOUNCE_MS = 300;

/**
 * Numbers requests and tells whether an answer is still the latest: an answer to request 3 arriving after
 * request 4 was sent is stale and must not replace what request 4 will show.
 */
export class LatestOnly {
  private last = 0;
  /** A new request's number. */
  next(): number {
    return ++this.last;
  }
  /** True while no later request has been started. */
  isLatest(n: number): boolean {
    return n === this.last;
  }
}

/** The key of the first question that is new or differs between two drafts (null: none, or no earlier draft). */
export function changedQuestionKey(before: readonly QuestionDef[] | null, after: readonly QuestionDef[]): string | null {
  if (!before) return null;
  const earlier = new Map(before.map((q) => [q.key, JSON.stringify(q)]));
  const changed = after.find((q) => earlier.get(q.key) !== JSON.stringify(q));
  return changed?.key ?? null;
}

/** The preview page opened at question `key`: the page script starts its one-question screens there (data-at). */
export function openAt(html: string, key: string | null): string {
  if (!key) return html;
  const safe = key.replace(/[^a-z0-9_]/g, '');
  return html.replace('<form class="sv" id="sv"', `<form class="sv" id="sv" data-at="${safe}"`);
}
