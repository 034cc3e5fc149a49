/**
 * The public pages of a shared link (docs/sharing.md): GET /p/:token (the read-only report), GET /p/:token/embed
 * (the same, frameable by the link's sites) and POST /p/:token/unlock (the password form's target). No session.
 * Unknown, revoked and expired tokens all get the same 404 page. Pages are never cached; the token in the address
 * is kept out of the logs (request lines at warn level only, src/http/logging.ts masks /p/<token>); rate-limited
 * per address, the password tries harder.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { hashToken, secureRequest } from '../../http/session.ts';
import { chooseLanguage } from '../i18n.ts';
import { first, type Fields } from '../context.ts';
import { sendPage, standardErrorPages } from '../pageReply.ts';
import { countSharedLinkView, findSharedLinkByHash, type SharedLinkRow } from '../../db/sharing/sharedLinks.ts';
import {
  embedFrameAncestors, linkStatus, SHARED_LINK_LANGUAGES, UNLOCK_SECONDS, unlockCookieName, unlockCookieValid, unlockCookieValue, type SharedLinkLanguage,
} from '../../core/sharing/links.ts';
import { renderSharedReport, sharedLinkPasswordMatches } from '../../server/sharing/commands/sharedReport.ts';
import { renderPasswordPage, renderUnavailablePage, SHARED_LINK_CSS } from './page.ts';

const TOKEN_RE = /^[A-Za-z0-9_-]{40,60}$/;
/** Page views per minute per address, and password tries per minute per address and link. */
const VIEWS_PER_MINUTE = 60;
const TRIES_PER_MINUTE = 10;

type TokenRequest = FastifyRequest<{ Params: { token: string } }>;

/** The report documents carry their own inline styles and no script; nothing loads from elsewhere. */
const reportCsp = (ancestors: string | null) =>
  ["default-src 'none'", "style-src 'unsafe-inline'", 'img-src data:', 'font-src data:', "form-action 'self'", "base-uri 'none'",
    ...(ancestors ? [`frame-ancestors ${ancestors}`] : [])].join('; ');

const REPORT_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex',
};

export async function registerSharedLinkPageRoutes(app: FastifyInstance, deps: AppDeps) {
  const views = deps.publicRateLimitPerMinute ?? VIEWS_PER_MINUTE;
  const tries = Math.min(views, TRIES_PER_MINUTE);
  const now = deps.now ?? (() => new Date());
  const viewKey = (request: FastifyRequest) => `${request.ip}|shared-link`;
  const tryKey = (request: FastifyRequest) => `${request.ip}|shared-link-unlock|${(request.params as { token?: string }).token ?? ''}`;

  /** The live link of the address, or null (unknown, revoked, expired). */
  async function liveLink(token: string): Promise<SharedLinkRow | null> {
    const link = TOKEN_RE.test(token) ? await findSharedLinkByHash(deps.pool, hashToken(token)) : null;
    return link && linkStatus(link, now()) === 'active' ? link : null;
  }
  const languageOf = (request: FastifyRequest, link: SharedLinkRow | null): SharedLinkLanguage => {
    const query = (request.query ?? {}) as Fields;
    const body = request.body && typeof request.body === 'object' ? (request.body as Fields) : {};
    return chooseLanguage(SHARED_LINK_LANGUAGES, link?.lang ?? 'en', first(query.lang) || first(body._lang), link ? undefined : request.headers['accept-language']) as SharedLinkLanguage;
  };
  const unavailable = (reply: FastifyReply, lang: string) => sendPage(reply, 404, renderUnavailablePage(lang), SHARED_LINK_CSS);
  const unlocked = (request: FastifyRequest, link: SharedLinkRow) =>
    !link.passwordHash || unlockCookieValid(request.cookies[unlockCookieName(link.id)], link.id, link.passwordHash, Math.floor(now().getTime() / 1000));

  /** The password form, frameable like the embed when it stands in for one. */
  function passwordPage(reply: FastifyReply, status: number, link: SharedLinkRow, token: string, lang: string, embed: boolean, wrong: boolean) {
    const action = `/p/${token}/unlock${embed ? '?to=embed' : ''}`;
    sendPage(reply, status, renderPasswordPage(lang, action, wrong), SHARED_LINK_CSS);
    if (embed) reply.header('content-security-policy', `${String(reply.getHeader('content-security-policy'))}; frame-ancestors ${embedFrameAncestors(link.embedOrigins)}`);
    return reply;
  }

  async function show(request: TokenRequest, reply: FastifyReply, embed: boolean) {
    const link = await liveLink(request.params.token);
    const lang = languageOf(request, link);
    if (!link) return unavailable(reply, lang);
    if (!unlocked(request, link)) return passwordPage(reply, 200, link, request.params.token, lang, embed, false);
    const page = await renderSharedReport(deps.pool, link, lang);
    await countSharedLinkView(deps.pool, link.orgId, link.id, now());
    return reply.status(200).headers({ ...REPORT_HEADERS, 'content-security-policy': reportCsp(embed ? embedFrameAncestors(link.embedOrigins) : null) }).send(page);
  }

  await app.register(async (scope) => {
    scope.setErrorHandler(standardErrorPages());
    // The token is in the URL: log only warnings and errors.
    const viewConfig = { logLevel: 'warn' as const, config: { rateLimit: { max: views, timeWindow: '1 minute', keyGenerator: viewKey } } };
    scope.get('/p/:token', viewConfig, (request: TokenRequest, reply) => show(request, reply, false));
    scope.get('/p/:token/embed', viewConfig, (request: TokenRequest, reply) => show(request, reply, true));
    scope.post('/p/:token/unlock', { logLevel: 'warn', bodyLimit: 8 * 1024, config: { rateLimit: { max: tries, timeWindow: '1 minute', keyGenerator: tryKey } } }, async (request: TokenRequest, reply) => {
      const token = request.params.token;
      const link = await liveLink(token);
      const lang = languageOf(request, link);
      if (!link) return unavailable(reply, lang);
      const embed = first(((request.query ?? {}) as Fields).to) === 'embed';
      const target = `/p/${token}${embed ? '/embed' : ''}?lang=${lang}`;
      if (!link.passwordHash) return reply.redirect(target, 303);
      const password = first((request.body && typeof request.body === 'object' ? (request.body as Fields) : {}).password) ?? '';
      if (!(await sharedLinkPasswordMatches(link, password))) return passwordPage(reply, 403, link, token, lang, embed, true);
      const secure = secureRequest(request);
      const expires = Math.floor(now().getTime() / 1000) + UNLOCK_SECONDS;
      // SameSite=None (when secure) so an unlocked embed works inside another site's frame; the cookie opens one read-only page.
      reply.setCookie(unlockCookieName(link.id), unlockCookieValue(link.id, link.passwordHash, expires), {
        path: `/p/`, httpOnly: true, secure, sameSite: secure ? 'none' : 'lax', maxAge: UNLOCK_SECONDS,
      });
      reply.header('cache-control', 'no-store');
      return reply.redirect(target, 303);
    });
  });
}
