/**
 * The page's inline CSS and enhancement script, read once at start-up, minified and hashed for the
 * Content-Security-Policy (inline code runs only when its hash matches). The script is the survey logic
 * of src/core/surveys/flow.ts bundled by esbuild (the global `svFlow`, entry assets/flow.ts) followed by
 * enhance.js: the page decides conditions, jumps and piping with the server's own code.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync, transformSync } from 'esbuild';

const read = (name: string) => fs.readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');

/** Drops comments and indentation; the sources avoid '//' and '/*' inside strings, so this is safe for them. */
export function squeeze(source: string, lineComment: boolean): string {
  const noBlocks = source.replace(/\/\*[\s\S]*?\*\//g, '');
  return noBlocks
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !(lineComment && line.startsWith('//')))
    .join('\n');
}

/** The CSP source of an inline script or style. */
export const hash = (code: string) => `'sha256-${crypto.createHash('sha256').update(code, 'utf8').digest('base64')}'`;

export const PAGE_CSS = squeeze(read('page.css'), false);
/** Browsers the page script is written for (optional chaining and `??` stay as they are). */
const TARGET = 'es2020';

/** flow.ts for the browser: an IIFE setting `svFlow` (the entry is .ts in the sources, .js once compiled to dist/server). */
function bundledFlow(): string {
  const entry = fileURLToPath(new URL(`./assets/flow.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url));
  const out = buildSync({
    entryPoints: [entry], bundle: true, minify: true, format: 'iife', globalName: 'svFlow', write: false, target: TARGET,
    legalComments: 'none', charset: 'utf8', logLevel: 'silent',
  });
  return out.outputFiles[0].text.trim();
}

export const PAGE_SCRIPT = `${bundledFlow()}\n${transformSync(read('enhance.js'), { minify: true, target: TARGET, charset: 'utf8' }).code.trim()}`;

/** Only the inlined styles and script may run; forms post back to this origin only. */
const contentSecurityPolicy = (extraStyle: string) => [
  "default-src 'none'",
  `style-src ${hash(PAGE_CSS)}${extraStyle ? ` ${hash(extraStyle)}` : ''}`,
  `script-src ${hash(PAGE_SCRIPT)}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
].join('; ');

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy('');

/** Headers sent with every respondent page. */
export const PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  // Hidden fields (order numbers...) live in the URL: never leak it to other sites.
  'referrer-policy': 'no-referrer',
  // Each form carries a fresh idempotency key; a cached page would reuse one across people.
  'cache-control': 'no-store',
};

/** The headers of a page that inlines `extraStyle` (an organisation's accent) besides the page CSS. */
export function pageHeaders(extraStyle: string): Record<string, string> {
  return extraStyle ? { ...PAGE_HEADERS, 'content-security-policy': contentSecurityPolicy(extraStyle) } : PAGE_HEADERS;
}
