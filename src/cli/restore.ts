/**
 * @module `sarafan restore FILE [--force]`: loads a backup made by `sarafan backup` into the database
 * (embedded or DATABASE_URL), then migrates it to this Sarafan's schema level; see
 * src/db/backup/restoreBackup.ts and docs/operations.md.
 */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { openDatabase } from '../db/connection.ts';
import { restoreBackup } from '../db/backup/restoreBackup.ts';
import { openMigratedDatabase } from './start.ts';
import { cliText } from './messages.ts';

/** Registers `sarafan restore`. */
export function registerRestoreCommand(program: Command): void {
  program
    .command('restore')
    .description('Load a backup into an empty database (or replace everything with --force); stop the server first')
    .argument('<file>', 'backup file written by `sarafan backup`')
    .option('--force', 'replace the data of a database that is not empty')
    .action(async (file: string, opts: { force?: boolean }) => {
      const log = (m: string) => console.log(m);
      const db = await openDatabase({ log });
      const bar = new cliProgress.SingleBar(
        { format: 'restore [{bar}] {value}/{total} rows | {table} | {duration_formatted}', hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      let result: Awaited<ReturnType<typeof restoreBackup>>;
      try {
        let before = 0;
        let table = '';
        let inTable = 0;
        result = await restoreBackup(db.pool, file, {
          force: opts.force,
          log,
          progress: {
            start: (summary) => bar.start(summary.totalRows, 0, { table: '' }),
            rows: (name, rows) => {
              if (name !== table) {
                before += inTable;
                table = name;
              }
              inTable = rows;
              bar.update(before + rows, { table: name });
            },
          },
        }).finally(() => bar.stop());
      } finally {
        await db.close();
      }
      console.log(cliText('restore.done', { rows: result.rows, tables: result.tables, file, seconds: result.ms / 1000 }));
      if (result.behind > 0) {
        // The data came in at the backup's schema level: bring it to this Sarafan's (rollups included).
        const migrated = await openMigratedDatabase(log);
        await migrated.close();
        console.log(cliText('restore.migrated', { migrations: result.behind }));
      }
    });
}
