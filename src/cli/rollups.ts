/**
 * @module `sarafan rollups rebuild [--org <id>]`: rebuilds rollups from raw answers, idempotently,
 * one transaction per organisation, with a progress bar over batches (survey x days). Submissions go
 * on meanwhile (queued, then applied when the organisation's rebuild ends).
 */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { openMigratedDatabase } from './start.ts';
import { cliText } from './messages.ts';
import { listOrgIds, rebuildOrgRollups } from '../db/rollups/rebuildRollups.ts';
import { settleFailedRollupJob } from '../db/rollups/rollupJobs.ts';

/** Registers `rollups rebuild` on the `sarafan` program. */
export function registerRollupsCommand(program: Command): void {
  const rollups = program.command('rollups').description('Maintain the analytics rollups');
  rollups
    .command('rebuild')
    .description('Rebuild rollups from raw answers (idempotent; submissions made meanwhile are applied when it ends)')
    .option('--org <id>', 'only this organisation')
    .option('--batch-days <n>', 'org-local days per batch', '7')
    .action(async (opts: { org?: string; batchDays: string }) => {
      const batchDays = Number(opts.batchDays);
      if (!Number.isInteger(batchDays) || batchDays < 1) throw new Error('--batch-days must be a positive integer');
      const db = await openMigratedDatabase(console.log);
      try {
        const orgs = await listOrgIds(db.pool, opts.org);
        const started = Date.now();
        let rows = 0;
        for (const orgId of orgs) {
          const bar = new cliProgress.SingleBar(
            { format: `org ${orgId.slice(0, 8)} [{bar}] {value}/{total} batches | {rows} rows | {duration_formatted}`, hideCursor: true },
            cliProgress.Presets.shades_classic,
          );
          let written = 0;
          const orgStarted = new Date();
          // Stopped on failure too: a bar left running keeps the terminal's cursor hidden.
          const result = await rebuildOrgRollups(db.pool, orgId, {
            batchDays,
            progress: {
              start: (total) => bar.start(total, 0, { rows: 0 }),
              batch: (n) => {
                written += n;
                bar.increment(1, { rows: written });
              },
            },
          }).finally(() => bar.stop());
          rows += result.scoreRows + result.responseRows;
          console.log(cliText('rollups.org', { org: orgId, scoreRows: result.scoreRows, responseRows: result.responseRows, ms: result.ms }));
          if (await settleFailedRollupJob(db.pool, orgId, orgStarted)) console.log(cliText('rollups.settled', { org: orgId }));
        }
        console.log(cliText('rollups.done', { orgs: orgs.length, rows, ms: Date.now() - started }));
      } finally {
        await db.close();
      }
    });
}
