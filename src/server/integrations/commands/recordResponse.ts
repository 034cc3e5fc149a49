/**
 * POST /surveys/:id/responses with an ingest key: a response given in another system, stored by the
 * respondent pages' own command (submitResponse: the same validation, one statement, idempotent on the
 * key). Errors name the field: `answers.<question key>: …`, `language: …`, `locationId: …`.
 */
import type pg from 'pg';
import { pathInScope, scopeOf } from '../../../core/access/index.ts';
import type { z } from 'zod';
import type { RecordResponseSchema } from '../../../core/api/ingest.ts';
import { DomainError } from '../../../core/errors.ts';
import { locationPathOf, setResponseContact } from '../../../db/integrations/apiContacts.ts';
import type { LoadedSurvey } from '../../../db/surveys/loadSurvey.ts';
import { withTransaction } from '../../../db/tx.ts';
import type { ApiKeyCaller } from '../../../http/apiKeyAuth.ts';
import { submitResponse, type SubmitResponseResult } from '../../responses/commands/submitResponse.ts';
import { upsertApiContact } from './upsertApiContact.ts';

type RecordInput = z.infer<typeof RecordResponseSchema>;

const invalid = (field: string, message: string, extra: Record<string, unknown> = {}) =>
  new DomainError('validation', `${field}: ${message}`, { field, ...extra });

/** The id of the location a path ends with (`/root/region/store/` → store). */
const lastId = (path: string) => path.split('/').filter(Boolean).pop() ?? null;

export async function recordResponse(pool: pg.Pool, key: ApiKeyCaller, survey: LoadedSurvey, input: RecordInput, now: Date): Promise<SubmitResponseResult> {
  const scope = scopeOf(key.principal);
  const language = input.language ?? survey.defaultLanguage;
  if (!survey.languages.includes(language)) throw invalid('language', `use one of ${survey.languages.join(', ')}`);
  const questionKeys = new Set(survey.questions.filter((q) => !q.archivedInVersion).map((q) => q.key));
  const unknown = Object.keys(input.answers).find((k) => !questionKeys.has(k));
  if (unknown !== undefined) throw invalid(`answers.${unknown}`, `not a question of this survey (its questions: ${[...questionKeys].join(', ')})`);
  const submittedAt = input.submittedAt ? new Date(input.submittedAt) : now;
  if (submittedAt.getTime() > now.getTime() + 60_000) throw invalid('submittedAt', 'is in the future');

  let locationId: string | null = null;
  if (input.locationId) {
    const path = await locationPathOf(pool, scope.orgId, input.locationId);
    if (!path || !pathInScope(scope, path)) throw invalid('locationId', 'not a location this key may use');
    locationId = input.locationId;
  } else if (scope.locationPaths?.length === 1) {
    // A key limited to one location records there by default (so it can read what it recorded).
    locationId = lastId(scope.locationPaths[0]);
  }

  // A staff survey links no answer to a person (docs/staff.md): the contact is not stored.
  const contactId = input.contact && survey.audience !== 'staff'
    ? (await withTransaction(pool, (tx) => upsertApiContact(tx, key.principal, input.contact!, 'contact'))).contact.id
    : null;

  let result: SubmitResponseResult;
  try {
    result = await submitResponse(pool, {
      survey, answers: input.answers, language, idempotencyKey: input.idempotencyKey, locationId,
      channel: input.channel, hidden: input.hidden ?? {}, submittedAt,
    });
  } catch (err) {
    if (err instanceof DomainError && err.code === 'validation' && err.details?.errors) {
      const errors = err.details.errors as Record<string, { code: string; message: string }>;
      const [first, e] = Object.entries(errors)[0];
      throw invalid(`answers.${first}`, e.message, { errors });
    }
    throw err;
  }
  if (contactId) await setResponseContact(pool, scope.orgId, result.responseId, contactId);
  return result;
}
