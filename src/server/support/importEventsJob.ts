/**
 * @module `import-support-events`: imports one uploaded event file (docs/support.md "Importing contact
 * events"). The upload route streamed the file to a temporary file and started the support_imports
 * row; this job reads it in one transaction (all or nothing), then deletes the temporary file. A job
 * whose worker died runs again: its transaction had rolled back, so it starts over.
 */
import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { finishImport, getImport } from '../../db/support/imports.ts';
import { defineJob } from '../jobs/queue.ts';
import { hasEnabledRules } from '../../db/alerts/alertRules.ts';
import { alertsSlaJob } from '../alerts/alertJobs.ts';
import { runFileImport } from './importEventFile.ts';

export const importSupportEventsJob = defineJob({
  name: 'import-support-events',
  payload: z.object({ orgId: z.uuid(), importId: z.uuid() }),
  schedule: 'after an event file is uploaded (POST /api/v1/support/imports)',
  policy: 'short',
  singletonKey: (p) => p.importId,
  retry: { limit: 2, delaySeconds: 10, backoff: true },
  expireInSeconds: 60 * 60,
  async handler({ orgId, importId }, ctx) {
    const imp = await getImport(ctx.pool, { orgId, locationPaths: null }, importId);
    if (!imp || imp.status !== 'running') return { skipped: imp?.status ?? 'gone' };
    if (!imp.uploadPath) {
      await finishImport(ctx.pool, orgId, importId, {
        status: 'failed', rowsRead: 0, rowsRefused: 0, eventsAdded: 0, contactsTouched: 0, bytesRead: 0,
        problems: [{ line: 0, reason: 'The uploaded file is gone; upload it again.' }],
      });
      return { failed: 'no file' };
    }
    const upload = imp.uploadPath;
    try {
      const done = await runFileImport(ctx.pool, imp, upload);
      // New contacts may already be past their SLA (sla_breach alert rules; src/server/alerts/evaluate.ts).
      if (done.eventsAdded > 0 && (await hasEnabledRules(ctx.pool, orgId, ['sla_breach']))) await ctx.queue.send(alertsSlaJob, { orgId });
      return { status: done.status, rowsRead: done.rowsRead, eventsAdded: done.eventsAdded };
    } catch (err) {
      if (err && typeof err === 'object' && 'code' in err && err.code === 'ENOENT') {
        await finishImport(ctx.pool, orgId, importId, {
          status: 'failed', rowsRead: 0, rowsRefused: 0, eventsAdded: 0, contactsTouched: 0, bytesRead: 0,
          problems: [{ line: 0, reason: 'The uploaded file is gone; upload it again.' }],
        });
        return { failed: 'no file' };
      }
      throw err;
    } finally {
      const after = await getImport(ctx.pool, { orgId, locationPaths: null }, importId).catch(() => null);
      if (after && after.status !== 'running') await rm(upload, { force: true });
    }
  },
});
