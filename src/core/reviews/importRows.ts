/**
 * @module One row of a review file to one review (or the row's errors), and the plan of a whole file:
 * which rows are new, which repeat a review of the file or of the database, which are refused.
 * Pure: files are read into records by the server (src/server/reviews/readReviewFile.ts), hashes and
 * stored keys come from outside.
 */
import type { ColumnMapping, ReviewField } from './columns.ts';
import { parseReviewDate, toInstant, writtenDay } from './dates.ts';
import { reviewDedupeKey } from './dedupe.ts';
import { isRatingScale, parseRating, type RatingScale } from './rating.ts';

/** A cell as the file readers give it. */
export type CellValue = string | number | boolean | Date | null;

/** One data row of a file: its row number (header = row 1 for CSV and XLSX; the line for JSON lines) and cells by header. */
export interface ReviewRecord {
  row: number;
  cells: Readonly<Record<string, CellValue>>;
}

/** A location an import may name, by code or by name. */
export interface LocationRef {
  id: string;
  code: string | null;
  name: string;
}

export interface ImportRules {
  mapping: ColumnMapping;
  /** Source for rows without one (or for a file without a source column). */
  defaultSource: string | null;
  /** Scale of ratings that do not say theirs. */
  ratingScale: RatingScale;
  /** The organisation's zone: times without an offset are wall-clock times there. */
  timeZone: string;
  now: Date;
  /** The locations the importer may use. */
  locations: readonly LocationRef[];
  /** True for an importer limited to some locations: every row must name one of theirs. */
  requireLocation: boolean;
}

/** What a review says, as imported and as stored. */
export interface ReviewContent {
  source: string;
  externalId: string | null;
  url: string | null;
  author: string | null;
  /** On 1..ratingScale; both null for a review without a rating. */
  rating: number | null;
  ratingScale: RatingScale | null;
  text: string;
  language: string | null;
  publishedAt: Date;
}

/** A review ready to store. */
export interface ReviewDraft extends ReviewContent {
  row: number;
  locationId: string | null;
  /** reviewDedupeKey: hashed before storing. */
  dedupeKey: string;
}

export interface RowError {
  row: number;
  field: ReviewField | null;
  message: string;
}

export const MAX_TEXT = 20_000;
const MAX_SOURCE = 40;
const MAX_SHORT = 200;
const MAX_URL = 2000;
/** Reviews dated before this year are refused as misread dates. */
const MIN_YEAR = 1995;

function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v).trim();
}

/** Lower case, spaces and dashes as `_`: "Yandex Maps" -> `yandex_maps`. */
export function normaliseSource(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** Finds a location by code (case-insensitive), else by its exact name (case-insensitive). */
export function locationMatcher(locations: readonly LocationRef[]): (value: string) => LocationRef | 'ambiguous' | null {
  const byCode = new Map<string, LocationRef>();
  const byName = new Map<string, LocationRef[]>();
  for (const l of locations) {
    if (l.code) byCode.set(l.code.toLowerCase(), l);
    const key = l.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), l]);
  }
  return (value) => {
    const v = value.trim().toLowerCase();
    const code = byCode.get(v);
    if (code) return code;
    const named = byName.get(v) ?? [];
    if (named.length > 1) return 'ambiguous';
    return named[0] ?? null;
  };
}

/**
 * One record as a review.
 * @returns the draft, or every problem of the row (each naming its field)
 */
