/**
 * Plans a CSV import of locations (`code,name,kind,parent_code`): validates every row, resolves
 * parents (rows may reference parents defined later in the file), upserts by code, refuses cycles
 * and rows outside the caller's scope. Pure: the caller parses the CSV and applies the plan.
 * Every error names the CSV line so the user can fix the file.
 */
import { DomainError } from '../errors.ts';
import { childPath, depthOf, isWithin, LOCATION_KINDS, MAX_DEPTH, type LocationKind } from './tree.ts';
import { isLocationScoped, scopedUnknownCode } from './codes.ts';

export const IMPORT_HEADER = ['code', 'name', 'kind', 'parent_code'] as const;
export const MAX_IMPORT_ROWS = 10_000;
const MAX_CODE = 64;
const MAX_NAME = 200;
// Control characters in a code or name are almost always a broken export; refuse them early.
const CONTROL = /[\u0000-\u001f\u007f]/;
// Same rule as the API's `code`: codes travel in survey links (?loc=<code>).
const CODE = /^[^\s/?#&%]+$/;


/** One parsed CSV record with the line it ends on (as csv-parse reports it). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** An existing location of the organisation, as far as the import needs it. */
export interface ExistingLocation {
  id: string;
  parentId: string | null;
  code: string | null;
  path: string;
}

export interface PlannedLocation {
  id: string;
  parentId: string;
  kind: LocationKind;
  name: string;
  code: string;
  /** The path the location will have after the import. */
  path: string;
  line: number;
}

export interface ImportPlan {
  inserts: PlannedLocation[];
  updates: PlannedLocation[];
}

export interface ImportContext {
  existing: readonly ExistingLocation[];
  /** Granted subtree paths of the caller; null = the whole organisation. */
  scopePaths: string[] | null;
  newId: () => string;
}

interface Row {
  line: number;
  code: string;
  name: string;
  kind: LocationKind;
  parentCode: string;
}

const fail = (line: number, message: string): never => {
  throw new DomainError('validation', `line ${line}: ${message}`, { line });
};

function checkHeader(records: readonly CsvRecord[]): void {
  const header = records[0];
  if (!header) throw new DomainError('validation', `line 1: the file is empty; expected the header ${IMPORT_HEADER.join(',')}`, { line: 1 });
  const got = header.fields.map((f) => f.trim().toLowerCase());
  if (got.length !== IMPORT_HEADER.length || IMPORT_HEADER.some((h, i) => got[i] !== h)) {
    fail(header.line, `the header must be ${IMPORT_HEADER.join(',')}`);
  }
}

function toRow(rec: CsvRecord): Row {
  if (rec.fields.length !== IMPORT_HEADER.length) fail(rec.line, `expected ${IMPORT_HEADER.length} fields, found ${rec.fields.length}`);
  const [code, name, kind, parentCode] = rec.fields.map((f) => f.trim());
  if (!code) fail(rec.line, 'code is empty');
  if (code.length > MAX_CODE || !CODE.test(code)) fail(rec.line, `code must be at most ${MAX_CODE} characters without spaces or /?#&%`);
  if (!name) fail(rec.line, 'name is empty');
  if (name.length > MAX_NAME || CONTROL.test(name)) fail(rec.line, `name must be at most ${MAX_NAME} printable characters`);
  if (!(LOCATION_KINDS as readonly string[]).includes(kind)) fail(rec.line, `unknown kind "${kind}" (use one of ${LOCATION_KINDS.join(', ')})`);
  return { line: rec.line, code, name, kind: kind as LocationKind, parentCode };
}

const inScope = (scopePaths: string[] | null, path: string) => scopePaths === null || scopePaths.some((p) => isWithin(path, p));

/**
 * Validates the records (header first) and returns what to insert and update.
 * @throws DomainError('validation') naming the first bad line.
 */
export function planLocationImport(records: readonly CsvRecord[], ctx: ImportContext): ImportPlan {
  checkHeader(records);
  const body = records.slice(1);
  if (body.length > MAX_IMPORT_ROWS) throw new DomainError('validation', `at most ${MAX_IMPORT_ROWS} rows per import (found ${body.length})`);
  const rows = body.map(toRow);

  const fileByCode = new Map<string, Row>();
  for (const row of rows) {
    const first = fileByCode.get(row.code);
    if (first) fail(row.line, `duplicate code ${row.code} (first on line ${first.line})`);
    fileByCode.set(row.code, row);
  }
  const root = ctx.existing.find((l) => l.parentId === null);
  if (!root) throw new DomainError('internal', 'the organisation has no root location');
  const existingByCode = new Map(ctx.existing.filter((l) => l.code !== null).map((l) => [l.code as string, l]));
  const existingById = new Map(ctx.existing.map((l) => [l.id, l]));

  // Ids first, so parents defined later in the file can be referenced.
  const idOf = new Map<string, string>();
  for (const row of rows) {
    const current = existingByCode.get(row.code);
    // A location-scoped admin updates their own locations only: a code nobody has and one held outside
    // their locations get the same answer (src/core/locations/codes.ts).
    if (isLocationScoped(ctx.scopePaths) && !(current && inScope(ctx.scopePaths, current.path))) fail(row.line, scopedUnknownCode(row.code));
    if (current && current.id === root.id) fail(row.line, `code ${row.code} belongs to the company root, which cannot be imported`);
    idOf.set(row.code, current?.id ?? ctx.newId());
  }

  const parentOf = new Map<string, string | null>(ctx.existing.map((l) => [l.id, l.parentId]));
  for (const row of rows) {
    let parentId: string;
    if (!row.parentCode) {
      if (ctx.scopePaths !== null) fail(row.line, 'parent_code is required because your access is limited to some locations');
      parentId = root.id;
    } else if (row.parentCode === row.code) {
      parentId = fail(row.line, `parent_code ${row.parentCode} is the row's own code`);
    } else {
      const known = idOf.get(row.parentCode) ?? existingByCode.get(row.parentCode)?.id;
      const visible = known !== undefined && (fileByCode.has(row.parentCode) || inScope(ctx.scopePaths, existingById.get(known)!.path));
      parentId = visible ? known : fail(row.line, `unknown parent_code ${row.parentCode}`);
    }
    parentOf.set(idOf.get(row.code)!, parentId);
  }

  // Final paths by walking up the final parent map; a revisited node means the file made a cycle.
  const pathOf = new Map<string, string>([[root.id, root.path]]);
  const resolvePath = (start: string, line: number): string => {
    const chain: string[] = [];
    const seen = new Set<string>();
    let at: string | null | undefined = start;
    while (at && !pathOf.has(at)) {
      if (seen.has(at)) fail(line, 'parent_code makes a cycle (a location would be its own ancestor)');
      seen.add(at);
      chain.push(at);
      at = parentOf.get(at);
    }
    let path = at ? pathOf.get(at)! : '/';
    for (const id of chain.reverse()) {
      path = childPath(path, id);
      pathOf.set(id, path);
    }
    return pathOf.get(start)!;
  };

  const plan: ImportPlan = { inserts: [], updates: [] };
  for (const row of rows) {
    const id = idOf.get(row.code)!;
    const path = resolvePath(id, row.line);
    if (!inScope(ctx.scopePaths, path)) fail(row.line, `parent_code ${row.parentCode} is outside your locations`);
    if (depthOf(path) > MAX_DEPTH) fail(row.line, `the hierarchy may be at most ${MAX_DEPTH} levels deep`);
    const planned: PlannedLocation = { id, parentId: parentOf.get(id)!, kind: row.kind, name: row.name, code: row.code, path, line: row.line };
    (existingById.has(id) ? plan.updates : plan.inserts).push(planned);
  }
  return plan;
}
