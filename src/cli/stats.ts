/**
 * @module `sarafan stats`: an analyst calculator for NPS, CSAT and their comparisons (METRICS.md nps.v1,
 * csat.v1, "Intervals and tests"). Parsing, computing and formatting happen in the pure {@link runStatsCommand}; the commander
 * registration only forwards its arguments and writes the result.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { DomainError } from '../core/errors.ts';
import {
  compareNps,
  compareShares,
  computeCsat,
  csatFromCounts,
  npsFromCounts,
  type ComparisonResult,
  type ComparisonTest,
  type Histogram,
  type MetricResult,
  type ShareCounts,
} from '../core/stats/index.ts';

export interface StatsRunResult {
  stdout: string;
  stderr: string;
  /** 0 on success, 2 on invalid input or usage. */
  exitCode: number;
}

class UsageError extends Error {}

/** Counts must be exact: beyond 2^53 - 1 a double can no longer hold every integer. */
function safeCount(digits: string, what: string): number {
  const x = Number(digits);
  if (!Number.isSafeInteger(x)) {
    throw new InvalidArgumentError(`${what} ${digits} is beyond 2^53 - 1 = ${Number.MAX_SAFE_INTEGER}, the largest count computed exactly.`);
  }
  return x;
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('Expected a non-negative integer count.');
  return safeCount(value.trim(), 'count');
}

function parseNpsTriple(value: string): [number, number, number] {
  const parts = value.split(',').map((s) => s.trim());
  if (parts.length !== 3 || !parts.every((p) => /^\d+$/.test(p))) {
    throw new InvalidArgumentError('Expected three non-negative integer counts "detractors,passives,promoters", e.g. 1,2,3.');
  }
  return parts.map((p) => safeCount(p, 'count')) as [number, number, number];
}

/** "satisfied/total", e.g. "5/5" or "6/10". */
function parseShareCounts(value: string): { successes: number; n: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m) throw new InvalidArgumentError(`Expected "satisfied/total" with non-negative integers, e.g. 6/10; got "${value}".`);
  const successes = safeCount(m[1], 'count');
  const n = safeCount(m[2], 'count');
  if (n === 0) throw new InvalidArgumentError(`"${value}": the total must be at least 1.`);
  if (successes > n) throw new InvalidArgumentError(`"${value}": satisfied cannot exceed the total.`);
  return { successes, n };
}

function parseScale(value: string): { min: number; max: number } {
  const m = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(value);
  if (!m || Number(m[1]) >= Number(m[2])) throw new InvalidArgumentError('Expected a scale "min-max" with min < max, e.g. 1-5.');
  return { min: Number(m[1]), max: Number(m[2]) };
}

function parseHistogram(value: string): Histogram {
  const h: Record<number, number> = {};
  const items = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new InvalidArgumentError('Expected "score:count" pairs, e.g. "5:10,4:20".');
  for (const item of items) {
    const m = /^(\d+)\s*:\s*(\d+)$/.exec(item);
    if (!m) throw new InvalidArgumentError(`"${item}" is not a "score:count" pair of non-negative integers.`);
    const score = Number(m[1]);
    if (score in h) throw new InvalidArgumentError(`score ${score} is given twice.`);
    h[score] = safeCount(m[2], 'count');
  }
  return h;
}

/** Totals must stay exact too (each count may be safe while their sum is not). */
function requireSafeTotal(counts: readonly number[], what: string): void {
  if (!Number.isSafeInteger(counts.reduce((s, c) => s + c, 0))) {
    throw new UsageError(`${what}: the counts add up beyond 2^53 - 1 = ${Number.MAX_SAFE_INTEGER}, the largest count computed exactly.`);
  }
}

/** Fixed decimals without a "-0.0". */
function fmt(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return Number(s) === 0 ? (0).toFixed(digits) : s;
}

function interval(ci: [number, number] | null, digits = 1): string {
  return ci ? `${fmt(ci[0], digits)} to ${fmt(ci[1], digits)}` : 'n/a';
}

function table(title: string, rows: Array<[string, string]>, notes: string[] = []): string {
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const body = rows.map(([label, value]) => `  ${label.padEnd(width)}${value}`);
  return [title, ...body, ...notes].join('\n') + '\n';
}

