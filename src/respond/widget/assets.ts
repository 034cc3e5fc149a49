/**
 * The widget's two scripts, read once at start-up and squeezed like the respondent page's script
 * (comments and indentation dropped): the loader served at /w.js (what docs/bench.md measures, gzipped)
 * and the prompt at /w/prompt.js?v=<hash>, which the loader fetches only when a prompt is shown.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { squeeze } from '../assets.ts';

const read = (name: string) => fs.readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');

/** The prompt script as served. */
export const PROMPT_SCRIPT = squeeze(read('prompt.js'), true);
/** A short hash of the prompt script: its URL changes whenever it does, so it can be cached for long. */
export const PROMPT_VERSION = crypto.createHash('sha256').update(PROMPT_SCRIPT).digest('base64url').slice(0, 12);
/** The loader as served: the prompt's version written in. */
export const LOADER_SCRIPT = squeeze(read('loader.js'), true).replace('__PROMPT_VERSION__', PROMPT_VERSION);
