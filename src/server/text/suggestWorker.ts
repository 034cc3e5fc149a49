/**
 * @module Worker-thread entry (node:worker_threads, started once and reused by themeSuggestions.ts) that
 * discovers theme suggestions with the pure core (src/core/nlp/themeSuggestions.ts discoverThemes: GSDMM,
 * about a second of CPU for 5,000 comments). Each message { id, texts, dictionary } is answered with
 * { id, result } (the ThemeSuggestions) or { id, error }, one at a time.
 */
import { parentPort } from 'node:worker_threads';
import { discoverThemes, type SuggestionInput } from '../../core/nlp/themeSuggestions.ts';
import type { ThemeDefinition } from '../../core/nlp/themes.ts';

parentPort!.on('message', (m: { id: number; texts: SuggestionInput[]; dictionary: ThemeDefinition[] }) => {
  try {
    parentPort!.postMessage({ id: m.id, result: discoverThemes(m.texts, m.dictionary) });
  } catch (err) {
    parentPort!.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
  }
});
