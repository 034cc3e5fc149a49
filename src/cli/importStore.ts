/**
 * @module `sarafan import-store FILE --kind footfall|transactions|shifts [--org ID|NAME] [--mapping JSON]
 * [--time-zone ZONE] [--date-format FMT] [--location ID|CODE|NAME] [--skip-bad-rows]`: imports a footfall, transaction
 * or shift file into an organisation, all or nothing, with a progress bar over the file's bytes, through the same runner
 * as the dashboard's upload (docs/store-economics.md "Imports: footfall, transactions, shifts"). The same file again
 * changes nothing and says so. Exit code 1 when nothing was imported because of bad rows, 2 when the file cannot be
 * used at all (no such file, missing columns, a bad mapping): then nothing is written, not even a failed import.
 */
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { STORE_IMPORT_KINDS, type StoreImportKind } from '../core/storeImports/fields.ts';
import { isTimeZone } from '../core/time/timeZone.ts';
import { startStoreImport } from '../db/storeImports/imports.ts';
import { tabularFormat, TabularFileError } from '../server/files/readRows.ts';
import { fileDigest } from '../server/files/upload.ts';
import { runStoreImport } from '../server/store/importStoreFile.ts';
import { readStoreFile, type StoreFileOptions } from '../server/store/readStoreFile.ts';
import { cliText } from './messages.ts';
import { runImportWithBar } from './importRun.ts';
import { resolveOrg } from './resolveOrg.ts';
import { openMigratedDatabase } from './start.ts';

interface ImportStoreOptions {
  kind: StoreImportKind;
  org?: string;
  mapping?: string;
  timeZone: string;
  dateFormat?: string;
  location?: string;
  skipBadRows?: boolean;
}

function parseMapping(text: string | undefined): Record<string, string> {
  if (!text) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    throw new Error('--mapping: a JSON object {"field": "column"}, e.g. {"receipt_id": "Check no"}');
  }
  return value as Record<string, string>;
}

/** Why the file cannot be read at all (the reader's first row checks the file, the columns and the date format), or null. */
async function whyUnusable(file: string, options: StoreFileOptions): Promise<string | null> {
  const rows = readStoreFile(file, options);
  try {
    await rows.next();
    return null;
  } catch (err) {
    if (err instanceof TabularFileError) return err.message;
    throw err;
  } finally {
    await rows.return(undefined);
  }
}

/** Registers `sarafan import-store`. */
export function registerImportStoreCommand(program: Command): void {
  program
    .command('import-store')
    .argument('<file>', 'CSV, XLSX or JSON lines file of footfall, transactions or shifts (docs/store-economics.md)')
    .description('Import door-counter footfall, till transactions or staff shifts, all or nothing; the same file again changes nothing')
    .addOption(new Option('--kind <kind>', 'what the file holds').choices(STORE_IMPORT_KINDS).makeOptionMandatory())
    .option('--org <id-or-name>', 'the organisation (needed when there are several)')
    .option('--mapping <json>', 'file columns of the canonical fields, e.g. {"receipt_id":"Check no","at":"Time"}')
    .option('--time-zone <zone>', 'IANA time zone of times written without an offset', 'UTC')
    .option('--date-format <format>', 'declared format of dates that are not ISO 8601, e.g. "dd.mm.yyyy HH:MM"')
    .option('--location <id-code-or-name>', 'the location of rows without one')
    .option('--skip-bad-rows', 'import the good rows of a file with bad ones (the bad ones are listed)')
    .action(async (file: string, opts: ImportStoreOptions) => {
      if (!isTimeZone(opts.timeZone)) throw new Error(`--time-zone: ${JSON.stringify(opts.timeZone)} is not a known time zone`);
      const mapping = parseMapping(opts.mapping);
      const format = tabularFormat(file) ?? 'csv';
      const reading: StoreFileOptions = {
        kind: opts.kind, format, mapping, timeZone: opts.timeZone, dateFormat: opts.dateFormat ?? null, fileLocation: opts.location ?? null,
      };
      const unusable = await whyUnusable(file, reading);
      if (unusable) {
        console.error(cliText('import.failed', { reason: unusable }));
        process.exitCode = 2;
        return;
      }
      const { sha256, bytes } = await fileDigest(file);
      const db = await openMigratedDatabase();
      try {
        const orgId = await resolveOrg(db, opts.org);
        const name = basename(file);
        const started = await startStoreImport(db.pool, orgId, {
          kind: opts.kind, fileName: name, fileSha256: sha256, format, mapping, timeZone: opts.timeZone, dateFormat: opts.dateFormat ?? null,
          locationId: null, skipBadRows: opts.skipBadRows === true, locationPaths: null, uploadPath: null, bytesTotal: bytes, createdBy: null,
        });
        if (!started.created) {
          console.log(cliText('import.already', { file: name, status: started.row.status, when: started.row.startedAt.toISOString() }));
          return;
        }
        // The --location label (an id, code or name) is resolved like a row's location column.
        const row = { ...started.row, locationId: opts.location ?? null };
        await runImportWithBar(bytes, (onProgress) => runStoreImport(db.pool, row, file, onProgress), (done, seconds) => cliText('importStore.done', {
          file: name, kind: opts.kind, rows: done.rowsRead, stored: done.rowsStored, refused: done.rowsRefused, seconds,
        }));
      } finally {
        await db.close();
      }
    });
}
