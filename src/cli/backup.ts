/**
 * @module `sarafan backup FILE`: a consistent backup of the whole database (embedded or
 * DATABASE_URL) while the server keeps running; see src/db/backup/writeBackup.ts and docs/operations.md.
 */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { openDatabase } from '../db/connection.ts';
import { writeBackup } from '../db/backup/writeBackup.ts';
import { cliText } from './messages.ts';

/** "12.3 MB" */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

/** Registers `sarafan backup`. */
export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('Write a consistent, compressed backup of the database to FILE (works while the server runs)')
    .argument('<file>', 'backup file to write (replaced only once the new backup is complete)')
    .action(async (file: string) => {
      // Not migrated: a backup taken before an upgrade keeps the schema level it was taken at.
      const db = await openDatabase({ log: (m) => console.log(m) });
      const bar = new cliProgress.SingleBar(
        { format: 'backup [{bar}] {value}/{total} tables | {table} {rows} rows | {duration_formatted}', hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      try {
        let done = 0;
        const result = await writeBackup(db.pool, file, {
          progress: {
            start: (tables) => bar.start(tables.length, 0, { table: '', rows: 0 }),
            rows: (table, rows) => bar.update(done, { table, rows }),
            tableDone: (table, rows) => bar.update(++done, { table, rows }),
          },
        }).finally(() => bar.stop());
        console.log(cliText('backup.done', {
          file: result.file, tables: result.tables, rows: result.rows, size: formatBytes(result.bytes),
          migration: result.migrations[result.migrations.length - 1], seconds: result.ms / 1000,
        }));
      } finally {
        await db.close();
      }
    });
}
