/** Serves the built dashboard SPA (dist/web) with index.html as the fallback for client routes. */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { AppDeps } from '../../http/deps.ts';

// The dashboard loads only its own bundle; charts set inline styles and export through blob:/data: URLs.
// frame-ancestors and X-Frame-Options are added to every response by app.ts (src/http/frameHeaders.ts).
// `frameScripts`: hashes of inline scripts allowed besides, for the builder's live preview, a srcdoc frame that
// inherits this policy and runs the respondent page's script (src/respond/preview/routes.ts).
const dashboardSecurityHeaders = (frameScripts: readonly string[]) => ({
  'content-security-policy':
    `default-src 'self'; script-src 'self'${frameScripts.map((s) => ` ${s}`).join('')}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; ` +
    "media-src 'self' blob:; connect-src 'self'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
});

export async function registerWebRoutes(app: FastifyInstance, deps: AppDeps, frameScripts: readonly string[] = []) {
  const headers = dashboardSecurityHeaders(frameScripts);
  const dir = deps.webDir;
  const index = dir ? path.join(dir, 'index.html') : null;
  if (!dir || !index || !fs.existsSync(index)) {
    app.get('/', async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send('<!doctype html><meta charset="utf-8"><title>Sarafan</title><p>The dashboard is not built. Run <code>npm run build:web</code>.</p>'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: path.join(dir, 'assets'), prefix: '/assets/', decorateReply: false, maxAge: '365d', immutable: true });
  // Read again when the file changes: a rebuild (`npm run build:web`) replaces the hashed assets, and an
  // index.html kept from the start would point at files that no longer exist until a restart.
  let cached = { mtimeMs: -1, html: '' };
  const currentHtml = async (): Promise<string> => {
    const { mtimeMs } = await fs.promises.stat(index);
    if (mtimeMs !== cached.mtimeMs) cached = { mtimeMs, html: await fs.promises.readFile(index, 'utf8') };
    return cached.html;
  };
  const spa = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .headers(headers)
      .send(await currentHtml());
  app.get('/', spa);
  for (const prefix of ['/app', '/setup', '/login', '/invite']) {
    app.get(prefix, spa);
    app.get(`${prefix}/*`, spa);
  }
}
