/**
 * Invitation waves (docs/api.md "Invitation waves"): create (planned and sent by background jobs),
 * preview, list with live counts, detail with every invitation's status and skip reason, cancel; and
 * the response rate of a survey per channel and wave. Creating needs survey.edit; reading survey.read,
 * and the invitations of a wave (contacts' addresses) response.read. Location-limited users see only
 * contacts of their locations, and a wave they create reaches only those.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import type { Principal } from '../../core/access/index.ts';
import {
  DsnRequestSchema, type DsnResponse, OrgContactPolicySchema, SurveyContactPolicySchema, type OrgContactPolicy, type SurveyContactPolicy,
  WaveCreateSchema, type InvitationCounts, type ResponseRateResponse, type WaveDetailResponse, type WaveListResponse,
  type WavePreviewResponse, type WaveResponse,
} from '../../core/api/invitations.ts';
import { emptyCounts, foldCounts } from '../../core/invitations/counts.ts';
import { parseDsn } from '../../core/invitations/dsn.ts';
import { markInvitationBounced } from '../../db/invitations/sending.ts';
import { countInvitations, listWaveIds, listWaveInvitations, waveNames } from '../../db/invitations/stats.ts';
import { cancelWave, loadWave } from '../../db/invitations/waves.ts';
import { loadSurvey } from '../../db/surveys/loadSurvey.ts';
import { getOrgContactGap, setOrgContactGap, setSurveyContactGap } from '../../db/invitations/policy.ts';
import { requireWholeOrg } from '../org/routes.ts';
import { notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { createWave, previewWave } from './commands/createWave.ts';
import { presentInvitation, presentWave } from './present.ts';
import { invitationRuntime } from './runtime.ts';

const WAVE_LIMIT = 100;
const INVITATION_LIMIT = 1000;

export async function registerInvitationRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  const now = () => deps.now?.() ?? new Date();

  /** Counts of waves by id, within the caller's scope. */
  async function waveCounts(principal: Principal, waveIds: string[]): Promise<Map<string, InvitationCounts>> {
    const rows = waveIds.length ? await countInvitations(pool, principal.orgId, 'wave', { waveIds, scopePaths: principal.locationPaths }) : [];
    const byWave = new Map<string, typeof rows>();
    for (const r of rows) byWave.set(r.key!, [...(byWave.get(r.key!) ?? []), r]);
    return new Map(waveIds.map((id) => [id, foldCounts(byWave.get(id) ?? [])]));
  }

  async function waveView(principal: Principal, waveId: string) {
    const wave = await loadWave(pool, principal.orgId, waveId);
    if (!wave) throw notFound('Wave not found');
    return presentWave(wave, (await waveCounts(principal, [wave.id])).get(wave.id) ?? emptyCounts());
  }

  app.get('/api/v1/waves', async (request): Promise<WaveListResponse> => {
    const principal = authorize(request, 'survey.read');
    const ids = await listWaveIds(pool, principal.orgId, WAVE_LIMIT);
    const counts = await waveCounts(principal, ids);
    const waves = [];
    for (const id of ids) {
      const w = await loadWave(pool, principal.orgId, id);
      if (w) waves.push(presentWave(w, counts.get(id) ?? emptyCounts()));
    }
    return { waves, channels: invitationRuntime(pool).senders.channels() };
  });

  app.post('/api/v1/waves/preview', async (request): Promise<WavePreviewResponse> => {
    const principal = authorize(request, 'survey.edit');
    const input = parse(WaveCreateSchema, request.body ?? {});
    return previewWave(pool, principal, input, invitationRuntime(pool).senders, now());
  });

  app.post('/api/v1/waves', async (request, reply) => {
    const principal = authorize(request, 'survey.edit');
    const input = parse(WaveCreateSchema, request.body ?? {});
    const waveId = await createWave(pool, app.jobs, principal, input, invitationRuntime(pool).senders, now());
    return reply.status(201).send({ wave: await waveView(principal, waveId) } satisfies WaveResponse);
  });

  // A bounce that came back later by e-mail (a DSN): the operator's mail setup posts it here.
  app.post('/api/v1/waves/bounces', async (request): Promise<DsnResponse> => {
    const principal = requireWholeOrg(authorize(request, 'org.manage'));
    const { message } = parse(DsnRequestSchema, request.body ?? {});
    const report = parseDsn(message);
    const bounced: string[] = [];
    if (report.failed) {
      for (const id of report.invitationIds.slice(0, 100)) {
        if (await markInvitationBounced(pool, principal.orgId, id, `DSN ${report.status ?? 'failed'}`)) bounced.push(id);
      }
    }
    return { failed: report.failed, status: report.status, bounced };
  });

  app.get('/api/v1/waves/:id', async (request): Promise<WaveDetailResponse> => {
    const principal = authorize(request, 'response.read');
    const id = parseIdParam(request.params, 'Wave not found');
    const wave = await waveView(principal, id);
    const rows = await listWaveInvitations(pool, principal.orgId, id, principal.locationPaths, INVITATION_LIMIT + 1);
    return { wave, invitations: rows.slice(0, INVITATION_LIMIT).map(presentInvitation), truncated: rows.length > INVITATION_LIMIT };
  });

  app.post('/api/v1/waves/:id/cancel', async (request): Promise<WaveResponse> => {
    const principal = authorize(request, 'survey.edit');
    const id = parseIdParam(request.params, 'Wave not found');
    if (!(await loadWave(pool, principal.orgId, id))) throw notFound('Wave not found');
    await cancelWave(pool, principal.orgId, id);
    return { wave: await waveView(principal, id) };
  });

  app.get('/api/v1/org/contact-policy', async (request): Promise<OrgContactPolicy> => {
    const principal = authorize(request, 'survey.read');
    return { contactGapDays: await getOrgContactGap(pool, principal.orgId) };
  });

  app.put('/api/v1/org/contact-policy', async (request): Promise<OrgContactPolicy> => {
    const principal = requireWholeOrg(authorize(request, 'org.manage'));
    const { contactGapDays } = parse(OrgContactPolicySchema, request.body ?? {});
    await setOrgContactGap(pool, principal.orgId, contactGapDays);
    return { contactGapDays };
  });

  app.put('/api/v1/surveys/:id/contact-policy', async (request): Promise<SurveyContactPolicy> => {
    const principal = authorize(request, 'survey.edit');
    const surveyId = parseIdParam(request.params, 'Survey not found');
    const { contactGapDays } = parse(SurveyContactPolicySchema, request.body ?? {});
    if (!(await setSurveyContactGap(pool, principal.orgId, surveyId, contactGapDays))) throw notFound('Survey not found');
    return { contactGapDays };
  });

  app.get('/api/v1/surveys/:id/response-rate', async (request): Promise<ResponseRateResponse> => {
    const principal = authorize(request, 'metrics.read');
    const surveyId = parseIdParam(request.params, 'Survey not found');
    if (!(await loadSurvey(pool, principal.orgId, surveyId))) throw notFound('Survey not found');
    const filter = { surveyId, scopePaths: principal.locationPaths };
    const [total, byChannel, byWave] = await Promise.all([
      countInvitations(pool, principal.orgId, 'none', filter),
      countInvitations(pool, principal.orgId, 'channel', filter),
      countInvitations(pool, principal.orgId, 'wave', filter),
    ]);
    const group = (rows: typeof total) => {
      const m = new Map<string | null, typeof rows>();
      for (const r of rows) m.set(r.key, [...(m.get(r.key) ?? []), r]);
      return m;
    };
    const waves = group(byWave);
    const names = await waveNames(pool, principal.orgId, [...waves.keys()].filter((k): k is string => k !== null));
    return {
      total: foldCounts(total),
      byChannel: [...group(byChannel)].map(([channel, rows]) => ({ channel: channel as 'email', counts: foldCounts(rows) })),
      byWave: [...waves].map(([waveId, rows]) => ({ waveId, name: waveId ? (names.get(waveId) ?? null) : null, counts: foldCounts(rows) })),
    };
  });
}
