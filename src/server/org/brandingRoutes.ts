/**
 * Organisation branding (docs/api.md "Branding"): accent colour and logo, set by org managers and shown
 * on survey pages and posters. The logo is uploaded as the raw image body and served as its own cached
 * URL, so survey pages stay within their size budget.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { detectLogoType, MAX_LOGO_BYTES, readableTextOn } from '../../core/branding/branding.ts';
import { getBranding, getLogoBySlug, getOrgLogo, setAccentColor, setLogo, type Branding } from '../../db/org/branding.ts';
import { writeAudit } from '../../db/users/writeAudit.ts';
import { withTransaction } from '../../db/tx.ts';
import { PUBLIC_SLUG_RE } from '../../core/surveys/publicSlug.ts';
import { authorize, requirePrincipal } from '../../http/session.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { UpdateBrandingSchema, type BrandingView } from '../../core/api/org.ts';

/** Upload types accepted by the parser; the bytes decide (SVG and others get a clear 400, not a 415). */
const UPLOAD_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml', 'image/gif', 'image/webp', 'application/octet-stream'];

function presentBranding(b: Branding): BrandingView {
  return {
    accentColor: b.accentColor,
    accentTextColor: b.accentColor ? readableTextOn(b.accentColor) : null,
    logoUrl: b.logoVersion ? `/api/v1/org/logo?v=${b.logoVersion}` : null,
  };
}

function sendLogo(reply: FastifyReply, logo: { bytes: Buffer; type: string; version: string }, requestedVersion: unknown) {
  // A versioned URL never changes content; an unversioned or outdated one is checked again soon.
  const cache = requestedVersion === logo.version ? 'public, max-age=31536000, immutable' : 'public, max-age=300';
  return reply
    .header('content-type', logo.type)
    .header('cache-control', cache)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'")
    .send(logo.bytes);
}

export async function registerBrandingRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  const manager = (request: Parameters<typeof authorize>[0]) => {
    const principal = authorize(request, 'org.manage');
    if (principal.locationPaths !== null) throw forbidden('Organisation settings need access to the whole organisation');
    return principal;
  };

  app.get('/api/v1/org/branding', async (request): Promise<BrandingView> => {
    const principal = requirePrincipal(request);
    return presentBranding(await getBranding(pool, principal.orgId));
  });

  app.put('/api/v1/org/branding', async (request): Promise<BrandingView> => {
    const principal = manager(request);
    const { accentColor } = parse(UpdateBrandingSchema, request.body);
    await withTransaction(pool, async (tx) => {
      await setAccentColor(tx, principal.orgId, accentColor);
      await writeAudit(tx, { orgId: principal.orgId, actorId: principal.userId, action: 'org.branding', targetType: 'org', targetId: principal.orgId, detail: { accentColor } });
    });
    return presentBranding(await getBranding(pool, principal.orgId));
  });

  app.get('/api/v1/org/logo', async (request, reply) => {
    const principal = requirePrincipal(request);
    const logo = await getOrgLogo(pool, principal.orgId);
    if (!logo) throw notFound('No logo');
    return sendLogo(reply, logo, (request.query as { v?: string }).v);
  });

  await app.register(async (scope) => {
    scope.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: 2 * MAX_LOGO_BYTES }, (_req, body, done) => done(null, body));

    scope.put('/api/v1/org/logo', async (request): Promise<BrandingView> => {
      const principal = manager(request);
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (bytes.length > MAX_LOGO_BYTES) throw invalid(`logo: at most ${MAX_LOGO_BYTES / 1024} kB`, { field: 'logo' });
      const type = detectLogoType(bytes);
      if (!type) throw invalid('logo: use a PNG or JPEG image (SVG is not accepted)', { field: 'logo' });
      await withTransaction(pool, async (tx) => {
        await setLogo(tx, principal.orgId, { bytes, type });
        await writeAudit(tx, { orgId: principal.orgId, actorId: principal.userId, action: 'org.logo', targetType: 'org', targetId: principal.orgId, detail: { type, bytes: bytes.length } });
      });
      return presentBranding(await getBranding(pool, principal.orgId));
    });
  });

  app.delete('/api/v1/org/logo', async (request): Promise<BrandingView> => {
    const principal = manager(request);
    await withTransaction(pool, async (tx) => {
      await setLogo(tx, principal.orgId, null);
      await writeAudit(tx, { orgId: principal.orgId, actorId: principal.userId, action: 'org.logo', targetType: 'org', targetId: principal.orgId, detail: { removed: true } });
    });
    return presentBranding(await getBranding(pool, principal.orgId));
  });

  // Public: the logo shown on survey pages, by the survey's slug (the page's own origin, img-src 'self').
  app.get<{ Params: { slug: string }; Querystring: { v?: string } }>('/s/:slug/logo', async (request, reply) => {
    const { slug } = request.params;
    const logo = PUBLIC_SLUG_RE.test(slug) ? await getLogoBySlug(pool, slug) : null;
    if (!logo) throw notFound('No logo');
    return sendLogo(reply, logo, request.query.v);
  });
}
