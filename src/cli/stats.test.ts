import { describe, it, expect, vi } from 'vitest';
import { Command } from 'commander';
import { registerStatsCommand, runStatsCommand } from './stats.ts';

const json = (args: string[]) => {
  const r = runStatsCommand([...args, '--json']);
  expect(r.exitCode).toBe(0);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};

describe('sarafan stats nps', () => {
  const args = ['nps', '--detractors', '1', '--passives', '2', '--promoters', '3'];

  it('prints the METRICS.md worked check as a table', () => {
    const r = runStatsCommand(args);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/NPS\s+33\.3\n/);
    expect(r.stdout).toMatch(/Variance\s+0\.5556\n/);
    expect(r.stdout).toMatch(/Standard error\s+30\.4 points/);
    // Adjusted Wald: NPS' = 22.2222, SE' = 24.98285 -> 22.22 -/+ 48.97 (see nps.test.ts).
    expect(r.stdout).toMatch(/95% interval\s+-26\.7 to 71\.2 \(adjusted Wald\)/);
    expect(r.stdout).toMatch(/small sample/);
  });

  it('prints one JSON object with full precision', () => {
    const o = json(args);
    expect(o).toMatchObject({ definition: 'nps.v1', n: 6 });
    expect(o.nps).toBeCloseTo(100 / 3, 12);
    expect(o.variance).toBeCloseTo(5 / 9, 12);
    expect(o.se).toBeCloseTo(30.42903097, 7);
    expect(o.ci95[0]).toBeCloseTo(22.22222 - 48.96639, 4);
    expect(o.ci95[1]).toBeCloseTo(22.22222 + 48.96639, 4);
    expect(o).toMatchObject({ ci95Method: 'adjusted_wald', smallSample: true, hiddenInSharedReports: false });
    expect(json(['nps', '--detractors', '0', '--passives', '1', '--promoters', '3'])).toMatchObject({ n: 4, smallSample: true, hiddenInSharedReports: true });
    expect(json(['nps', '--detractors', '10', '--passives', '10', '--promoters', '10'])).toMatchObject({ n: 30, smallSample: false, hiddenInSharedReports: false });
  });

  it.each([
    [['nps', '--detractors', '-1', '--passives', '2', '--promoters', '3'], /--detractors.*non-negative integer/],
    [['nps', '--detractors', '1.5', '--passives', '2', '--promoters', '3'], /non-negative integer/],
    [['nps', '--detractors', '', '--passives', '2', '--promoters', '3'], /non-negative integer/],
    [['nps', '--detractors', '0', '--passives', '0', '--promoters', '0'], /all counts are zero/],
    // 2^53 + 1 = 9007199254740993 cannot be held exactly by a double.
    [['nps', '--detractors', '9007199254740993', '--passives', '2', '--promoters', '3'], /beyond 2\^53 - 1/],
    [['nps', '--detractors', '9007199254740991', '--passives', '2', '--promoters', '3'], /add up beyond 2\^53 - 1/],
    [['nps', '--detractors', '1e3', '--passives', '2', '--promoters', '3'], /non-negative integer/],
    [['nps', '--detractors', '1', '--passives', '2'], /--promoters/],
    [['nope'], /unknown command/],
  ])('rejects invalid input %j with exit code 2', (bad, message) => {
    const r = runStatsCommand(bad);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('sarafan stats csat', () => {
  it('METRICS.md example gives 60% with a Wilson interval', () => {
    const r = runStatsCommand(['csat', '--counts', '5:10,4:20,3:10,2:5,1:5']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/CSAT\s+60\.0%/);
    expect(r.stdout).toMatch(/46\.2 to 72\.4/);
    const o = json(['csat', '--counts', '5:10,4:20,3:10,2:5,1:5', '--scale', '1-5']);
    expect(o).toMatchObject({ csat: 60, n: 50, mean: 3.5, box: 4, definition: 'csat.v1', ci95Method: 'wilson', smallSample: false, hiddenInSharedReports: false });
    expect(o.ci95[0]).toBeCloseTo(46.18118910, 7);
  });

  it('honours --box and --scale', () => {
    expect(json(['csat', '--counts', '5:10,4:20,3:10,2:5,1:5', '--box', '5']).csat).toBe(20);
    expect(json(['csat', '--counts', '10:1,9:1,8:1,7:1', '--scale', '1-10']).csat).toBe(75);
  });

  it.each([
    [['csat', '--counts', ''], /score:count/],
    [['csat', '--counts', '5:-1'], /score:count/],
    [['csat', '--counts', '5:1,5:2'], /given twice/],
    [['csat', '--counts', '6:1'], /outside the 1..5 scale/],
    [['csat', '--counts', '5:0,4:0'], /all counts are zero/],
    [['csat', '--counts', '5:1', '--scale', '5-1'], /min < max/],
    [['csat', '--counts', '9:1', '--scale', '0-10'], /box/],
    [['csat', '--counts', '5:99999999999999999999'], /beyond 2\^53 - 1/],
    [['csat', '--counts', '5:1.5'], /score:count/],
  ])('rejects %j with exit code 2', (bad, message) => {
    const r = runStatsCommand(bad);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('sarafan stats compare-nps', () => {
  it('repro: one promoter vs one detractor is not significant, and says why', () => {
    // Adjusted Wald on each side: NPS' = +/-25, SE' = 37.5 -> SE = 53.033, z = 0.9428, p = 0.3458 (see compare.test.ts).
    const o = json(['compare-nps', '0,0,1', '1,0,0']);
    expect(o).toMatchObject({ diff: 200, test: 'adjusted_wald_z', significant: false, definition: 'nps.v1.diff', smallSample: true, hiddenInSharedReports: true });
    expect(o.pValue).toBeCloseTo(0.3458, 3);
    expect(o.reason.code).toBe('small_sample');
    const r = runStatsCommand(['compare-nps', '0,0,1', '1,0,0']);
    expect(r.stdout).toMatch(/p-value\s+0\.3458/);
    expect(r.stdout).toMatch(/Significant\s+no: a side has fewer than 30 answers/);
  });

  it('first minus second, with the adjusted SE, p-value and significance', () => {
    // SE = sqrt(43.8765 + 76.8216) = 10.9863 (adjusted Wald; see compare.test.ts); z = 5.30 -> p < 0.001.
    const o = json(['compare-nps', '10,20,70', '40,20,40']);
    expect(o.diff).toBeCloseTo(60, 12);
    expect(o.se).toBeCloseTo(10.9863, 4);
    expect(o.pValue).toBeLessThan(0.001);
    expect(o).toMatchObject({ significant: true, n1: 100, n2: 100, nps2: 0, smallSample: false, hiddenInSharedReports: false });
    expect(o.reason).toBeUndefined();
    expect(o.nps1).toBeCloseTo(60, 12);
    const r = runStatsCommand(['compare-nps', '1,2,3', '10,20,70']);
    expect(r.stdout).toMatch(/Difference\s+-26\.7 points/);
    expect(r.stdout).toMatch(/Significant\s+no/);
  });

  it.each([
    [['compare-nps', '1,2,3', '-1,2,3'], /detractors,passives,promoters/],
    [['compare-nps', '1,2', '1,2,3'], /three non-negative integer counts/],
    [['compare-nps', '1,2,3'], /missing required argument/],
    [['compare-nps', '0,0,0', '1,2,3'], /first group: all counts are zero/],
    [['compare-nps', '1,2,3', '1,2.5,3'], /three non-negative integer counts/],
    [['compare-nps', '1,2,9007199254740992', '1,2,3'], /beyond 2\^53 - 1/],
  ])('rejects %j with exit code 2', (bad, message) => {
    const r = runStatsCommand(bad);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('sarafan stats compare-csat', () => {
  it('repro: 5/5 vs 6/10 satisfied -> Fisher p = 693/3003 = 0.2308, not significant', () => {
    const o = json(['compare-csat', '5/5', '6/10']);
    expect(o.pValue).toBeCloseTo(693 / 3003, 12); // hypergeometric sum by hand in compare.test.ts
    expect(o).toMatchObject({
      diff: 40, test: 'fisher_exact', significant: false, csat1: 100, csat2: 60, n1: 5, n2: 10,
      smallSample: true, hiddenInSharedReports: false, definition: 'csat.v1.diff',
    });
    expect(o.reason.code).toBe('small_sample');
    const r = runStatsCommand(['compare-csat', '5/5', '6/10']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Difference\s+40\.0 points/);
    expect(r.stdout).toMatch(/Test\s+Fisher's exact \(two-sided\)/);
    expect(r.stdout).toMatch(/p-value\s+0\.2308/);
    expect(r.stdout).toMatch(/Significant\s+no/);
  });

  it('pooled z when every expected cell is >= 5: 60/100 vs 45/100 -> p 0.0337, significant', () => {
    // p = 0.525, SE0 = sqrt(0.525 * 0.475 * 0.02) = 0.0706222, z = 2.12398 -> p = 0.03367 (normal table).
    const o = json(['compare-csat', '60/100', '45/100']);
    expect(o).toMatchObject({ test: 'two_proportion_z', significant: true, smallSample: false });
    expect(o.pValue).toBeCloseTo(0.03367, 4);
    expect(runStatsCommand(['compare-csat', '60/100', '45/100']).stdout).toMatch(/Significant\s+yes/);
  });

  it.each([
    [['compare-csat', '5/5'], /missing required argument/],
    [['compare-csat', '6/5', '1/2'], /cannot exceed the total/],
    [['compare-csat', '0/0', '1/2'], /total must be at least 1/],
    [['compare-csat', '1.5/3', '1/2'], /satisfied\/total/],
    [['compare-csat', '1/2', '3'], /satisfied\/total/],
    [['compare-csat', '1/9007199254740993', '1/2'], /beyond 2\^53 - 1/],
  ])('rejects %j with exit code 2', (bad, message) => {
    const r = runStatsCommand(bad);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('help and registration', () => {
  it('help exits 0 on stdout; a bare "stats" is a usage error', () => {
    const help = runStatsCommand(['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/compare-nps/);
    expect(help.stdout).toMatch(/compare-csat/);
    expect(help.stdout).toMatch(/2\^53 - 1/);
    expect(runStatsCommand(['compare-csat', '--help']).stdout).toMatch(/satisfied\/total/);
    expect(runStatsCommand([]).exitCode).toBe(2);
  });

  it('registerStatsCommand adds a "stats" command that forwards its arguments', () => {
    const program = new Command('sarafan');
    registerStatsCommand(program);
    const stats = program.commands.find((c) => c.name() === 'stats');
    expect(stats).toBeDefined();
    expect(stats?.description()).toMatch(/nps/);
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      program.parse(['stats', 'nps', '--detractors', '1', '--passives', '2', '--promoters', '3', '--json'], { from: 'user' });
      expect(JSON.parse(String(write.mock.calls[0][0]))).toMatchObject({ n: 6, definition: 'nps.v1' });
    } finally {
      write.mockRestore();
    }
    expect(process.exitCode ?? 0).toBe(0);
  });
});
