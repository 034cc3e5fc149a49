/** Locations API (docs/api.md, "Locations"): authenticate → validate → authorize → one command/query → present. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { scopeOf } from '../../core/access/index.ts';
import { withTransaction } from '../../db/tx.ts';
import { listLocations } from '../../db/locations/listLocations.ts';
import { authorize } from '../../http/session.ts';
import { invalid } from '../../http/errors.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import {
  CreateLocationSchema, ImportCsvSchema, UpdateLocationSchema, type ImportLocationsAnswer, type LocationAnswer, type LocationsAnswer,
} from '../../core/api/locations.ts';
import { createLocation } from './commands/createLocation.ts';
import { updateLocation } from './commands/updateLocation.ts';
import { deleteLocation } from './commands/deleteLocation.ts';
import { importLocations } from './commands/importLocations.ts';

/** Registers GET/POST /locations, PATCH/DELETE /locations/:id and POST /locations/import. */
export async function registerLocationRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  app.get('/api/v1/locations', async (request): Promise<LocationsAnswer> => {
    const principal = authorize(request, 'location.read');
    return { locations: await listLocations(pool, scopeOf(principal)) };
  });

  app.post('/api/v1/locations', async (request, reply) => {
    const principal = authorize(request, 'location.edit');
    const input = parse(CreateLocationSchema, request.body);
    const location = await withTransaction(pool, (tx) => createLocation(tx, principal, input));
    return reply.status(201).send({ location } satisfies LocationAnswer);
  });

  app.patch('/api/v1/locations/:id', async (request): Promise<LocationAnswer> => {
    const principal = authorize(request, 'location.edit');
    const id = parseIdParam(request.params);
    const input = parse(UpdateLocationSchema, request.body);
    return { location: await withTransaction(pool, (tx) => updateLocation(tx, principal, id, input)) };
  });

  app.delete('/api/v1/locations/:id', async (request, reply) => {
    const principal = authorize(request, 'location.edit');
    const id = parseIdParam(request.params);
    await withTransaction(pool, (tx) => deleteLocation(tx, principal, id));
    return reply.status(204).send();
  });

  app.post('/api/v1/locations/import', async (request): Promise<ImportLocationsAnswer> => {
    const principal = authorize(request, 'location.edit');
    const type = String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'text/csv') throw invalid('Send the file with content-type text/csv');
    const csv = parse(ImportCsvSchema, request.body);
    return withTransaction(pool, (tx) => importLocations(tx, principal, csv));
  });
}
