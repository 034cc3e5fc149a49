/**
 * @module `import-store-file`: imports one uploaded footfall, transaction or shift file (docs/store-economics.md
 * "Imports: footfall, transactions, shifts"). The upload route streamed the file to a temporary file and started
 * the store_imports row; this job reads it in one transaction (all or nothing), then deletes the temporary file.
 * A job whose worker died runs again: its transaction had rolled back, so it starts over.
 */
import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { finishStoreImport, getStoreImport } from '../../db/storeImports/imports.ts';
import { defineJob } from '../jobs/queue.ts';
import { runStoreImport } from './importStoreFile.ts';
import { loyaltyRefreshJob } from '../loyalty/loyaltyRefreshJob.ts';

const GONE = { status: 'failed', rowsRead: 0, rowsRefused: 0, rowsStored: 0, bytesRead: 0, problems: [{ line: 0, reason: 'The uploaded file is gone; upload it again.' }] } as const;

export const importStoreFileJob = defineJob({
  name: 'import-store-file',
  payload: z.object({ orgId: z.uuid(), importId: z.uuid() }),
  schedule: 'after a footfall, transaction or shift file is uploaded (POST /api/v1/store-imports)',
  policy: 'short',
  singletonKey: (p) => p.importId,
  retry: { limit: 2, delaySeconds: 10, backoff: true },
  expireInSeconds: 60 * 60,
  async handler({ orgId, importId }, ctx) {
    const imp = await getStoreImport(ctx.pool, { orgId, locationPaths: null }, importId);
    if (!imp || imp.status !== 'running') return { skipped: imp?.status ?? 'gone' };
    if (!imp.uploadPath) {
      await finishStoreImport(ctx.pool, orgId, importId, { ...GONE, problems: [...GONE.problems] });
      return { failed: 'no file' };
    }
    const upload = imp.uploadPath;
    try {
      const done = await runStoreImport(ctx.pool, imp, upload);
      // New transactions: the loyalty dashboard's default views are computed ahead of the first visit.
      if (done.status === 'done' && imp.kind === 'transactions') await ctx.queue.send(loyaltyRefreshJob, { orgId });
      return { status: done.status, rowsRead: done.rowsRead, rowsStored: done.rowsStored };
    } catch (err) {
      if (err && typeof err === 'object' && 'code' in err && err.code === 'ENOENT') {
        await finishStoreImport(ctx.pool, orgId, importId, { ...GONE, problems: [...GONE.problems] });
        return { failed: 'no file' };
      }
      throw err;
    } finally {
      const after = await getStoreImport(ctx.pool, { orgId, locationPaths: null }, importId).catch(() => null);
      if (after && after.status !== 'running') await rm(upload, { force: true });
    }
  },
});
