/**
 * Builds the HTTP application: cross-cutting middleware mounted once, then the route table (routes.ts).
 * Public routes (/s/*, /healthz, auth) are an explicit allowlist; everything else under /api/v1
 * requires a session, and each handler authorizes its action and scopes its queries.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import compress from '@fastify/compress';
import type { AppDeps } from '../http/deps.ts';
import { withPrimaryFallback } from '../db/connection.ts';
import { cleanRequestInput } from '../http/cleanRequest.ts';
import { sendError } from '../http/errors.ts';
import { loggerOptions } from '../http/logging.ts';
import { malformedPathParam } from '../http/validate.ts';
import { addApiHeaders } from '../http/apiHeaders.ts';
import { parseTrustProxy } from '../http/trustProxy.ts';
import { frameAncestorsFor, hasFrameAncestors, withFrameAncestors, X_FRAME_OPTIONS } from '../http/frameHeaders.ts';
import { DomainError } from '../core/errors.ts';
import { loadSession, SESSION_COOKIE } from '../http/session.ts';
import { createApiKeyAuth } from '../http/apiKeyAuth.ts';
import { registerRoutes } from './routes.ts';
import { createRollupFolder, type RollupFolder } from './jobs/foldRollupsJob.ts';
import { createJobQueue, type JobQueue } from './jobs/queue.ts';
import { JOB_KINDS } from './jobs/kinds.ts';
import { setupInvitations } from './invitations/runtime.ts';
import { setupReports } from './reports/deliver.ts';
import { setupAlerts } from './alerts/fire.ts';
import { messengerSenders } from './messengers/senders.ts';
import { sweepRollupsJob } from './jobs/sweepRollupsJob.ts';
import { retryDelayMs } from '../core/backoff.ts';
import { createResponseEvents, type ResponseEvents } from './integrations/webhookEmitter.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Background fold of queued rollup changes (tests await `idle(orgId)`). */
    rollupFolder: RollupFolder;
    /** The job queue (pg-boss) this process sends to and works for. */
    jobs: JobQueue;
    /** Stored responses -> webhook events (src/server/integrations/webhookEmitter.ts). */
    responseEvents: ResponseEvents;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Content types a cross-site HTML form can send without a CORS preflight.
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** The host of an Origin header; null for `Origin: null` (sandboxed frames) and other unparsable values. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export async function buildApp(appDeps: AppDeps): Promise<FastifyInstance> {
  // Dashboards read through the replica and fall back to the primary while it cannot answer;
  // /healthz checks the replica itself (docs/scaling.md).
  const replica = appDeps.readPool;
  // Forwarding headers count only from the listed proxies: request.ip (every rate limit's key),
  // request.protocol (Secure cookies) and request.host (links) are otherwise the socket's own.
  const proxies = parseTrustProxy(process.env.SARAFAN_TRUST_PROXY);
  if (proxies.warning) console.warn(`sarafan: ${proxies.warning}`);
  const app = Fastify({
    // Errors are always logged (every 500 with its errorId); request lines only with `logger` (SARAFAN_LOG=1).
    logger: loggerOptions(appDeps.logger === true),
    frameworkErrors: malformedPathParam,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: proxies.trusted,
  });
  const jobs = createJobQueue(appDeps.pool, {
    kinds: JOB_KINDS,
    log: (message, err) => (err ? app.log.error({ err }, message) : app.log.warn(message)),
  });
  // Invitation senders (e-mail; SMS and Telegram add theirs to `.senders`), links, clock: src/server/invitations/runtime.ts.
  const invitations = setupInvitations(appDeps.pool, { smtpUrl: appDeps.smtpUrl, publicUrl: appDeps.publicUrl, now: appDeps.now });
  setupAlerts({ smtpUrl: appDeps.smtpUrl, publicUrl: appDeps.publicUrl, now: appDeps.now }); // alert e-mails and links: src/server/alerts/fire.ts
  setupReports({ smtpUrl: appDeps.smtpUrl, ...(appDeps.now ? { now: appDeps.now } : {}) }); // report e-mails: src/server/reports/deliver.ts
  for (const sender of messengerSenders(appDeps.pool)) invitations.senders.add(sender);
  const rollupFolder = createRollupFolder(appDeps.pool, jobs, (orgId, err) => app.log.error({ err, orgId }, 'could not enqueue a rollup fold'));
  app.decorate('jobs', jobs);
  app.decorate('rollupFolder', rollupFolder);
  const responseEvents = createResponseEvents(appDeps.pool, jobs, (err) => app.log.error({ err }, 'could not enqueue a webhook event'));
  app.decorate('responseEvents', responseEvents);
  // The queue starts beside the server, which answers meanwhile (jobs sent before it is up wait for
  // it): pg-boss installs or upgrades its schema, then one sweep folds what was queued while no process
  // ran and resumes requested rollup rebuilds. Should the database be down, it tries again with backoff.
  let closing = false;
  let queueStarted: Promise<void> = Promise.resolve();
  let wakeQueueStart = () => {};
  app.addHook('onReady', async () => {
    queueStarted = (async () => {
      for (let failures = 0; !closing; failures++) {
        try {
          await jobs.start();
          await jobs.send(sweepRollupsJob, {});
          return;
        } catch (err) {
          if (failures === 0) app.log.error({ err }, 'the job queue could not start; trying again');
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, retryDelayMs(failures + 1));
            wakeQueueStart = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      }
    })();
  });
  app.addHook('onClose', async () => {
    closing = true;
    wakeQueueStart();
    await rollupFolder.close();
    await responseEvents.settled();
    await queueStarted;
    await jobs.stop();
  });
  const deps: AppDeps = { ...appDeps, rollupFolder, responseEvents, ...(replica ? { readPool: withPrimaryFallback(replica, appDeps.pool) } : {}) };
  app.decorateRequest('sessionUser', null);
  app.decorateRequest('apiKey', null);
  const authenticateApiKey = createApiKeyAuth(deps.pool, deps.apiKeyRateLimitPerMinute);
  if (deps.onRoute) app.addHook('onRoute', deps.onRoute);
  await app.register(cookie);
  await app.register(formbody);
  // Respondent pages count against a 15 kB gzipped budget; the API's JSON and the SPA shrink too.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  await app.register(rateLimit, { global: false });
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );

  app.setErrorHandler((err, request, reply) => sendError(err, request, reply));
  // Control characters and invalid Unicode never reach a handler (PostgreSQL refuses NUL and lone surrogates).
  app.addHook('preValidation', cleanRequestInput);

  app.addHook('onSend', addApiHeaders);

  // Every response, errors and static files included, says who may frame it (src/http/frameHeaders.ts).
  app.addHook('onSend', async (request, reply, payload) => {
    const policy = frameAncestorsFor(request.url);
    const csp = reply.getHeader('content-security-policy');
    // A shared link's embed keeps the sites its route allowed; X-Frame-Options cannot name them (CSP wins in browsers).
    if (policy === 'route' && typeof csp === 'string' && hasFrameAncestors(csp)) return payload;
    const ancestors = policy === 'route' ? "'none'" : policy;
    reply.header('content-security-policy', withFrameAncestors(typeof csp === 'string' ? csp : undefined, ancestors));
    reply.header('x-frame-options', X_FRAME_OPTIONS[ancestors]);
    return payload;
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    // `Authorization: Bearer <key>`: the key alone authenticates (no cookie read, so no CSRF to check).
    if (await authenticateApiKey(request, reply)) return;
    request.sessionUser = await loadSession(deps.pool, request.cookies[SESSION_COOKIE]);
    if (STATE_CHANGING.has(request.method)) {
      // CSRF: the session cookie is SameSite=Lax; in addition, refuse form-encodable bodies and
      // foreign origins on the JSON API.
      const type = String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (FORM_TYPES.includes(type) && type !== 'text/plain') throw new DomainError('forbidden', 'Use a JSON request');
      const origin = request.headers.origin;
      if (origin && originHost(origin) !== request.headers.host) throw new DomainError('forbidden', 'Cross-origin request refused');
    }
  });

  await registerRoutes(app, deps, replica);

  app.setNotFoundHandler((request, reply) => sendError(new DomainError('not_found', 'Not found'), request, reply));
  return app;
}
