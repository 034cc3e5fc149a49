/**
 * Footfall, transaction and shift imports (docs/store-economics.md "Imports: footfall, transactions, shifts"):
 * authenticate → validate → authorize → one command or query → present.
 * - POST /api/v1/store-imports?kind=&fileName=&mapping=&timeZone=&dateFormat=&skipBadRows=&location= with the file as
 *   the body (application/octet-stream): streamed to a temporary file, then imported by the `import-store-file`
 *   job; 202 with the import, or 200 with the earlier import of the same file (same kind and SHA-256).
 * - POST /api/v1/store-imports/preview?kind=&fileName= with the file's first 64 kB: its columns and the mapping
 *   the default rules suggest.
 * - GET /api/v1/store-imports, GET /api/v1/store-imports/:id: progress and outcome (polled by the page).
 */
import { rm } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import {
  StoreImportPreviewQuerySchema, StoreImportQuerySchema, type StartStoreImportAnswer, type StoreImportAnswer, type StoreImportPreviewAnswer,
  type StoreImportsAnswer,
} from '../../core/api/storeImports.ts';
import { DomainError } from '../../core/errors.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { getLocation } from '../../db/locations/listLocations.ts';
import { getStoreImport, listStoreImports, setStoreImportJob, startStoreImport, type StoreImportRow } from '../../db/storeImports/imports.ts';
import { tabularFormat } from '../files/readRows.ts';
import { MAX_UPLOAD_BYTES, saveUpload } from '../files/upload.ts';
import { importStoreFileJob } from './importStoreJob.ts';
import { previewStoreFile } from './readStoreFile.ts';

/** The preview reads the file's beginning only. */
const PREVIEW_BYTES = 64 * 1024;

function presentImport(r: StoreImportRow): StoreImportAnswer {
  return {
    id: r.id, kind: r.kind, fileName: r.fileName, status: r.status, mapping: r.mapping, timeZone: r.timeZone, locationId: r.locationId,
    skipBadRows: r.skipBadRows, rowsRead: r.rowsRead, rowsRefused: r.rowsRefused, rowsStored: r.rowsStored, bytesRead: r.bytesRead,
    bytesTotal: r.bytesTotal, problems: r.problems, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

export async function registerStoreImportRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  await app.register(async (scope) => {
    // The body is the file: no parser reads it; the handlers stream request.raw.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));

    scope.post('/api/v1/store-imports', { bodyLimit: MAX_UPLOAD_BYTES }, async (request, reply) => {
      const principal = authorize(request, 'store.import');
      const query = parse(StoreImportQuerySchema, request.query);
      if (query.location && !(await getLocation(pool, principal, query.location))) {
        throw new DomainError('validation', 'location: no such location among yours', { field: 'location' });
      }
      const { file, sha256, bytes } = await saveUpload(request.raw, 'sarafan-store-imports');
      let keep = false;
      try {
        const started = await startStoreImport(pool, principal.orgId, {
          kind: query.kind, fileName: query.fileName, fileSha256: sha256, format: tabularFormat(query.fileName) ?? 'csv', mapping: query.mapping ?? {},
          timeZone: query.timeZone, dateFormat: query.dateFormat ?? null, locationId: query.location ?? null, skipBadRows: query.skipBadRows,
          locationPaths: principal.locationPaths, uploadPath: file, bytesTotal: bytes, createdBy: principal.userId,
        });
        if (!started.created) return reply.status(200).send({ import: presentImport(started.row), alreadyImported: true } satisfies StartStoreImportAnswer);
        keep = true;
        const jobId = await app.jobs.send(importStoreFileJob, { orgId: principal.orgId, importId: started.row.id });
        await setStoreImportJob(pool, principal.orgId, started.row.id, jobId);
        return reply.status(202).send({ import: presentImport(started.row), alreadyImported: false } satisfies StartStoreImportAnswer);
      } finally {
        if (!keep) await rm(file, { force: true });
      }
    });

    scope.post('/api/v1/store-imports/preview', { bodyLimit: PREVIEW_BYTES }, async (request): Promise<StoreImportPreviewAnswer> => {
      authorize(request, 'store.import');
      const query = parse(StoreImportPreviewQuerySchema, request.query);
      const chunks: Buffer[] = [];
      for await (const chunk of request.raw) chunks.push(chunk as Buffer);
      const head = Buffer.concat(chunks).subarray(0, PREVIEW_BYTES).toString('utf8');
      return previewStoreFile(query.kind, tabularFormat(query.fileName) ?? 'csv', head);
    });
  });

  app.get('/api/v1/store-imports', async (request): Promise<StoreImportsAnswer> => {
    const principal = authorize(request, 'store.import');
    return { imports: (await listStoreImports(pool, principal)).map(presentImport) };
  });

  app.get('/api/v1/store-imports/:id', async (request): Promise<{ import: StoreImportAnswer }> => {
    const principal = authorize(request, 'store.import');
    const row = await getStoreImport(pool, principal, parseIdParam(request.params, 'No such import'));
    if (!row) throw notFound('No such import');
    return { import: presentImport(row) };
  });
}