function sampleNotes(r: MetricResult, label = ''): string[] {
  if (r.hiddenInSharedReports) return [`Note: ${label}n = ${r.n} < 5, hidden in shared reports (anonymity).`];
  if (r.smallSample) return [`Note: ${label}small sample (n = ${r.n} < 30).`];
  return [];
}

function requireAnswers(n: number, what: string): void {
  if (n === 0) throw new UsageError(`${what}: all counts are zero, there are no answers to compute from.`);
}

/** The small-sample flags every --json result carries (for a comparison: true when either side is flagged). */
function flags(...results: MetricResult[]): { smallSample: boolean; hiddenInSharedReports: boolean } {
  return {
    smallSample: results.some((r) => r.smallSample),
    hiddenInSharedReports: results.some((r) => r.hiddenInSharedReports),
  };
}

function npsReport(opts: { detractors: number; passives: number; promoters: number; json?: boolean }): string {
  requireSafeTotal([opts.detractors, opts.passives, opts.promoters], 'nps');
  const r = npsFromCounts(opts.detractors, opts.passives, opts.promoters);
  requireAnswers(r.n, 'nps');
  const d = r.details as Record<string, number>;
  if (opts.json) {
    return JSON.stringify({
      definition: r.definition, nps: r.value, variance: d.variance, se: r.se, ci95: r.ci95, ci95Method: r.ci95Method, n: r.n,
      detractors: d.detractors, passives: d.passives, promoters: d.promoters, ...flags(r),
    }) + '\n';
  }
  return table(`NPS (${r.definition})`, [
    ['Detractors (0-6)', `${d.detractors} (${fmt(d.pctDetractors, 1)}%)`],
    ['Passives (7-8)', `${d.passives} (${fmt(d.pctPassives, 1)}%)`],
    ['Promoters (9-10)', `${d.promoters} (${fmt(d.pctPromoters, 1)}%)`],
    ['n', String(r.n)],
    ['NPS', fmt(r.value as number, 1)],
    ['Variance', fmt(d.variance, 4)],
    ['Standard error', `${fmt(r.se as number, 1)} points`],
    ['95% interval', `${interval(r.ci95)} (adjusted Wald)`],
  ], sampleNotes(r));
}

function csatReport(opts: { counts: Histogram; scale: { min: number; max: number }; box?: number; json?: boolean }): string {
  requireSafeTotal(Object.values(opts.counts), 'csat');
  const r = computeCsat(opts.counts, { ...opts.scale, box: opts.box });
  requireAnswers(r.n, 'csat');
  const d = r.details as Record<string, number>;
  const scale = `${opts.scale.min}-${opts.scale.max}`;
  if (opts.json) {
    return JSON.stringify({
      definition: r.definition, csat: r.value, ci95: r.ci95, ci95Method: r.ci95Method, se: r.se, n: r.n, mean: d.mean,
      satisfied: d.satisfied, box: d.box, scale, ...flags(r),
    }) + '\n';
  }
  return table(`CSAT (${r.definition}, scale ${scale}, satisfied = ${d.box}..${opts.scale.max})`, [
    ['n', String(r.n)],
    ['Satisfied', String(d.satisfied)],
    ['CSAT', `${fmt(r.value as number, 1)}%`],
    ['95% interval', `${interval(r.ci95)} % (Wilson)`],
    ['Mean', fmt(d.mean, 2)],
  ], sampleNotes(r));
}

const TEST_LABELS: Record<ComparisonTest, string> = {
  adjusted_wald_z: 'z on adjusted-Wald NPS (Rocks 2016)',
  two_proportion_z: 'pooled two-proportion z',
  fisher_exact: "Fisher's exact (two-sided)",
  welch_t: "Welch's t",
};

function pValueText(p: number | null): string {
  if (p === null) return 'n/a';
  return p < 0.0001 ? '< 0.0001' : p.toFixed(4);
}

function significanceText(c: ComparisonResult): string {
  if (c.significant) return 'yes (p < 0.05, both groups n >= 30)';
  return c.reason ? `no: ${c.reason.message}` : 'no (p >= 0.05)';
}

