/**
 * `sarafan bench`: runs the benchmark (bench/main.ts, docs/bench.md) in a child process with the same
 * arguments. The benchmark is not part of the product: it is started, never imported, and exists only
 * in a source checkout.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { PACKAGE_ROOT } from './packageRoot.ts';

// From the package root: this file also runs compiled, from dist/server/src/cli.
const BENCH_ENTRY = path.join(PACKAGE_ROOT, 'bench/main.ts');

/** Registers `sarafan bench [options]` (the options are bench/cli.ts's: `npm run bench -- --help`). */
export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description('Benchmark the dashboard API and ingest (docs/bench.md; options: npm run bench -- --help)')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .action(async (_opts: unknown, command: Command) => {
      if (!fs.existsSync(BENCH_ENTRY)) throw new Error('the benchmark runs from a source checkout (npm run bench)');
      const child = spawn(process.execPath, ['--import', 'tsx', BENCH_ENTRY, ...command.args], { stdio: 'inherit' });
      const code = await new Promise<number>((resolve, reject) => child.on('error', reject).on('exit', (c) => resolve(c ?? 1)));
      process.exitCode = code;
    });
}
