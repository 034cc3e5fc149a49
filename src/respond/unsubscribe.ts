/**
 * The unsubscribe page of every message to a contact (src/core/contacts/unsubscribe.ts unsubscribeUrl):
 * GET /u/:token asks to confirm (mail scanners follow links, so a GET changes nothing), POST /u/:token sets
 * the opt-out and says so. The POST also answers RFC 8058 one-click requests (`List-Unsubscribe=One-Click`).
 * Server-rendered, no script, in the contact's language (or ?lang=, or the browser's), right-to-left in Persian.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/deps.ts';
import { createCatalogue } from '../core/i18n/catalogue.ts';
import { defineMessages, type KeyOf } from '../core/i18n/messages.ts';
import { LANGUAGES } from '../core/i18n/languages.ts';
import { isUnsubscribeToken } from '../core/contacts/unsubscribe.ts';
import { findContactByUnsubscribeToken, unsubscribeByToken } from '../db/contacts/unsubscribe.ts';
import { html } from './html.ts';
import { renderDocument } from './render/layout.ts';
import { sendMessage, sendPage, wantsJson } from './pageReply.ts';
import { chooseLanguage } from './i18n.ts';
import type { Fields } from './context.ts';

const unsubscribeMessages = defineMessages({
  en: {
    title: 'Unsubscribe',
    ask: 'Stop receiving surveys from {org}?',
    explain: 'You will get no more survey invitations or reminders from {org}.',
    confirm: 'Unsubscribe',
    doneTitle: 'You are unsubscribed',
    doneText: '{org} will not send you surveys any more.',
    alreadyText: 'You unsubscribed earlier: {org} does not send you surveys.',
  },
  ru: {
    title: 'Отписка',
    ask: 'Больше не получать опросы от {org}?',
    explain: 'Вы больше не будете получать приглашения к опросам и напоминания от {org}.',
    confirm: 'Отписаться',
    doneTitle: 'Вы отписаны',
    doneText: '{org} больше не будет присылать вам опросы.',
    alreadyText: 'Вы уже отписались: {org} не присылает вам опросы.',
  },
  fa: {
    title: 'لغو اشتراک',
    ask: 'دیگر نظرسنجی از {org} دریافت نکنید؟',
    explain: 'دیگر هیچ دعوت‌نامه یا یادآوری نظرسنجی از {org} دریافت نخواهید کرد.',
    confirm: 'لغو اشتراک',
    doneTitle: 'اشتراک شما لغو شد',
    doneText: '{org} دیگر برای شما نظرسنجی نمی‌فرستد.',
    alreadyText: 'شما پیش‌تر اشتراک را لغو کرده‌اید: {org} برای شما نظرسنجی نمی‌فرستد.',
  },
});

export const unsubscribeCatalogue = createCatalogue('unsubscribe page', unsubscribeMessages);
// The organisation's name is isolated (FSI…PDI) so a Latin or Cyrillic name keeps its order inside a Persian sentence.
const text = (lang: string, key: KeyOf<typeof unsubscribeMessages>, org: string) => unsubscribeCatalogue.formatMessage(lang, key, { org: `\u2068${org}\u2069` });

/** Link attempts per minute per client address (a token is 128 random bits: this only keeps scanners slow). */
export const UNSUBSCRIBE_PER_MINUTE = 30;

type TokenRequest = FastifyRequest<{ Params: { token: string } }>;

function pageLanguage(request: FastifyRequest, contactLanguage: string | null): string {
  const explicit = (request.query as Fields | undefined)?.lang;
  if (typeof explicit === 'string' && (LANGUAGES as readonly string[]).includes(explicit)) return explicit;
  return contactLanguage ?? chooseLanguage(LANGUAGES, 'en', undefined, request.headers['accept-language']);
}

function donePage(reply: FastifyReply, lang: string, org: string, already: boolean) {
  const body = html`<h1 tabindex="-1">${text(lang, 'doneTitle', org)}</h1><p role="status">${text(lang, already ? 'alreadyText' : 'doneText', org)}</p>`;
  return sendPage(reply, 200, renderDocument({ lang, title: text(lang, 'doneTitle', org), body }));
}

/** Adds GET and POST /u/:token to the respondent scope (its error pages; rate-limited per address). */
export function unsubscribeRoutes(scope: FastifyInstance, deps: AppDeps) {
  const config = { rateLimit: { max: deps.publicRateLimitPerMinute ?? UNSUBSCRIBE_PER_MINUTE, timeWindow: '1 minute' } };

  scope.get('/u/:token', { logLevel: 'warn', config }, async (request: TokenRequest, reply) => {
    const token = request.params.token;
    const target = isUnsubscribeToken(token) ? await findContactByUnsubscribeToken(deps.pool, token) : null;
    if (!target) return sendMessage(request, reply, 404, 'notFound', 'not_found');
    const lang = pageLanguage(request, target.language);
    if (target.unsubscribedAt) return donePage(reply, lang, target.orgName, true);
    const org = target.orgName;
    const body = html`<h1 tabindex="-1">${text(lang, 'ask', org)}</h1><p>${text(lang, 'explain', org)}</p>
<form method="post" action="/u/${token}?lang=${lang}"><button type="submit">${text(lang, 'confirm', org)}</button></form>`;
    return sendPage(reply, 200, renderDocument({ lang, title: text(lang, 'title', org), body }));
  });

  scope.post('/u/:token', { logLevel: 'warn', bodyLimit: 1024, config }, async (request: TokenRequest, reply) => {
    const token = request.params.token;
    const target = isUnsubscribeToken(token) ? await findContactByUnsubscribeToken(deps.pool, token) : null;
    if (!target) return sendMessage(request, reply, 404, 'notFound', 'not_found');
    await unsubscribeByToken(deps.pool, token);
    if (wantsJson(request)) return reply.send({ ok: true });
    return donePage(reply, pageLanguage(request, target.language), target.orgName, target.unsubscribedAt !== null);
  });
}
