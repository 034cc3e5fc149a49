/**
 * @module Worker-thread entry (node:worker_threads, started by runWorker.ts) that discovers theme
 * suggestions with the pure core (src/core/nlp/themeSuggestions.ts discoverThemes: GSDMM, up to about 2 s
 * of CPU for 5,000 comments). In: workerData { texts, dictionary }. Out: one message, the ThemeSuggestions.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { discoverThemes, type SuggestionInput } from '../../core/nlp/themeSuggestions.ts';
import type { ThemeDefinition } from '../../core/nlp/themes.ts';

const { texts, dictionary } = workerData as { texts: SuggestionInput[]; dictionary: ThemeDefinition[] };
parentPort!.postMessage(discoverThemes(texts, dictionary));