export function readReviewRow(record: ReviewRecord, rules: ImportRules, findLocation = locationMatcher(rules.locations)): ReviewDraft | RowError[] {
  const errors: RowError[] = [];
  const fail = (field: ReviewField | null, message: string) => errors.push({ row: record.row, field, message });
  const get = (field: ReviewField): CellValue => {
    const header = rules.mapping[field];
    return header === null ? null : (record.cells[header] ?? null);
  };

  const source = normaliseSource(cellText(get('source')) || rules.defaultSource || '');
  if (!source) fail('source', 'no source (choose a column or a source for the whole file)');
  else if (source.length > MAX_SOURCE) fail('source', `source is longer than ${MAX_SOURCE} characters`);

  let scale = rules.ratingScale;
  const scaleCell = cellText(get('scale'));
  if (scaleCell) {
    const n = Number(scaleCell);
    if (isRatingScale(n)) scale = n;
    else fail('scale', `scale "${scaleCell}" must be 5 or 10`);
  }
  const ratingCell = get('rating');
  const rating = parseRating(typeof ratingCell === 'number' ? ratingCell : cellText(ratingCell), scale);
  if ('error' in rating) fail('rating', rating.error);

  const text = cellText(get('text'));
  if (text.length > MAX_TEXT) fail('text', `text is longer than ${MAX_TEXT} characters`);

  const dateCell = get('date');
  const written = dateCell === null || dateCell === '' || typeof dateCell === 'boolean' ? null : parseReviewDate(dateCell);
  let publishedAt: Date | null = null;
  if (dateCell === null || cellText(dateCell) === '') fail('date', 'no date');
  else if (!written) fail('date', `date "${cellText(dateCell)}" is not a date this import reads (e.g. 2024-03-12, 12.03.2024, 12-03-2024 14:30)`);
  else if (written.year < MIN_YEAR) fail('date', `date ${writtenDay(written)} is before ${MIN_YEAR}`);
  else {
    publishedAt = toInstant(written, rules.timeZone);
    if (publishedAt.getTime() > rules.now.getTime() + 86_400_000) fail('date', `date ${writtenDay(written)} is in the future`);
  }

  const url = cellText(get('url')) || null;
  if (url !== null && (url.length > MAX_URL || !/^https?:\/\/[^\s]+$/i.test(url))) fail('url', 'url must be an http(s) address without spaces');
  const externalId = cellText(get('externalId')) || null;
  if (externalId !== null && externalId.length > MAX_SHORT) fail('externalId', `id is longer than ${MAX_SHORT} characters`);
  const author = cellText(get('author')).slice(0, MAX_SHORT) || null;
  const language = cellText(get('language')).toLowerCase() || null;
  if (language !== null && !/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(language)) fail('language', `language "${language}" is not a language code (en, ru, fa, ...)`);

  let locationId: string | null = null;
  const locationCell = cellText(get('location'));
  if (locationCell) {
    const hit = findLocation(locationCell);
    if (hit === 'ambiguous') fail('location', `location "${locationCell}" names several locations; use its code`);
    else if (!hit) fail('location', `location "${locationCell}" is not a code or name of your locations`);
    else locationId = hit.id;
  } else if (rules.requireLocation) fail('location', 'no location (you may import reviews of your locations only)');

  if (!('error' in rating) && rating.rating === null && text === '') fail('text', 'neither a rating nor a text');
  if (errors.length > 0 || publishedAt === null || written === null || 'error' in rating) return errors;
  return {
    row: record.row,
    source,
    externalId,
    url,
    author,
    rating: rating.rating,
    ratingScale: rating.scale,
    text,
    language,
    locationId,
    publishedAt,
    dedupeKey: reviewDedupeKey({ source, externalId, url, author, day: writtenDay(written), text }),
  };
}

/** What an import does with each row of a file. */
export interface ImportPlan {
  /** Reviews to insert: new to the file and (as far as `stored` tells) to the database. */
  fresh: ReviewDraft[];
  /** Rows repeating an earlier row of the file or a stored review. */
  duplicates: ReviewDraft[];
  errors: RowError[];
  /** Rows with at least one error. */
  errorRows: number;
}

/**
 * Reads every record and sorts the rows into new, duplicate and refused.
 * @param isStored whether a review with this key is stored already
 */
export function planReviewImport(records: readonly ReviewRecord[], rules: ImportRules, isStored: (dedupeKey: string) => boolean): ImportPlan {
  const findLocation = locationMatcher(rules.locations);
  const seen = new Set<string>();
  const plan: ImportPlan = { fresh: [], duplicates: [], errors: [], errorRows: 0 };
  for (const record of records) {
    const r = readReviewRow(record, rules, findLocation);
    if (Array.isArray(r)) {
      plan.errors.push(...r);
      plan.errorRows++;
    } else if (seen.has(r.dedupeKey) || isStored(r.dedupeKey)) {
      plan.duplicates.push(r);
    } else {
      seen.add(r.dedupeKey);
      plan.fresh.push(r);
    }
  }
  return plan;
}