/** The test's fields of a comparison, as --json prints them. */
function changeJson(c: ComparisonResult) {
  return {
    definition: c.definition, diff: c.diff, se: c.se, ci95: c.ci95, ci95Method: c.ci95Method,
    pValue: c.pValue, test: c.test, significant: c.significant, ...(c.reason ? { reason: c.reason } : {}),
  };
}

function compareReport(first: [number, number, number], second: [number, number, number], json?: boolean): string {
  requireSafeTotal(first, 'compare-nps: first group');
  requireSafeTotal(second, 'compare-nps: second group');
  const a = npsFromCounts(...first);
  const b = npsFromCounts(...second);
  requireAnswers(a.n, 'compare-nps: first group');
  requireAnswers(b.n, 'compare-nps: second group');
  const c = compareNps(a, b);
  if (json) {
    return JSON.stringify({
      ...changeJson(c), nps1: a.value, nps2: b.value, n1: a.n, n2: b.n, se1: a.se, se2: b.se, ...flags(a, b),
    }) + '\n';
  }
  return table(`NPS comparison (${c.definition}, first minus second)`, [
    ['First NPS', `${fmt(a.value as number, 1)} (n = ${a.n}, SE ${fmt(a.se as number, 1)})`],
    ['Second NPS', `${fmt(b.value as number, 1)} (n = ${b.n}, SE ${fmt(b.se as number, 1)})`],
    ['Difference', `${fmt(c.diff as number, 1)} points`],
    ['Standard error', `${fmt(c.se as number, 1)} points (adjusted Wald)`],
    ['95% interval', `${interval(c.ci95)} (adjusted Wald)`],
    ['Test', TEST_LABELS[c.test]],
    ['p-value', pValueText(c.pValue)],
    ['Significant', significanceText(c)],
  ], [...sampleNotes(a, 'first group: '), ...sampleNotes(b, 'second group: ')]);
}

function compareCsatReport(first: ShareCounts, second: ShareCounts, json?: boolean): string {
  // CSAT results, so the change is csat.v1.diff as on the dashboard (bare counts would be share.v1.diff).
  const a = csatFromCounts(first.successes, first.n);
  const b = csatFromCounts(second.successes, second.n);
  const c = compareShares(a, b);
  if (json) {
    return JSON.stringify({
      ...changeJson(c), csat1: a.value, csat2: b.value, satisfied1: first.successes, satisfied2: second.successes,
      n1: a.n, n2: b.n, ...flags(a, b),
    }) + '\n';
  }
  return table(`CSAT comparison (${c.definition}: satisfied shares, first minus second)`, [
    ['First CSAT', `${fmt(a.value as number, 1)}% (${first.successes} of ${first.n})`],
    ['Second CSAT', `${fmt(b.value as number, 1)}% (${second.successes} of ${second.n})`],
    ['Difference', `${fmt(c.diff as number, 1)} points`],
    ['95% interval', `${interval(c.ci95)} (Newcombe, from Wilson intervals)`],
    ['Test', TEST_LABELS[c.test]],
    ['p-value', pValueText(c.pValue)],
    ['Significant', significanceText(c)],
  ], [...sampleNotes(a, 'first group: '), ...sampleNotes(b, 'second group: ')]);
}

