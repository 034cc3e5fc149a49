/**
 * The contact import: preview (read, map, plan; nothing written) and import (the same plan applied in the
 * caller's transaction: all of it or nothing). Rows are matched to existing contacts by e-mail, phone or
 * external id; opt-outs are kept whatever the file says.
 */
import type { PoolClient, Queryable } from '../../../db/connection.ts';
import { scopeOf, type Principal } from '../../../core/access/index.ts';
import type { ContactImportInput, ImportPreviewAnswer, ImportResultAnswer } from '../../../core/api/contacts.ts';
import { mappingProblem, planContactImport, suggestMapping, type ColumnMapping, type ImportPlan, type ImportSheet, type RowError } from '../../../core/contacts/importPlan.ts';
import { DomainError } from '../../../core/errors.ts';
import { lockContacts } from '../../../db/contacts/contactRows.ts';
import { applyContactImport } from '../../../db/contacts/importContacts.ts';
import { findContactsByIdentifiers } from '../../../db/contacts/saveContact.ts';
import { getContactsInScope } from '../../../db/contacts/listContacts.ts';
import { listLocations } from '../../../db/locations/listLocations.ts';
import { writeAudit } from '../../../db/users/writeAudit.ts';
import { readContactSheet } from '../readSheet.ts';
import { loadWriteContext } from './writeContext.ts';
import { normalizeEmail, normalizePhone } from '../../../core/contacts/normalize.ts';

const SAMPLE_ROWS = 10;
/** Errors listed in an answer (their total is rowsRefused / the count of errors). */
const MAX_ERRORS = 500;

/** Location cells name a location of the actor's by code or by name (case-insensitive; a name two locations share is ambiguous). */
async function locationResolver(db: Queryable, actor: Principal): Promise<(ref: string) => string | null> {
  const locations = await listLocations(db, scopeOf(actor));
  const byCode = new Map(locations.filter((l) => l.code).map((l) => [l.code!.toLowerCase(), l.id]));
  const byName = new Map<string, string | null>();
  for (const l of locations) {
    const key = l.name.toLowerCase();
    byName.set(key, byName.has(key) ? null : l.id);
  }
  return (ref) => byCode.get(ref.toLowerCase()) ?? byName.get(ref.toLowerCase()) ?? null;
}

async function plan(db: Queryable, actor: Principal, input: ContactImportInput, sheet: ImportSheet, mapping: ColumnMapping) {
  const ctx = await loadWriteContext(db, actor.orgId);
  const defaultCountry = input.defaultCountry === undefined ? ctx.defaultCountry : input.defaultCountry;
  const problem = mappingProblem(mapping, sheet.headers, ctx.attributeDefs);
  // Only the identifiers the file holds are looked up (not the whole directory).
  const col = (field: string) => mapping.indexOf(field as never);
  const cells = (field: string) => (col(field) < 0 ? [] : sheet.rows.map((r) => r.cells[col(field)] ?? '').filter((c) => c.trim()));
  const existing = await findContactsByIdentifiers(db, actor.orgId, {
    emails: cells('email').map(normalizeEmail).filter((e): e is string => e !== null),
    phones: cells('phone').map((p) => normalizePhone(p, defaultCountry)).filter((p): p is string => p !== null),
    externalIds: cells('externalId').map((x) => x.trim().replace(/\s+/g, ' ')),
  });
  const index = (key: 'email' | 'phone' | 'externalId') => new Map(existing.filter((c) => c[key]).map((c) => [c[key]!, c.id]));
  const result = planContactImport(sheet, mapping, {
    attributeDefs: ctx.attributeDefs,
    defaultCountry,
    existing: { email: index('email'), phone: index('phone'), externalId: index('externalId') },
    resolveLocation: await locationResolver(db, actor),
  });
  await refuseOutOfScope(db, actor, result);
  if (actor.locationPaths !== null) requireLocations(result);
  return { result, problem, defaultCountry };
}

