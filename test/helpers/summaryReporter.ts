/**
 * Prints the ten slowest test files (import + tests, so the suite's time can be kept down) and one plain
 * closing line ("tests: N passed, N failed, N skipped") that any CI can read.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) failed++;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    const slowest = testModules
      .map((mod) => ({ file: mod.relativeModuleId, seconds: (mod.diagnostic().collectDuration + mod.diagnostic().duration) / 1000 }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, 10);
    process.stdout.write(`\nslowest files: ${slowest.map((s) => `${s.file} ${s.seconds.toFixed(0)} s`).join(', ')}\n`);
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
