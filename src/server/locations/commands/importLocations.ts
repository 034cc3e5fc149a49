/** CSV import of locations: all-or-nothing in the caller's transaction. */
import crypto from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import type { PoolClient } from '../../../db/connection.ts';
import type { Principal } from '../../../core/access/index.ts';
import { DomainError } from '../../../core/errors.ts';
import { planLocationImport, type CsvRecord } from '../../../core/locations/importPlan.ts';
import { applyLocationImport, loadLocationsForImport } from '../../../db/locations/importLocations.ts';
import { lockLocationTree } from '../../../db/locations/saveLocation.ts';
import { writeAudit } from '../../../db/users/writeAudit.ts';
import { rethrowLocationConflict } from './pgErrors.ts';

/** Parses CSV text into records with their line numbers; syntax errors name the line. */
export function readCsv(text: string): CsvRecord[] {
  try {
    const out = parseCsv(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as {
      info: { lines: number };
      record: string[];
    }[];
    return out.map((r) => ({ line: r.info.lines, fields: r.record }));
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    throw new DomainError('validation', `line ${e.lines ?? 1}: ${String(e.message ?? 'invalid CSV').replace(/ at line \d+.*$/, '')}`, {
      line: e.lines ?? 1,
    });
  }
}

/**
 * @returns how many locations were created and how many existing ones (matched by code) were updated.
 * @throws validation naming the first bad line; nothing is written then.
 */
export async function importLocations(tx: PoolClient, actor: Principal, csvText: string): Promise<{ created: number; updated: number }> {
  const records = readCsv(csvText);
  await lockLocationTree(tx, actor.orgId);
  const existing = await loadLocationsForImport(tx, actor.orgId);
  const plan = planLocationImport(records, { existing, scopePaths: actor.locationPaths, newId: () => crypto.randomUUID() });
  await applyLocationImport(tx, actor.orgId, plan).catch((err) => rethrowLocationConflict(err));
  await writeAudit(tx, {
    orgId: actor.orgId, actorId: actor.userId, action: 'location.import', targetType: 'location', targetId: null,
    detail: { created: plan.inserts.length, updated: plan.updates.length },
  });
  return { created: plan.inserts.length, updated: plan.updates.length };
}
