/** The terminal side of a file import (`sarafan import-events`, `sarafan import-store`): a progress bar, the refused lines, the outcome. */
import cliProgress from 'cli-progress';
import type { ImportProgress } from '../server/files/stagedImport.ts';
import { cliText } from './messages.ts';

interface FinishedImport {
  status: string;
  rowsRefused: number;
  problems: { line: number; reason: string }[];
}

/**
 * Runs `run` with a bar over the file's bytes, prints the first refused lines and, when done, `doneText`;
 * a failed import sets exit code 1.
 */
export async function runImportWithBar<T extends FinishedImport>(
  bytes: number, run: (onProgress: (p: ImportProgress) => void) => Promise<T>, doneText: (done: T, seconds: number) => string,
): Promise<void> {
  const bar = new cliProgress.SingleBar(
    { format: 'import [{bar}] {percentage}% | {rows} rows | {duration_formatted}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(bytes, 0, { rows: 0 });
  const t0 = Date.now();
  const done = await run((p) => bar.update(p.bytesRead, { rows: p.rowsRead })).finally(() => bar.stop());
  for (const p of done.problems.slice(0, 20)) console.error(`  ${p.line ? `line ${p.line}: ` : ''}${p.reason}`);
  if (done.rowsRefused > done.problems.length) console.error(`  ... and ${done.rowsRefused - done.problems.length} more`);
  if (done.status === 'done') {
    console.log(doneText(done, (Date.now() - t0) / 1000));
  } else {
    console.error(done.rowsRefused > 0 ? cliText('import.refused', { refused: done.rowsRefused }) : cliText('import.failed', { reason: done.problems[0]?.reason ?? 'unknown error' }));
    process.exitCode = 1;
  }
}
