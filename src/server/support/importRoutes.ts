/**
 * Support event imports from the dashboard (docs/support.md "Importing contact events"):
 * authenticate → validate → authorize → one command or query → present.
 * - POST /api/v1/support/imports?fileName=&preset=&timeZone=&dateFormat=&skipBadRows= with the file as the
 *   body (application/octet-stream): streamed to a temporary file (never buffered), then imported by the
 *   `import-support-events` job; 202 with the import, or 200 with the earlier import of the same file.
 * - GET /api/v1/support/imports, GET /api/v1/support/imports/:id: progress and outcome (polled by the wizard).
 * - GET / PUT /api/v1/support/settings: SLA targets per priority, and whom follow-up answers credit.
 */
import { rm } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  SupportImportQuerySchema, type StartImportAnswer, type SupportImportAnswer, type SupportImportsAnswer,
} from '../../core/api/supportStore.ts';
import { SUPPORT_CREDITS, SUPPORT_FIELD_LIMITS, type SupportCredit } from '../../core/support/storing.ts';
import type { AppDeps } from '../../http/deps.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { withTransaction } from '../../db/tx.ts';
import { getImport, listImports, setImportJob, startFileImport, type SupportImportRow } from '../../db/support/imports.ts';
import { getSupportCredit, setSupportCredit } from '../../db/support/settings.ts';
import { listSlaTargets, replaceSlaTargets, type SlaTarget } from '../../db/support/slaTargets.ts';
import { eventFileFormat } from './readEventFile.ts';
import { MAX_UPLOAD_BYTES, saveUpload } from '../files/upload.ts';
import { importSupportEventsJob } from './importEventsJob.ts';

function presentImport(r: SupportImportRow): SupportImportAnswer {
  return {
    id: r.id, fileName: r.fileName, preset: r.preset, status: r.status, skipBadRows: r.skipBadRows, rowsRead: r.rowsRead,
    rowsRefused: r.rowsRefused, eventsAdded: r.eventsAdded, contactsTouched: r.contactsTouched, bytesRead: r.bytesRead,
    bytesTotal: r.bytesTotal, problems: r.problems, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

const SupportSettingsSchema = z.strictObject({
  credit: z.enum(SUPPORT_CREDITS, { error: `use ${SUPPORT_CREDITS.join(', ')}` }).optional(),
  /** Replaces every target. */
  slaTargets: z.array(z.strictObject({
    priority: z.string().trim().min(1).max(SUPPORT_FIELD_LIMITS.priority),
    firstResponseS: z.number().int().positive().nullable(),
    resolutionS: z.number().int().positive().nullable(),
  })).max(50).refine((t) => new Set(t.map((x) => x.priority)).size === t.length, 'one target per priority').optional(),
});

interface SupportSettings {
  credit: SupportCredit;
  slaTargets: SlaTarget[];
}

export async function registerSupportImportRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  await app.register(async (scope) => {
    // The body is the file: no parser reads it; the handler streams request.raw to disk.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    scope.post('/api/v1/support/imports', { bodyLimit: MAX_UPLOAD_BYTES }, async (request, reply) => {
      const principal = authorize(request, 'support.import');
      const query = parse(SupportImportQuerySchema, request.query);
      const { file, sha256, bytes } = await saveUpload(request.raw, 'sarafan-support-imports');
      let keep = false;
      try {
        const started = await startFileImport(pool, principal.orgId, {
          fileName: query.fileName, fileSha256: sha256, preset: query.preset, format: eventFileFormat(query.fileName) ?? 'csv',
          timeZone: query.timeZone, dateFormat: query.dateFormat ?? null, skipBadRows: query.skipBadRows,
          locationPaths: principal.locationPaths, uploadPath: file, bytesTotal: bytes, createdBy: principal.userId,
        });
        if (!started.created) return reply.status(200).send({ import: presentImport(started.row), alreadyImported: true } satisfies StartImportAnswer);
        keep = true;
        const jobId = await app.jobs.send(importSupportEventsJob, { orgId: principal.orgId, importId: started.row.id });
        await setImportJob(pool, principal.orgId, started.row.id, jobId);
        return reply.status(202).send({ import: presentImport(started.row), alreadyImported: false } satisfies StartImportAnswer);
      } finally {
        if (!keep) await rm(file, { force: true });
      }
    });
  });

  app.get('/api/v1/support/imports', async (request): Promise<SupportImportsAnswer> => {
    const principal = authorize(request, 'support.import');
    return { imports: (await listImports(pool, principal)).map(presentImport) };
  });

  app.get('/api/v1/support/imports/:id', async (request): Promise<{ import: SupportImportAnswer }> => {
    const principal = authorize(request, 'support.import');
    const row = await getImport(pool, principal, parseIdParam(request.params, 'No such import'));
    if (!row) throw notFound('No such import');
    return { import: presentImport(row) };
  });

  app.get('/api/v1/support/settings', async (request): Promise<SupportSettings> => {
    const principal = authorize(request, 'metrics.read');
    return { credit: await getSupportCredit(pool, principal.orgId), slaTargets: await listSlaTargets(pool, principal.orgId) };
  });

  // Organisation-wide settings: owners and admins who see the whole organisation.
  app.put('/api/v1/support/settings', async (request): Promise<SupportSettings> => {
    const principal = authorize(request, 'org.manage');
    if (principal.locationPaths !== null) throw forbidden('Only users who see the whole organisation change support settings');
    const input = parse(SupportSettingsSchema, request.body ?? {});
    await withTransaction(pool, async (tx) => {
      if (input.credit) await setSupportCredit(tx, principal.orgId, input.credit);
      if (input.slaTargets) await replaceSlaTargets(tx, principal.orgId, input.slaTargets);
    });
    return { credit: await getSupportCredit(pool, principal.orgId), slaTargets: await listSlaTargets(pool, principal.orgId) };
  });
}
