/**
 * The SMS gateway settings: GET/PUT/DELETE /api/v1/org/sms and POST /api/v1/org/sms/test (one test
 * message), for owners and admins of the whole organisation. The auth header is stored sealed and
 * never shown again.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { authorize } from '../../http/session.ts';
import { notFound } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { deleteSmsSettings, getSmsSettings, listRecentSmsMessages, saveSmsSettings } from '../../db/sms/smsSettings.ts';
import { SmsTestSchema, UpdateSmsSchema, type SmsSettingsView, type SmsTestAnswer } from '../../core/api/messengers.ts';
import { requireWholeOrg } from '../org/routes.ts';
import { sealSecret } from '../auth/secretBox.ts';
import { sendSms, SmsFailedError } from './smsSender.ts';

async function view(deps: AppDeps, orgId: string): Promise<SmsSettingsView> {
  const [s, recent] = await Promise.all([getSmsSettings(deps.pool, orgId), listRecentSmsMessages(deps.pool, orgId)]);
  return {
    configured: !!s,
    url: s?.url ?? null,
    hasAuthHeader: !!s?.authHeader,
    sender: s?.sender ?? null,
    bodyTemplate: s?.bodyTemplate ?? null,
    recent: recent.map((m) => ({ to: m.to, status: m.status, httpStatus: m.httpStatus, error: m.error, at: m.at.toISOString() })),
  };
}

export async function registerSmsRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/v1/org/sms', async (request): Promise<SmsSettingsView> => {
    const principal = requireWholeOrg(authorize(request, 'org.manage'));
    return view(deps, principal.orgId);
  });

  app.put('/api/v1/org/sms', async (request): Promise<SmsSettingsView> => {
    const principal = requireWholeOrg(authorize(request, 'org.manage'));
    const input = parse(UpdateSmsSchema, request.body);
    await saveSmsSettings(deps.pool, principal.orgId, {
      url: input.url,
      authHeader: input.authHeader === undefined ? undefined : input.authHeader ? sealSecret(input.authHeader) : null,
      sender: input.sender || null,
      bodyTemplate: input.bodyTemplate || null,
    });
    return view(deps, principal.orgId);
  });

  app.delete('/api/v1/org/sms', async (request): Promise<SmsSettingsView> => {
    const principal = requireWholeOrg(authorize(request, 'org.manage'));
    await deleteSmsSettings(deps.pool, principal.orgId);
    return view(deps, principal.orgId);
  });

  app.post('/api/v1/org/sms/test', async (request): Promise<SmsTestAnswer> => {
    const principal = requireWholeOrg(authorize(request, 'org.manage'));
    const { to } = parse(SmsTestSchema, request.body);
    if (!(await getSmsSettings(deps.pool, principal.orgId))) throw notFound('No SMS gateway is configured');
    const phone = `+${to.replace(/\D/g, '')}`;
    try {
      const sent = await sendSms(deps.pool, principal.orgId, { to: phone, text: 'Sarafan: a test message from the SMS settings.', invitationId: null, contactId: null });
      return { ok: true, httpStatus: sent.httpStatus, error: null };
    } catch (err) {
      if (!(err instanceof SmsFailedError)) throw err;
      return { ok: false, httpStatus: err.httpStatus, error: err.message };
    }
  });
}
