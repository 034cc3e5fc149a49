/**
 * What a public survey request carries besides answers: language, location, channel, hidden
 * fields and the idempotency key, each checked against strict patterns (untrusted input).
 */
import crypto from 'node:crypto';
import type { Queryable } from '../db/connection.ts';
import type { LoadedSurvey } from '../db/surveys/loadSurvey.ts';
import { hiddenKeyOf, hiddenKeyProblem, MAX_HIDDEN_FIELDS, MAX_HIDDEN_VALUE } from '../core/responses/hiddenFields.ts';
import { findLocationByRef } from '../db/locations/findLocationByRef.ts';
import { chooseLanguage } from './i18n.ts';

const CHANNEL_RE = /^[a-z0-9_-]{1,30}$/;

export type Fields = Record<string, unknown>;

/** First value of a form/query field as a string ('' when absent or not a string). */
export function first(value: unknown): string {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** A fresh idempotency key for a rendered form. */
export function newIdempotencyKey(): string {
  return crypto.randomBytes(16).toString('base64url');
}

/** `channel` when well-formed, else `link`. */
export function parseChannel(value: unknown): string {
  const v = first(value);
  return CHANNEL_RE.test(v) ? v : 'link';
}

/**
 * Hidden fields from `entries` (query params, or `h_<name>` form fields with the prefix removed), keys
 * lowercased by the hidden-field key rule (src/core/responses/hiddenFields.ts): malformed or reserved
 * keys and over-long values are dropped, at most 20 kept, never an error for the respondent.
 */
export function parseHidden(entries: Iterable<[string, unknown]>): Record<string, string> {
  const out: Record<string, string> = {};
  let count = 0;
  for (const [raw, value] of entries) {
    if (count >= MAX_HIDDEN_FIELDS) break;
    const key = hiddenKeyOf(raw);
    if (hiddenKeyProblem(key) !== null || Object.hasOwn(out, key)) continue;
    const v = first(value);
    if (v.length > MAX_HIDDEN_VALUE) continue;
    out[key] = v;
    count++;
  }
  return out;
}

/** Hidden fields of a GET: every query parameter except lang, loc, channel and preview (RESERVED_PARAMS). */
export function hiddenFromQuery(query: Fields): Record<string, string> {
  return parseHidden(Object.entries(query));
}

/** Hidden fields of a POST: the `h_<name>` fields. */
export function hiddenFromBody(body: Fields): Record<string, string> {
  return parseHidden(
    Object.entries(body)
      .filter(([k]) => k.startsWith('h_'))
      .map(([k, v]) => [k.slice(2), v] as [string, unknown]),
  );
}

/**
 * The location named by `loc` (id or code) when it belongs to the survey's organisation; anything
 * else is ignored rather than failing, so a mistyped poster still collects answers.
 */
export async function resolveLocation(db: Queryable, survey: LoadedSurvey, loc: unknown): Promise<{ id: string; name: string } | null> {
  const v = first(loc).trim();
  if (!v || v.length > 100) return null;
  return findLocationByRef(db, survey.orgId, v);
}

/** Language of the page: the explicit choice when offered, else Accept-Language, else the survey default. */
export function surveyLanguage(survey: LoadedSurvey, explicit: unknown, acceptLanguage: string | undefined): string {
  const offered = survey.languages.length ? survey.languages : [survey.defaultLanguage];
  return chooseLanguage(offered, survey.defaultLanguage, first(explicit), acceptLanguage);
}

/** `_started` (ms epoch) as a Date when plausible: in the past, within a week. */
export function parseStarted(value: unknown, now: Date): Date | null {
  const ms = Number(first(value));
  if (!Number.isFinite(ms) || ms <= 0) return null;
  const age = now.getTime() - ms;
  return age >= 0 && age < 7 * 86_400_000 ? new Date(ms) : null;
}