// A limited actor may update only contacts they see: a match outside their locations refuses its rows.
async function refuseOutOfScope(db: Queryable, actor: Principal, result: ImportPlan) {
  if (actor.locationPaths === null || result.updates.length === 0) return;
  const visible = new Set(await getContactsInScope(db, scopeOf(actor), result.updates.map((u) => u.id)));
  const hidden = result.updates.filter((u) => !visible.has(u.id));
  if (!hidden.length) return;
  result.updates = result.updates.filter((u) => visible.has(u.id));
  for (const u of hidden) for (const row of u.rows) result.errors.push({ row, column: null, code: 'outside_scope', reason: 'matches a contact outside your locations' });
  settle(result);
}

// A limited actor's new contacts need a location (else they could not see them).
function requireLocations(result: ImportPlan) {
  const missing = result.creates.filter((c) => !c.fields.locationId);
  if (!missing.length) return;
  result.creates = result.creates.filter((c) => c.fields.locationId);
  for (const c of missing) for (const row of c.rows) result.errors.push({ row, column: null, code: 'needs_location', reason: 'no location: give one of your locations' });
  settle(result);
}

function settle(result: ImportPlan) {
  result.errors.sort((a, b) => a.row - b.row);
  result.rowsRefused = new Set(result.errors.map((e) => e.row)).size;
}

const merged = (p: ImportPlan) => [...p.creates, ...p.updates].reduce((n, c) => n + c.rows.length - 1, 0);
const firstErrors = (errors: RowError[]) => errors.slice(0, MAX_ERRORS);

/** Reads the file and plans it; the mapping is the given one or a suggestion from the headers. Writes nothing. */
export async function previewContactImport(db: Queryable, actor: Principal, input: ContactImportInput): Promise<ImportPreviewAnswer> {
  const sheet = await readContactSheet(input.fileName, input.data);
  const defs = (await loadWriteContext(db, actor.orgId)).attributeDefs;
  const mapping = input.mapping ?? suggestMapping(sheet.headers, defs);
  if (input.mapping && input.mapping.length !== sheet.headers.length) {
    throw new DomainError('validation', `mapping: the file has ${sheet.headers.length} columns`, { field: 'mapping' });
  }
  const { result, problem, defaultCountry } = await plan(db, actor, input, sheet, mapping);
  return {
    headers: sheet.headers,
    mapping,
    mappingProblem: problem,
    sample: sheet.rows.slice(0, SAMPLE_ROWS),
    defaultCountry,
    rowsRead: result.rowsRead,
    rowsRefused: problem ? 0 : result.rowsRefused,
    creates: problem ? 0 : result.creates.length,
    updates: problem ? 0 : result.updates.length,
    merged: problem ? 0 : merged(result),
    errors: problem ? [] : firstErrors(result.errors),
  };
}

/**
 * Imports the file with the given mapping in the caller's transaction. When any row is refused, nothing is
 * written (400 with the rows' errors) unless `skipInvalid`: then the good rows are written and the refused
 * ones listed. @throws validation (mapping, file, or refused rows)
 */
export async function importContacts(tx: PoolClient, actor: Principal, input: ContactImportInput): Promise<ImportResultAnswer> {
  if (!input.mapping) throw new DomainError('validation', 'mapping: choose what each column holds (the preview suggests a mapping)', { field: 'mapping' });
  const sheet = await readContactSheet(input.fileName, input.data);
  await lockContacts(tx, actor.orgId);
  const { result, problem } = await plan(tx, actor, input, sheet, input.mapping);
  if (problem) throw new DomainError('validation', `mapping: ${problem}`, { field: 'mapping' });
  if (result.errors.length && !input.skipInvalid) {
    const e = result.errors[0];
    throw new DomainError('validation', `row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.reason} (${result.rowsRefused} rows refused; nothing was imported)`, {
      field: 'data', rowsRefused: result.rowsRefused, errors: firstErrors(result.errors),
    });
  }
  await applyContactImport(tx, actor.orgId, result);
  await writeAudit(tx, {
    orgId: actor.orgId, actorId: actor.userId, action: 'contact.import', targetType: 'contact', targetId: null,
    detail: { created: result.creates.length, updated: result.updates.length, rowsRead: result.rowsRead, rowsRefused: result.rowsRefused },
  });
  return {
    created: result.creates.length, updated: result.updates.length, rowsRead: result.rowsRead, rowsRefused: result.rowsRefused,
    errors: firstErrors(result.errors),
  };
}
