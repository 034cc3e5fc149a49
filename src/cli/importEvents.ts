/**
 * @module `sarafan import events FILE --preset NAME [--org ID|NAME] [--tz ZONE] [--date-format FMT] [--skip-bad-rows]`:
 * imports a support contact event file into an organisation, all or nothing, with a progress bar over
 * the file's bytes (docs/support.md "Importing contact events"). Importing the same file again (same
 * bytes and preset) changes nothing and says so. Exit code 1 when nothing was imported because of bad rows, 2 when the
 * file cannot be used at all (no such file, missing required columns, broken CSV): then nothing is written, not even
 * a failed import.
 */
import { Command, Option } from 'commander';
import { SUPPORT_IMPORT_PRESETS } from '../core/api/supportStore.ts';
import { startFileImport } from '../db/support/imports.ts';
import { fileDigest, runFileImport } from '../server/support/importEventFile.ts';
import { EventFileError, eventFileFormat, readEventFile } from '../server/support/readEventFile.ts';
import { cliText } from './messages.ts';
import { runImportWithBar } from './importRun.ts';
import { openMigratedDatabase } from './start.ts';
import { resolveOrg } from './resolveOrg.ts';

interface ImportOptions {
  preset: string;
  org?: string;
  tz: string;
  dateFormat?: string;
  skipBadRows?: boolean;
}

/** Registers `sarafan import events`. */
export function registerImportCommand(program: Command): void {
  const imp = program.command('import').description('Import data into an organisation');
  imp
    .command('events')
    .argument('<file>', 'CSV, XLSX or JSON lines file of support contact events (docs/import-formats.md)')
    .description('Import support contact events (tickets, calls, chats), all or nothing; the same file again changes nothing')
    .addOption(new Option('--preset <name>', 'column mapping of the file').choices(SUPPORT_IMPORT_PRESETS).default('canonical'))
    .option('--org <id-or-name>', 'the organisation (needed when there are several)')
    .option('--tz <zone>', 'IANA time zone of times written without an offset', 'UTC')
    .option('--date-format <format>', 'declared format of dates that are not ISO 8601, e.g. "dd-mm-yyyy HH:MM"')
    .option('--skip-bad-rows', 'import the good rows of a file with bad ones (the bad ones are listed)')
    .action(async (file: string, opts: ImportOptions) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: opts.tz });
      } catch {
        throw new Error(`--tz: ${JSON.stringify(opts.tz)} is not a known time zone`);
      }
      const format = eventFileFormat(file) ?? 'csv';
      const unusable = await whyUnusable(file, { format, preset: opts.preset, timeZone: opts.tz, ...(opts.dateFormat ? { dateFormat: opts.dateFormat } : {}) });
      if (unusable) {
        console.error(cliText('import.failed', { reason: unusable }));
        process.exitCode = 2;
        return;
      }
      const { sha256, bytes } = await fileDigest(file);
      const db = await openMigratedDatabase();
      try {
        const orgId = await resolveOrg(db, opts.org);
        const name = file.split(/[\\/]/).pop() ?? file;
        const started = await startFileImport(db.pool, orgId, {
          fileName: name, fileSha256: sha256, preset: opts.preset, format, timeZone: opts.tz,
          dateFormat: opts.dateFormat ?? null, skipBadRows: opts.skipBadRows === true, locationPaths: null, uploadPath: null,
          bytesTotal: bytes, createdBy: null,
        });
        if (!started.created) {
          console.log(cliText('import.already', { file: name, status: started.row.status, when: started.row.startedAt.toISOString() }));
          return;
        }
        await runImportWithBar(bytes, (onProgress) => runFileImport(db.pool, started.row, file, onProgress), (done, seconds) => cliText('import.done', {
          file: name, rows: done.rowsRead, events: done.eventsAdded, contacts: done.contactsTouched, refused: done.rowsRefused, seconds,
        }));
      } finally {
        await db.close();
      }
    });
}

/** Why the file cannot be read at all (the reader's first row: it checks the file, the columns and the date format), or null. */
async function whyUnusable(file: string, options: Parameters<typeof readEventFile>[1]): Promise<string | null> {
  const rows = readEventFile(file, options);
  try {
    await rows.next();
    return null;
  } catch (err) {
    if (err instanceof EventFileError) return err.message;
    throw err;
  } finally {
    await rows.return(undefined);
  }
}
