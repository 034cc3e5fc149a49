/**
 * `sarafan bench --widget` (and the start of every `sarafan bench`): the website widget's scripts as the
 * server sends them (src/respond/widget/assets.ts: the very strings GET /w.js and GET /w/prompt.js answer
 * with), raw and gzipped with node:zlib at its default level. The loader's budget is 5 kB gzipped
 * (issue 10); the prompt loads only when a prompt is shown.
 */
import zlib from 'node:zlib';
import { LOADER_SCRIPT, PROMPT_SCRIPT } from '../src/respond/widget/assets.ts';

/** The loader's budget, gzipped bytes (5 kB = 5,120 bytes, the stricter reading). */
export const WIDGET_LOADER_BUDGET = 5 * 1024;

export interface WidgetSize {
  loaderBytes: number;
  loaderGzip: number;
  promptBytes: number;
  promptGzip: number;
}

export function measureWidgetSize(): WidgetSize {
  const gz = (s: string) => zlib.gzipSync(Buffer.from(s, 'utf8')).length;
  return {
    loaderBytes: Buffer.byteLength(LOADER_SCRIPT),
    loaderGzip: gz(LOADER_SCRIPT),
    promptBytes: Buffer.byteLength(PROMPT_SCRIPT),
    promptGzip: gz(PROMPT_SCRIPT),
  };
}

export function describeWidgetSize(s: WidgetSize): string {
  const verdict = s.loaderGzip <= WIDGET_LOADER_BUDGET ? 'within' : 'OVER';
  return `Website widget: loader /w.js ${s.loaderGzip} bytes gzipped (${s.loaderBytes} raw; ${verdict} the ${WIDGET_LOADER_BUDGET}-byte budget); `
    + `prompt /w/prompt.js, loaded only when shown, ${s.promptGzip} bytes gzipped (${s.promptBytes} raw)`;
}

export function runWidgetBench(opts: { json: boolean }): void {
  const size = measureWidgetSize();
  (opts.json ? process.stderr : process.stdout).write(`${describeWidgetSize(size)}\n`);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ measure: 'widget_size', loader_gzip_bytes: size.loaderGzip, loader_bytes: size.loaderBytes, prompt_gzip_bytes: size.promptGzip, prompt_bytes: size.promptBytes })}\n`);
  }
}