/** Define `stats` and its subcommands on `parent`, writing results through `write`. */
function defineStats(parent: Command, write: (s: string) => void): void {
  const stats = parent
    .command('stats')
    .description('Analyst calculator: NPS, CSAT and comparisons (METRICS.md "Intervals and tests")')
    .addHelpText('after', `
Counts are non-negative integers up to 2^53 - 1; anything else exits with code 2.
Comparisons are significant only when p < 0.05 and both groups have at least 30 answers;
otherwise the result says why ("reason"). Every --json result carries smallSample (n < 30)
and hiddenInSharedReports (n < 5); for a comparison, true when either group is.

Examples:
  sarafan stats nps --detractors 1 --passives 2 --promoters 3
  sarafan stats csat --counts 5:10,4:20,3:10,2:5,1:5 --scale 1-5
  sarafan stats compare-nps 10,20,70 40,20,40
  sarafan stats compare-csat 5/5 6/10 --json`);
  stats
    .command('nps')
    .description('NPS (nps.v1) from group counts, with variance, standard error and adjusted-Wald 95% interval')
    .requiredOption('--detractors <count>', 'answers 0-6', parseCount)
    .requiredOption('--passives <count>', 'answers 7-8', parseCount)
    .requiredOption('--promoters <count>', 'answers 9-10', parseCount)
    .option('--json', 'print one JSON object with full-precision numbers')
    .action((opts) => write(npsReport(opts)));
  stats
    .command('csat')
    .description('CSAT (csat.v1): percent satisfied with a Wilson 95% interval')
    .requiredOption('--counts <pairs>', 'score:count pairs, e.g. "5:10,4:20,3:10,2:5,1:5"', parseHistogram)
    .option('--scale <min-max>', 'rating scale', parseScale, { min: 1, max: 5 })
    .option('--box <score>', 'lowest satisfied score (default: METRICS.md box for the scale)', parseCount)
    .option('--json', 'print one JSON object with full-precision numbers')
    .action((opts) => write(csatReport(opts)));
  stats
    .command('compare-nps')
    .description('Difference of two independent NPS values (first minus second): adjusted-Wald z test, p-value')
    .argument('<first>', 'first group counts: detractors,passives,promoters', parseNpsTriple)
    .argument('<second>', 'second group counts: detractors,passives,promoters', parseNpsTriple)
    .option('--json', 'print one JSON object with full-precision numbers')
    // Lets "-1,2,3" reach the argument parser (and its clear message) instead of "unknown option".
    .allowUnknownOption()
    .action((first, second, opts) => write(compareReport(first, second, opts.json)));
  stats
    .command('compare-csat')
    .description('Difference of two CSAT shares (first minus second): pooled z, or Fisher\'s exact when an expected count is below 5')
    .argument('<first>', 'first group: satisfied/total, e.g. 5/5', parseShareCounts)
    .argument('<second>', 'second group: satisfied/total, e.g. 6/10', parseShareCounts)
    .option('--json', 'print one JSON object with full-precision numbers')
    .allowUnknownOption()
    .action((first, second, opts) => write(compareCsatReport(first, second, opts.json)));
}

/**
 * Run `sarafan stats <args...>` without touching the process: parse, compute, format.
 * @param args the arguments after `stats`, e.g. `['nps', '--detractors', '1', '--passives', '2', '--promoters', '3']`
 * @returns captured stdout/stderr and the exit code (0 ok, 2 invalid input or usage).
 */
export function runStatsCommand(args: readonly string[]): StatsRunResult {
  let stdout = '';
  let stderr = '';
  const root = new Command('sarafan')
    .exitOverride()
    .configureOutput({ writeOut: (s) => (stdout += s), writeErr: (s) => (stderr += s) });
  defineStats(root, (s) => (stdout += s));
  try {
    root.parse(['stats', ...args], { from: 'user' });
    return { stdout, stderr, exitCode: 0 };
  } catch (err) {
    if (err instanceof CommanderError) return { stdout, stderr, exitCode: err.exitCode === 0 ? 0 : 2 };
    if (err instanceof UsageError || err instanceof DomainError) {
      return { stdout, stderr: `${stderr}error: ${err.message}\n`, exitCode: 2 };
    }
    throw err;
  }
}

/**
 * Add `sarafan stats` to the main program. It forwards everything after `stats` to {@link runStatsCommand}
 * and sets process.exitCode from it (no process.exit).
 */
export function registerStatsCommand(program: Command): void {
  program
    .command('stats')
    .description('Analyst calculator: nps, csat, compare-nps, compare-csat (see "sarafan stats --help")')
    .argument('[args...]', 'subcommand and its options')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .action((_args: string[], _opts: unknown, cmd: Command) => {
      const r = runStatsCommand(cmd.args);
      process.stdout.write(r.stdout);
      process.stderr.write(r.stderr);
      if (r.exitCode !== 0) process.exitCode = r.exitCode;
    });
}
