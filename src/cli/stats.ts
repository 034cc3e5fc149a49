/**
 * @module `sarafan stats`: an analyst calculator for NPS, CSAT and NPS comparisons (METRICS.md nps.v1,
 * csat.v1). Parsing, computing and formatting happen in the pure {@link runStatsCommand}; the commander
 * registration only forwards its arguments and writes the result.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { DomainError } from '../core/errors.ts';
import { compareNps, computeCsat, npsFromCounts, type Histogram, type MetricResult } from '../core/stats/index.ts';

export interface StatsRunResult {
  stdout: string;
  stderr: string;
  /** 0 on success, 2 on invalid input or usage. */
  exitCode: number;
}

class UsageError extends Error {}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('Expected a non-negative integer count.');
  return Number(value.trim());
}

function parseNpsTriple(value: string): [number, number, number] {
  const parts = value.split(',').map((s) => s.trim());
  if (parts.length !== 3 || !parts.every((p) => /^\d+$/.test(p))) {
    throw new InvalidArgumentError('Expected three non-negative integer counts "detractors,passives,promoters", e.g. 1,2,3.');
  }
  return parts.map(Number) as [number, number, number];
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
    h[score] = Number(m[2]);
  }
  return h;
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

function npsReport(opts: { detractors: number; passives: number; promoters: number; json?: boolean }): string {
  const r = npsFromCounts(opts.detractors, opts.passives, opts.promoters);
  requireAnswers(r.n, 'nps');
  const d = r.details as Record<string, number>;
  if (opts.json) {
    return JSON.stringify({
      definition: r.definition, nps: r.value, variance: d.variance, se: r.se, ci95: r.ci95, n: r.n,
      detractors: d.detractors, passives: d.passives, promoters: d.promoters, smallSample: r.smallSample,
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
    ['95% interval', interval(r.ci95)],
  ], sampleNotes(r));
}

function csatReport(opts: { counts: Histogram; scale: { min: number; max: number }; box?: number; json?: boolean }): string {
  const r = computeCsat(opts.counts, { ...opts.scale, box: opts.box });
  requireAnswers(r.n, 'csat');
  const d = r.details as Record<string, number>;
  const scale = `${opts.scale.min}-${opts.scale.max}`;
  if (opts.json) {
    return JSON.stringify({
      definition: r.definition, csat: r.value, ci95: r.ci95, se: r.se, n: r.n, mean: d.mean,
      satisfied: d.satisfied, box: d.box, scale, smallSample: r.smallSample,
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

function compareReport(first: [number, number, number], second: [number, number, number], json?: boolean): string {
  const a = npsFromCounts(...first);
  const b = npsFromCounts(...second);
  requireAnswers(a.n, 'compare-nps: first group');
  requireAnswers(b.n, 'compare-nps: second group');
  const c = compareNps(a, b);
  if (json) {
    return JSON.stringify({
      definition: c.definition, diff: c.diff, se: c.se, ci95: c.ci95, significant: c.significant,
      nps1: a.value, nps2: b.value, n1: a.n, n2: b.n, se1: a.se, se2: b.se,
    }) + '\n';
  }
  return table(`NPS comparison (${c.definition}, first minus second)`, [
    ['First NPS', `${fmt(a.value as number, 1)} (n = ${a.n}, SE ${fmt(a.se as number, 1)})`],
    ['Second NPS', `${fmt(b.value as number, 1)} (n = ${b.n}, SE ${fmt(b.se as number, 1)})`],
    ['Difference', `${fmt(c.diff, 1)} points`],
    ['Standard error', `${fmt(c.se, 1)} points`],
    ['95% interval', interval(c.ci95)],
    ['Significant', c.significant ? 'yes (|diff| > 1.96 x SE)' : 'no (|diff| <= 1.96 x SE)'],
  ], [...sampleNotes(a, 'first group: '), ...sampleNotes(b, 'second group: ')]);
}

/** Define `stats` and its subcommands on `parent`, writing results through `write`. */
function defineStats(parent: Command, write: (s: string) => void): void {
  const stats = parent.command('stats').description('Analyst calculator: NPS, CSAT and NPS comparisons');
  stats
    .command('nps')
    .description('NPS (nps.v1) from group counts, with variance, standard error and 95% interval')
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
    .description('Difference of two independent NPS values (first minus second) and its significance')
    .argument('<first>', 'first group counts: detractors,passives,promoters', parseNpsTriple)
    .argument('<second>', 'second group counts: detractors,passives,promoters', parseNpsTriple)
    .option('--json', 'print one JSON object with full-precision numbers')
    // Lets "-1,2,3" reach the argument parser (and its clear message) instead of "unknown option".
    .allowUnknownOption()
    .action((first, second, opts) => write(compareReport(first, second, opts.json)));
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
    .description('Analyst calculator: nps, csat, compare-nps (see "sarafan stats --help")')
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
