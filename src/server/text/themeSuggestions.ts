/**
 * @module Suggested themes of a survey's comments (docs/comments.md, "Suggested themes"): the newest
 * comments without a theme in the caller's scope and filters are clustered in a worker thread (the pure
 * core's discoverThemes; the comments matching the current dictionary are left out there, so a theme just
 * accepted hides its comments before the re-analysis has run), then dismissed suggestions are hidden.
 * Results are kept per exact input (the clustering is seeded: same texts and dictionary, same answer).
 */
import { createHash } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import type pg from 'pg';
import type { ThemeSuggestionsAnswer } from '../../core/api/themeSuggestions.ts';
import type { CommentFilterQuery } from '../../core/api/comments.ts';
import { isDismissed, SUGGESTION_TEXTS, themeIdFor, type SuggestionInput, type ThemeSuggestions } from '../../core/nlp/themeSuggestions.ts';
import type { ThemeDefinition } from '../../core/nlp/themes.ts';
import type { AnalysisLanguage } from '../../core/nlp/languages.ts';
import type { SourceContext } from '../../db/queries/analyticsSource.ts';
import type { LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import { listCommentTexts } from '../../db/text/commentAnalysis.ts';
import { listDismissedSuggestions } from '../../db/text/themeSuggestionDismissals.ts';
import { insertOrgTheme } from '../../db/text/orgThemes.ts';
import { orgThemes } from './analyseComments.ts';
import { commentFilter } from './commentViews.ts';
import { startTextWorker } from './runWorker.ts';

/** Results kept (the newest inputs); an identical request in flight shares the computation. */
const CACHE_SIZE = 16;
const cache = new Map<string, Promise<ThemeSuggestions>>();
/** An idle worker ends after this long (it holds the stemmers and the language detector in memory). */
const IDLE_MS = 60_000;

interface Pending { resolve: (r: ThemeSuggestions) => void; reject: (e: Error) => void }
/**
 * One worker per process, started on first use and reused (its start-up costs more than a discovery), so
 * discoveries also run one at a time whatever the number of analysts asking.
 */
let shared: { worker: Worker; pending: Map<number, Pending>; idle: NodeJS.Timeout | null } | null = null;
let nextId = 0;

function sharedWorker() {
  if (shared) return shared;
  const worker = startTextWorker('suggestWorker');
  const state = { worker, pending: new Map<number, Pending>(), idle: null as NodeJS.Timeout | null };
  const fail = (err: Error) => {
    if (shared === state) shared = null;
    for (const p of state.pending.values()) p.reject(err);
    state.pending.clear();
  };
  worker.on('message', (m: { id: number; result?: ThemeSuggestions; error?: string }) => {
    const p = state.pending.get(m.id);
    state.pending.delete(m.id);
    if (m.error !== undefined) p?.reject(new Error(m.error));
    else p?.resolve(m.result!);
    if (state.pending.size === 0) {
      state.idle = setTimeout(() => {
        if (shared === state) shared = null;
        void worker.terminate();
      }, IDLE_MS);
      state.idle.unref();
    }
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`suggestWorker exited with code ${code}`)));
  worker.unref();
  shared = state;
  return state;
}

function discoverInWorker(texts: SuggestionInput[], dictionary: ThemeDefinition[]): Promise<ThemeSuggestions> {
  // Nothing to cluster: no worker needed.
  if (texts.length === 0) return Promise.resolve({ unmatched: 0, otherLanguage: 0, suggestions: [] });
  const key = createHash('sha256').update(JSON.stringify([texts, dictionary])).digest('hex');
  let result = cache.get(key);
  if (!result) {
    const w = sharedWorker();
    if (w.idle) clearTimeout(w.idle);
    w.idle = null;
    const id = nextId++;
    result = new Promise<ThemeSuggestions>((resolve, reject) => w.pending.set(id, { resolve, reject }));
    w.worker.postMessage({ id, texts, dictionary });
    cache.set(key, result);
    result.catch(() => cache.delete(key));
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return result;
}

/**
 * The suggestions answer: comments read from `pools.read` (in scope and filters), the dictionary and the
 * dismissals from `pools.primary` (current, and seeding the dictionary writes).
 */
export async function getThemeSuggestions(pools: { read: pg.Pool; primary: pg.Pool }, orgId: string, ctx: SourceContext, survey: LoadedSurvey, q: Omit<CommentFilterQuery, 'theme'>): Promise<ThemeSuggestionsAnswer> {
  const [rows, dictionary, dismissedKeys] = await Promise.all([
    listCommentTexts(pools.read, ctx, { ...commentFilter(survey, q), unthemed: true }, SUGGESTION_TEXTS + 1),
    orgThemes(pools.primary, orgId),
    listDismissedSuggestions(pools.primary, orgId),
  ]);
  const texts = rows.slice(0, SUGGESTION_TEXTS).map((r) => ({ text: r.text, language: r.language }));
  const found = await discoverInWorker(texts, dictionary);
  const shown = found.suggestions.filter((s) => !isDismissed(s.key, dismissedKeys));
  return {
    limit: SUGGESTION_TEXTS,
    read: texts.length,
    truncated: rows.length > SUGGESTION_TEXTS,
    unmatched: found.unmatched,
    otherLanguage: found.otherLanguage,
    dismissed: found.suggestions.length - shown.length,
    suggestions: shown,
  };
}

/**
 * Creates a theme from an accepted suggestion: named `name` in every language (until edited), its words
 * as the `lang` terms, with an id made from the name ("_2"... when taken; a concurrent creation of the same
 * id is retried). @returns the theme created
 */
export async function acceptSuggestion(pool: pg.Pool, orgId: string, input: { name: string; lang: AnalysisLanguage; terms: string[] }): Promise<ThemeDefinition> {
  for (;;) {
    const taken = new Set((await orgThemes(pool, orgId)).map((t) => t.id));
    const theme: ThemeDefinition = { id: themeIdFor(input.name, taken), names: { en: input.name, ru: input.name, fa: input.name }, terms: { [input.lang]: input.terms } };
    if (await insertOrgTheme(pool, orgId, theme)) return theme;
  }
}
