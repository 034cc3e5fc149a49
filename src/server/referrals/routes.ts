/**
 * "Bring a friend" (docs/store-economics.md "Bring a friend" referrals): GET / PUT /api/v1/referrals/settings
 * (org.manage), POST /api/v1/referrals/claims (store.import, or an API key of scope ingest) and
 * GET /api/v1/referrals/report (metrics.read, over the caller's locations). Codes are issued by the survey
 * pages (./commands/issueCode.ts); their public page is src/respond/referral.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { scopeOf, type Principal } from '../../core/access/index.ts';
import {
  ReferralClaimSchema, ReferralReportQuery, ReferralSettingsSchema,
  type ReferralClaimAnswer, type ReferralReportAnswer, type ReferralSettings,
} from '../../core/api/referrals.ts';
import { normalizeReferralCode } from '../../core/referrals/codes.ts';
import { latestReferrals, referralReport } from '../../core/referrals/report.ts';
import { claimCustomer, getClaimCode } from '../../db/referrals/claims.ts';
import { getReferralsEnabled, setReferralsEnabled } from '../../db/referrals/codes.ts';
import { countIssuedCodes, countReferralVisits, listReferredCustomers, referralLocationNames } from '../../db/referrals/report.ts';
import { withTransaction } from '../../db/tx.ts';
import { getOrgSettings } from '../../db/users/orgSettings.ts';
import { writeAudit } from '../../db/users/writeAudit.ts';
import { requireApiKey } from '../../http/apiKeyAuth.ts';
import type { AppDeps } from '../../http/deps.ts';
import { forbidden, invalid } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse } from '../../http/validate.ts';
import { locationPath } from '../analytics/context.ts';

/** Referrals listed under the report. */
const LATEST = 20;

/** The caller of a claim: an ingest key, or a signed-in user who may import store data. */
function claimant(request: FastifyRequest): Principal {
  return request.apiKey ? requireApiKey(request, 'ingest').principal : authorize(request, 'store.import');
}

/** Whether a code's location is within the caller's locations (codes without one: unrestricted callers only). */
function codeInScope(principal: Principal, locationPath: string | null): boolean {
  if (principal.locationPaths === null) return true;
  return locationPath !== null && principal.locationPaths.some((p) => locationPath.startsWith(p));
}

export async function registerReferralRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  const reads = deps.readPool ?? pool;

  app.get('/api/v1/referrals/settings', async (request): Promise<ReferralSettings> => {
    const principal = authorize(request, 'org.manage');
    return { enabled: await getReferralsEnabled(pool, principal.orgId) };
  });

  app.put('/api/v1/referrals/settings', async (request): Promise<ReferralSettings> => {
    const principal = authorize(request, 'org.manage');
    const body = parse(ReferralSettingsSchema, request.body);
    if (principal.locationPaths !== null) throw forbidden('The referral loop is an organisation setting: it needs access to the whole organisation');
    await withTransaction(pool, async (tx) => {
      await setReferralsEnabled(tx, principal.orgId, body.enabled);
      await writeAudit(tx, {
        orgId: principal.orgId, actorId: principal.userId, action: 'referrals.settings', targetType: 'org', targetId: principal.orgId, detail: body,
      });
    });
    return body;
  });

  app.post('/api/v1/referrals/claims', async (request, reply): Promise<ReferralClaimAnswer> => {
    const principal = claimant(request);
    const body = parse(ReferralClaimSchema, request.body);
    const code = normalizeReferralCode(body.code);
    const found = code ? await getClaimCode(pool, principal.orgId, code) : null;
    // Unknown, and codes of locations outside the caller's, are the same answer.
    if (!found || !codeInScope(principal, found.locationPath)) throw invalid('code: no such referral code', { field: 'code' });
    if (found.promoterKey !== null && found.promoterKey === body.customerId) {
      throw invalid('customerId: a customer cannot use their own referral code', { field: 'customerId' });
    }
    const claim = await claimCustomer(pool, principal.orgId, found.code, body.customerId, body.at ? new Date(body.at) : null);
    reply.status(claim.created ? 201 : 200);
    return { code: claim.code, customerId: claim.customerKey, claimedAt: claim.claimedAt.toISOString(), created: claim.created };
  });

  app.get('/api/v1/referrals/report', async (request): Promise<ReferralReportAnswer> => {
    const principal = authorize(request, 'metrics.read');
    const query = parse(ReferralReportQuery, request.query ?? {});
    if (query.from && query.to && query.from > query.to) throw invalid('to: must not be before from', { field: 'to' });
    const [path, org, enabled] = await Promise.all([
      query.location ? locationPath(reads, principal, query.location) : undefined,
      getOrgSettings(reads, principal.orgId),
      getReferralsEnabled(reads, principal.orgId),
    ]);
    const scope = scopeOf(principal);
    const filter = { from: query.from, to: query.to, locationPath: path, timeZone: org?.timezone ?? 'UTC' };
    const [issued, visits, referred] = await Promise.all([
      countIssuedCodes(reads, scope, filter), countReferralVisits(reads, scope, filter), listReferredCustomers(reads, scope, filter),
    ]);
    const ids = [...new Set([...issued, ...visits, ...referred].map((r) => r.locationId).filter((id): id is string => id !== null))];
    const names = await referralLocationNames(reads, principal.orgId, ids);
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    const report = referralReport(issued, visits, referred, names.map((n) => n.id));
    return {
      enabled,
      locations: report.locations.map(({ locationId, ...f }) => ({ location_id: locationId, location_name: locationId ? (nameOf.get(locationId) ?? null) : null, ...f })),
      totals: report.totals,
      latest: latestReferrals(referred, LATEST).map((r) => ({
        code: r.code, location_name: r.locationId ? (nameOf.get(r.locationId) ?? null) : null, referred_at: r.referredAt.toISOString(),
        first_purchase_at: r.firstPurchaseAt ? r.firstPurchaseAt.toISOString() : null, revenue: Math.round(r.revenue * 100) / 100,
      })),
    };
  });
}
