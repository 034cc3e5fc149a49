/**
 * Review import (docs/reviews.md): the file is read, mapped and checked row by row; the preview says
 * what an import would do and writes nothing; the import writes the new rows in one transaction and
 * skips duplicates (of the file, of stored reviews) and rows with errors.
 */
import crypto from 'node:crypto';
import type { Principal } from '../../../core/access/index.ts';
import { scopeOf } from '../../../core/access/index.ts';
import type { ReviewImportInput, ReviewImportPreview, ReviewImportResult } from '../../../core/api/reviews.ts';
import { applyMapping, type ColumnMapping } from '../../../core/reviews/columns.ts';
import { planReviewImport, type ImportPlan, type ReviewDraft, type RowError } from '../../../core/reviews/importRows.ts';
import type { Queryable } from '../../../db/connection.ts';
import { listLocations } from '../../../db/locations/listLocations.ts';
import { findStoredReviewHashes, insertReviews } from '../../../db/reviews/saveReviews.ts';
import { writeAudit } from '../../../db/users/writeAudit.ts';
import { invalid } from '../../../http/errors.ts';
import { readReviewFile } from '../readReviewFile.ts';

/** Errors listed in an answer (the counts cover all). */
const MAX_LISTED_ERRORS = 200;
const SAMPLE_ROWS = 20;

const hashKey = (key: string) => crypto.createHash('sha256').update(key).digest('hex');

interface Prepared {
  headers: string[];
  mapping: ColumnMapping;
  /** What the mapping lacks (then nothing is read); null when the rows could be read. */
  mappingProblem: { field: string; message: string } | null;
  rows: number;
  plan: ImportPlan;
  hashes: Map<ReviewDraft, string>;
  locationNames: Map<string, string>;
}

async function prepare(db: Queryable, actor: Principal, input: ReviewImportInput, timeZone: string, now: Date): Promise<Prepared> {
  const file = await readReviewFile(input.format, input.content);
  const mapping = applyMapping(file.headers, input.mapping);
  if (typeof mapping === 'string') throw invalid(mapping, { field: mapping.split(':')[0] });
  const problem = mappingProblem(mapping, input);
  if (problem) {
    const empty = { fresh: [], duplicates: [], errors: [], errorRows: 0 };
    return { headers: file.headers, mapping, mappingProblem: problem, rows: file.records.length, plan: empty, hashes: new Map(), locationNames: new Map() };
  }

  const locations = await listLocations(db, scopeOf(actor));
  const rules = {
    mapping, defaultSource: input.source ?? null, ratingScale: input.ratingScale, timeZone, now,
    locations: locations.map((l) => ({ id: l.id, code: l.code, name: l.name })), requireLocation: actor.locationPaths !== null,
  };
  const plan = planReviewImport(file.records, rules, () => false);
  const hashes = new Map(plan.fresh.map((d) => [d, hashKey(d.dedupeKey)] as const));
  const stored = await findStoredReviewHashes(db, actor.orgId, [...hashes.values()]);
  const fresh = plan.fresh.filter((d) => !stored.has(hashes.get(d)!));
  const duplicates = [...plan.duplicates, ...plan.fresh.filter((d) => stored.has(hashes.get(d)!))].sort((a, b) => a.row - b.row);
  const errors = [...file.errors, ...plan.errors].sort((a, b) => a.row - b.row);
  return {
    headers: file.headers,
    mapping,
    mappingProblem: null,
    rows: file.records.length + file.errors.length,
    plan: { fresh, duplicates, errors, errorRows: plan.errorRows + file.errors.length },
    hashes,
    locationNames: new Map(locations.map((l) => [l.id, l.name])),
  };
}

/** The columns an import cannot do without: a date, a text or a rating, a source (or one for the whole file). */
function mappingProblem(mapping: ColumnMapping, input: ReviewImportInput): { field: string; message: string } | null {
  if (mapping.date === null) return { field: 'mapping.date', message: 'mapping.date: choose the column with the date of the review' };
  if (mapping.text === null && mapping.rating === null) return { field: 'mapping.text', message: 'mapping.text: choose the column with the text or the rating' };
  if (mapping.source === null && !input.source) return { field: 'source', message: 'source: the file has no source column; name the source of its reviews' };
  return null;
}

const listed = (errors: RowError[]) => errors.slice(0, MAX_LISTED_ERRORS);

/** What importing the file would do; nothing is written. */
export async function previewReviewImport(db: Queryable, actor: Principal, input: ReviewImportInput, timeZone: string, now: Date): Promise<ReviewImportPreview> {
  const p = await prepare(db, actor, input, timeZone, now);
  const sample = [...p.plan.fresh.map((d) => ({ d, status: 'new' as const })), ...p.plan.duplicates.map((d) => ({ d, status: 'duplicate' as const }))]
    .sort((a, b) => a.d.row - b.d.row)
    .slice(0, SAMPLE_ROWS)
    .map(({ d, status }) => ({
      row: d.row, status, source: d.source, rating: d.rating, ratingScale: d.ratingScale, text: d.text, author: d.author,
      publishedAt: d.publishedAt.toISOString(), location: d.locationId ? (p.locationNames.get(d.locationId) ?? null) : null,
    }));
  return {
    headers: p.headers,
    mapping: p.mapping,
    mappingProblem: p.mappingProblem,
    rows: p.rows,
    fresh: p.plan.fresh.length,
    duplicates: p.plan.duplicates.length,
    errorRows: p.plan.errorRows,
    errors: listed(p.plan.errors),
    sample,
  };
}

/** Imports the file's new reviews in the caller's transaction and records an audit event. */
export async function commitReviewImport(tx: Queryable, actor: Principal, input: ReviewImportInput, timeZone: string, now: Date): Promise<ReviewImportResult> {
  const p = await prepare(tx, actor, input, timeZone, now);
  if (p.mappingProblem) throw invalid(p.mappingProblem.message, { field: p.mappingProblem.field });
  const added = await insertReviews(tx, actor.orgId, p.plan.fresh.map((draft) => ({ draft, hash: p.hashes.get(draft)! })));
  // A review another import stored meanwhile is a duplicate too.
  const duplicates = p.plan.duplicates.length + (p.plan.fresh.length - added);
  await writeAudit(tx, {
    orgId: actor.orgId, actorId: actor.userId, action: 'review.import', targetType: 'review', targetId: null,
    detail: { format: input.format, added, duplicates, errorRows: p.plan.errorRows },
  });
  return { added, duplicates, errorRows: p.plan.errorRows, errors: listed(p.plan.errors) };
}
