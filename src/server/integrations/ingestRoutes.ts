/**
 * The integration endpoints of `ingest` API keys (docs/api.md "Integration endpoints"): contacts,
 * survey triggers after events, support contact events (batches), responses recorded from other systems. Key-only (src/core/api/keyRoutes.ts
 * declares them); each validates with the schemas of src/core/api/ingest.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import {
  ContactInputSchema, RecordResponseSchema, TriggerSurveySchema,
  type RecordResponseAnswer, type TriggerAnswer, type UpsertContactAnswer,
} from '../../core/api/ingest.ts';
import { DomainError } from '../../core/errors.ts';
import { withTransaction } from '../../db/tx.ts';
import { requireApiKey } from '../../http/apiKeyAuth.ts';
import { notFound } from '../../http/errors.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { surveyOf } from '../analytics/context.ts';
import { upsertApiContact } from './commands/upsertApiContact.ts';
import { triggerSurvey } from './commands/triggerSurvey.ts';
import { queueDueInvitation } from '../invitations/commands/inviteContact.ts';
import { recordResponse } from './commands/recordResponse.ts';
import { SupportEventsBatchSchema } from '../../core/api/supportStore.ts';
import { storeEventBatch } from '../support/storeEventBatch.ts';

/** A body with an `events` member is a batch of support contact events. */
function isSupportEventBatch(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'events' in body;
}

export async function registerIngestRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  // PUT: the contact directory's POST /contacts creates (dashboard sessions); keys create or update.
  app.put('/api/v1/contacts', async (request, reply) => {
    const key = requireApiKey(request, 'ingest');
    const input = parse(ContactInputSchema, request.body ?? {});
    const { contact, created } = await withTransaction(pool, (tx) => upsertApiContact(tx, key.principal, input));
    return reply.status(created ? 201 : 200).send({ contact, created } satisfies UpsertContactAnswer);
  });

  // Two shapes on one URL: `{"events": [...]}` is a batch of support contact events (stored once
  // each, docs/support.md); any other body is a survey trigger after an event.
  app.post('/api/v1/events', async (request, reply) => {
    const key = requireApiKey(request, 'ingest');
    if (isSupportEventBatch(request.body)) {
      const batch = parse(SupportEventsBatchSchema, request.body);
      return reply.status(200).send(await storeEventBatch(pool, key.principal, batch.events));
    }
    const input = parse(TriggerSurveySchema, request.body ?? {});
    const survey = await surveyOf(pool, key.principal, input.surveyId).catch(() => null);
    if (!survey) throw new DomainError('validation', 'surveyId: no such survey', { field: 'surveyId' });
    if (survey.status !== 'live') throw new DomainError('validation', `surveyId: the survey is ${survey.status}, not live`, { field: 'surveyId' });
    const now = deps.now?.() ?? new Date();
    const out = await withTransaction(pool, (tx) => triggerSurvey(tx, key.principal, input, now));
    await queueDueInvitation(app.jobs, out.invitation, now);
    const answer: TriggerAnswer = {
      invitation: {
        id: out.invitation.invitationId, surveyId: input.surveyId, contactId: out.contactId, channel: input.channel,
        status: out.invitation.status, skipReason: out.invitation.skipReason, sendAfter: out.invitation.sendAfter.toISOString(),
      },
      contact: { id: out.contactId, created: out.contactCreated },
    };
    return reply.status(201).send(answer);
  });

  app.post('/api/v1/surveys/:id/responses', async (request, reply) => {
    const key = requireApiKey(request, 'ingest');
    const surveyId = parseIdParam(request.params, 'Survey not found');
    const input = parse(RecordResponseSchema, request.body ?? {});
    const survey = await surveyOf(pool, key.principal, surveyId);
    if (survey.status === 'draft') throw notFound('Survey not found');
    const result = await recordResponse(pool, key, survey, input, deps.now?.() ?? new Date());
    if (result.created) {
      deps.rollupFolder?.kick(survey.orgId);
      deps.responseEvents?.created(survey.orgId, result.responseId);
    }
    return reply.status(result.created ? 201 : 200).send(result satisfies RecordResponseAnswer);
  });
}
