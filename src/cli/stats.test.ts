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
    expect(r.stdout).toMatch(/95% interval\s+-26\.3 to 93\.0/);
    expect(r.stdout).toMatch(/small sample/);
  });

  it('prints one JSON object with full precision', () => {
    const o = json(args);
    expect(o).toMatchObject({ definition: 'nps.v1', n: 6 });
    expect(o.nps).toBeCloseTo(100 / 3, 12);
    expect(o.variance).toBeCloseTo(5 / 9, 12);
    expect(o.se).toBeCloseTo(30.42903097, 7);
    expect(o.ci95[0]).toBeCloseTo(-26.30756737, 7);
    expect(o.ci95[1]).toBeCloseTo(92.97423404, 7);
  });

  it.each([
    [['nps', '--detractors', '-1', '--passives', '2', '--promoters', '3'], /--detractors.*non-negative integer/],
    [['nps', '--detractors', '1.5', '--passives', '2', '--promoters', '3'], /non-negative integer/],
    [['nps', '--detractors', '', '--passives', '2', '--promoters', '3'], /non-negative integer/],
    [['nps', '--detractors', '0', '--passives', '0', '--promoters', '0'], /all counts are zero/],
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
    expect(o).toMatchObject({ csat: 60, n: 50, mean: 3.5, box: 4, definition: 'csat.v1' });
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
  ])('rejects %j with exit code 2', (bad, message) => {
    const r = runStatsCommand(bad);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('sarafan stats compare-nps', () => {
  it('first minus second, with SE and significance', () => {
    const o = json(['compare-nps', '10,20,70', '40,20,40']);
    expect(o.diff).toBeCloseTo(60, 12);
    expect(o.se).toBeCloseTo(Math.sqrt(124), 12);
    expect(o).toMatchObject({ significant: true, n1: 100, n2: 100, nps2: 0 });
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
  ])('rejects %j with exit code 2', (bad, message) => {
    const r = runStatsCommand(bad);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('help and registration', () => {
  it('help exits 0 on stdout; a bare "stats" is a usage error', () => {
    const help = runStatsCommand(['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/compare-nps/);
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
