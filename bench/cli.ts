/**
 * `npm run bench` (also `sarafan bench` from a source checkout): a benchmark, not a test. See docs/bench.md.
 * Generates N answers into DATABASE_URL or a temporary embedded PostgreSQL, then times the
 * dashboard API against a stream-everything-into-JavaScript baseline, then measures ingest (HTTP
 * submissions next to plain INSERTs of the same rows).
 */
import { Command } from 'commander';

const count = (name: string, min: number) => (v: string) => {
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}`);
  return n;
};

/** The `bench` command with its options (bench/main.ts parses the arguments with it). */
export function benchCommand(): Command {
  return new Command('bench')
    .description('Benchmark the dashboard API on N generated answers against streaming every answer into JavaScript')
    .option('--answers <n>', 'answers to generate', count('--answers', 10), 1_000_000)
    .option('--runs <n>', 'timed runs per dashboard call', count('--runs', 1), 20)
    .option('--json', 'print one JSON line per measurement on stdout (the table goes to stderr)')
    .option('--fresh', 'regenerate even when data for this N exists')
    .option('--keep', 'keep the temporary data directory of small runs (runs of 1M+ answers are always kept for reuse)')
    .option('--ingest', 'measure only ingest: HTTP submissions next to plain INSERTs of the same rows (docs/bench.md "Ingest")')
    .option('--skip-ingest', 'measure only the dashboard calls')
    .option('--startup', 'measure only the dashboard\'s first-view download and the start time of `sarafan start` (docs/bench.md "Start and first view")')
    .option('--widget', 'print only the website widget loader\'s size, gzipped (docs/bench.md "Website widget")')
    .option('--count <n>', 'ingest: submissions per phase at most', count('--count', 1), 20_000)
    .option('--seconds <n>', 'ingest: seconds per phase at most', count('--seconds', 1), 20)
    .option('--concurrency <n>', 'ingest: requests in flight', count('--concurrency', 1), 24)
    .option('--support', 'measure only the support event import (docs/bench.md "Support import")')
    .option('--skip-support', 'leave out the support event import')
    .option('--support-rows <n>', 'support import: rows of the generated event file', count('--support-rows', 10), 1_000_000)
    .option('--funnel', 'measure only the store funnel\'s latency (docs/bench.md "Funnel latency")')
    .option('--funnel-transactions <n>', 'funnel latency: till transactions the hourly store data stands for', count('--funnel-transactions', 1000), 1_000_000)
    .option('--store', 'measure only the store transaction import (docs/bench.md "Store import")')
    .option('--skip-store', 'leave out the store transaction import')
    .option('--store-rows <n>', 'store import: rows of the generated transaction file', count('--store-rows', 10), 1_000_000)
    .option('--loyalty', 'measure only the loyalty calls\' cold and warm latency and `sarafan loyalty` (docs/bench.md "Loyalty latency")')
    .option('--skip-loyalty', 'leave out the loyalty latency')
    .option('--home-pdf', 'measure only GET /api/v1/home (owner, store manager) and a report PDF (en, fa) on the --answers data (docs/bench.md "Home and report PDF")')
    .action(async (opts: {
      answers: number; runs: number; json?: boolean; widget?: boolean; fresh?: boolean; keep?: boolean; ingest?: boolean; skipIngest?: boolean; startup?: boolean;
      count: number; seconds: number; concurrency: number; support?: boolean; skipSupport?: boolean; supportRows: number; funnel?: boolean; funnelTransactions: number;
      store?: boolean; skipStore?: boolean; storeRows: number; loyalty?: boolean; skipLoyalty?: boolean; homePdf?: boolean;
    }) => {
      // Each step's modules are loaded when it runs: loading them all (the server, the text models) took 270 MB of RSS
      // before the first row, which a step run alone (`--store`, `--support`) reported as its own peak.
      const json = !!opts.json;
      const ingest = async (freshDataDir = false) => (await import('./ingest.ts')).runIngestBench({
        count: opts.count, seconds: opts.seconds, concurrency: opts.concurrency, json, freshDataDir,
      });
      const support = async () => (await import('./supportImport.ts')).runSupportImportBench({ rows: opts.supportRows, json });
      const funnel = async () => (await import('./funnelLatency.ts')).runFunnelBench({ transactions: opts.funnelTransactions, json });
      const store = async () => (await import('./storeImport.ts')).runStoreImportBench({ rows: opts.storeRows, json });
      const loyalty = async () => (await import('./loyaltyLatency.ts')).runLoyaltyBench({ rows: opts.storeRows, json });
      if (opts.ingest) return void (await ingest());
      if (opts.support) return void (await support());
      if (opts.funnel) return void (await funnel());
      if (opts.store) return void (await store());
      if (opts.loyalty) return void (await loyalty());
      const dashboard = async (homePdfOnly: boolean) => (await import('./runBench.ts')).runBench({
        answers: opts.answers, runs: opts.runs, json, fresh: !!opts.fresh, keep: !!opts.keep, homePdfOnly,
      });
      if (opts.homePdf) return void (await dashboard(true));
      (await import('./widgetSize.ts')).runWidgetBench({ json });
      if (opts.widget) return;
      await (await import('./startup.ts')).runStartupBench({ json });
      if (opts.startup) return;
      await dashboard(false);
      if (!opts.skipIngest) await ingest(true);
      if (!opts.skipSupport) await support();
      if (!opts.skipStore) await store();
      await funnel();
      if (!opts.skipLoyalty) await loyalty();
    });
}
