/**
 * The importing process of the support import benchmark (bench/supportImport.ts): the same calls as
 * `sarafan import events` (src/cli/importEvents.ts), then one JSON line with the time and this
 * process's peak RSS. Arguments: DATABASE_URL ORG_ID FILE.
 */
import path from 'node:path';
import { createPool } from '../src/db/connection.ts';
import { startFileImport } from '../src/db/support/imports.ts';
import { fileDigest, runFileImport } from '../src/server/support/importEventFile.ts';
import { eventFileFormat } from '../src/server/support/readEventFile.ts';

const [url, orgId, file] = process.argv.slice(2);
const pool = createPool(url, 4);
try {
  const t0 = performance.now();
  const { sha256, bytes } = await fileDigest(file);
  const started = await startFileImport(pool, orgId, {
    fileName: path.basename(file), fileSha256: sha256, preset: 'canonical', format: eventFileFormat(file) ?? 'csv', timeZone: 'UTC', dateFormat: null,
    skipBadRows: false, locationPaths: null, uploadPath: null, bytesTotal: bytes, createdBy: null,
  });
  const row = started.created ? await runFileImport(pool, started.row, file) : started.row;
  const ms = Math.round(performance.now() - t0);
  process.stdout.write(`${JSON.stringify({
    ms, maxRssKb: process.resourceUsage().maxRSS, status: row.status, eventsAdded: row.eventsAdded, contactsTouched: row.contactsTouched,
    again: !started.created, problems: row.problems.slice(0, 3),
  })}\n`);
} finally {
  await pool.end();
}
