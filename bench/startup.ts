/**
 * `sarafan bench --startup` (and the start of every `sarafan bench`): what the dashboard's first view
 * downloads (bench/dashboardSize.ts) and how long `sarafan start` takes (bench/startTime.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeDashboardSize, measureDashboardSize } from './dashboardSize.ts';
import { describeStartTimes, measureStartTimes } from './startTime.ts';

/** The dashboard build `sarafan start` serves (the benchmark runs from the sources: bench/ is beside dist/). */
const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

export async function runStartupBench(opts: { json: boolean }): Promise<void> {
  // Human lines go to stderr with --json, so stdout carries only the JSON lines.
  const say = (m: string) => (opts.json ? process.stderr : process.stdout).write(`${m}\n`);
  const json = (o: object) => opts.json && process.stdout.write(`${JSON.stringify(o)}\n`);
  try {
    const size = measureDashboardSize(WEB_DIR);
    say(describeDashboardSize(size));
    json({ measure: 'dashboard_size', first_view_gzip_bytes: size.firstViewGzip, entry_gzip_bytes: size.entryGzip, all_gzip_bytes: size.allGzip });
  } catch (err) {
    say(`Dashboard size not measured: ${(err as Error).message}`);
  }
  say('Measuring start times (a first start and 3 restarts of `sarafan start` with the embedded PostgreSQL)...');
  const times = await measureStartTimes(3);
  say(describeStartTimes(times));
  json({ measure: 'startup', ...times });
}
