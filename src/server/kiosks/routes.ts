/**
 * Kiosks API (docs/api.md "Kiosks"): a survey's in-store kiosks at the caller's locations. Create and
 * revoke need survey.edit and a location in the caller's scope; the list needs survey.read and shows
 * only kiosks at locations in scope. The survey is looked up before the body is read (unknown: 404).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { scopeOf, type Principal } from '../../core/access/index.ts';
import { loadSurvey, type LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import { listKiosks, revokeKiosk, type KioskRow } from '../../db/kiosks/kiosks.ts';
import { authorize } from '../../http/session.ts';
import { notFound } from '../../http/errors.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { publicBase } from '../surveys/links.ts';
import { createKiosk } from './commands/createKiosk.ts';
import {
  CreateKioskRequestSchema, RevokeKioskRequestSchema, type CreateKioskAnswer, type Kiosk, type KioskListAnswer, type RevokeKioskAnswer,
} from '../../core/api/kiosks.ts';

export function presentKiosk(k: KioskRow): Kiosk {
  return {
    id: k.id, name: k.name, locationId: k.locationId, locationName: k.locationName, createdAt: k.createdAt.toISOString(),
    lastSeenAt: k.lastSeenAt ? k.lastSeenAt.toISOString() : null, revokedAt: k.revokedAt ? k.revokedAt.toISOString() : null,
  };
}

/** The kiosk page's address: `/k/<token>/` (the trailing slash makes it the service worker's scope). */
export const kioskPath = (token: string) => `/k/${token}/`;

async function surveyOf(deps: AppDeps, request: FastifyRequest, principal: Principal): Promise<LoadedSurvey> {
  const id = parseIdParam(request.params, 'Survey not found');
  const survey = await loadSurvey(deps.pool, principal.orgId, id);
  if (!survey) throw notFound('Survey not found');
  return survey;
}

export async function registerKioskRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/v1/surveys/:id/kiosks', async (request): Promise<KioskListAnswer> => {
    const principal = authorize(request, 'survey.read');
    const survey = await surveyOf(deps, request, principal);
    return { kiosks: (await listKiosks(deps.pool, scopeOf(principal), survey.id)).map(presentKiosk) };
  });

  app.post('/api/v1/surveys/:id/kiosks', async (request, reply): Promise<CreateKioskAnswer> => {
    const principal = authorize(request, 'survey.edit');
    const survey = await surveyOf(deps, request, principal);
    const input = parse(CreateKioskRequestSchema, request.body);
    const { kiosk, token } = await createKiosk(deps.pool, principal, survey, input);
    reply.status(201);
    return { kiosk: presentKiosk(kiosk), url: `${publicBase(deps, request)}${kioskPath(token)}` };
  });

  app.post('/api/v1/surveys/:id/kiosks/revoke', async (request): Promise<RevokeKioskAnswer> => {
    const principal = authorize(request, 'survey.edit');
    const survey = await surveyOf(deps, request, principal);
    const { kioskId } = parse(RevokeKioskRequestSchema, request.body);
    const kiosk = await revokeKiosk(deps.pool, scopeOf(principal), survey.id, kioskId);
    if (!kiosk) throw notFound('Kiosk not found');
    return { kiosk: presentKiosk(kiosk) };
  });
}
