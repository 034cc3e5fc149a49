/**
 * The Telegram channel's routes: the organisation's bot settings (GET/PUT/DELETE /api/v1/org/telegram,
 * owners and admins of the whole organisation), a survey's deep link and QR code
 * (GET /api/v1/surveys/:id/telegram), and the public webhook Telegram posts updates to
 * (POST /telegram/webhook/:key, checked by X-Telegram-Bot-Api-Secret-Token). The long-polling loop
 * (poller.ts) starts and stops with the server.
 */
import crypto from 'node:crypto';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Update } from 'grammy/types';
import type { AppDeps } from '../../http/deps.ts';
import { authorize } from '../../http/session.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { DomainError } from '../../core/errors.ts';
import { withTransaction } from '../../db/tx.ts';
import { loadSurvey } from '../../db/surveys/loadSurvey.ts';
import { deleteBot, getBot, getBotByWebhookKey, saveBot, type BotRow } from '../../db/telegram/bots.ts';
import { deepLink } from '../../core/telegram/conversation.ts';
import {
  UpdateTelegramSchema, type SurveyTelegramLink, type TelegramSettingsView,
} from '../../core/api/messengers.ts';
import { openSecret, sealSecret } from '../auth/secretBox.ts';
import { requireWholeOrg } from '../org/routes.ts';
import { publicBase } from '../surveys/links.ts';
import { botApi, describeTelegramError, telegramErrorCode } from './botApi.ts';
import { handleUpdate } from './handleUpdate.ts';
import { createTelegramPoller } from './poller.ts';

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
const WEBHOOK_KEY_RE = /^[0-9a-f]{32}$/;
const UpdateSchema = z.looseObject({ update_id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) });

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

function webhookUrl(base: string, bot: Pick<BotRow, 'webhookKey'>): string {
  return `${base}/telegram/webhook/${bot.webhookKey}`;
}

function present(bot: BotRow | null, base: string): TelegramSettingsView {
  if (!bot) return { connected: false, placeholder: false, username: null, mode: null, webhookUrl: null, lastError: null, lastErrorAt: null, connectedAt: null };
  return {
    connected: true,
    placeholder: bot.token === null,
    username: bot.username,
    mode: bot.mode,
    webhookUrl: bot.mode === 'webhook' && bot.token ? webhookUrl(base, bot) : null,
    lastError: bot.lastError,
    lastErrorAt: bot.lastErrorAt?.toISOString() ?? null,
    connectedAt: bot.connectedAt.toISOString(),
  };
}

/** A Telegram failure as the API's error: a refused token is the caller's, anything else Telegram's. */
function telegramFailure(err: unknown, token: string): DomainError {
  const code = telegramErrorCode(err);
  if (code === 401 || code === 404) return invalid('token: Telegram does not accept this token', { field: 'token' });
  return new DomainError('unavailable', `Telegram could not be reached: ${describeTelegramError(err, token)}`);
}

/** The webhook's secret, compared in constant time with the stored hash. */
function secretMatches(request: FastifyRequest, bot: BotRow): boolean {
  const given = request.headers[SECRET_HEADER];
  if (typeof given !== 'string' || !bot.webhookSecretHash) return false;
  return crypto.timingSafeEqual(Buffer.from(sha256(given), 'hex'), Buffer.from(bot.webhookSecretHash, 'hex'));
}

export async function registerTelegramRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  const log = (msg: string, err?: unknown) => app.log.warn({ err }, msg);
  const poller = createTelegramPoller(deps, { log });
  app.addHook('onReady', async () => poller.start());
  app.addHook('onClose', async () => poller.stop());

  app.get('/api/v1/org/telegram', async (request): Promise<TelegramSettingsView> => {
    const principal = requireWholeOrg(authorize(request, 'org.manage'));
    return present(await getBot(pool, principal.orgId), publicBase(deps, request));
  });

  app.put('/api/v1/org/telegram', async (request): Promise<TelegramSettingsView> => {
    const principal = requireWholeOrg(authorize(request, 'org.manage'));
    const input = parse(UpdateTelegramSchema, request.body);
    const base = publicBase(deps, request);
    const saved = await withTransaction(pool, async (tx) => {
      const current = await getBot(tx, principal.orgId);
      const token = input.token ?? (current?.token ? openSecret(current.token) : null);
      if (!token) throw invalid('token: paste the token of your bot from @BotFather', { field: 'token' });
      const api = botApi(token);
      const me = await api.getMe().catch((err) => Promise.reject(telegramFailure(err, token)));
      const secret = input.mode === 'webhook' ? crypto.randomBytes(32).toString('base64url') : null;
      const bot = await saveBot(tx, principal.orgId, {
        botId: String(me.id), username: me.username, token: sealSecret(token), mode: input.mode, webhookSecretHash: secret ? sha256(secret) : null,
      });
      // Telegram is told before the commit: should it refuse, nothing changes here either.
      try {
        if (secret) await api.setWebhook(webhookUrl(base, bot), { secret_token: secret, allowed_updates: ['message', 'callback_query'] });
        else await api.deleteWebhook();
      } catch (err) {
        throw telegramFailure(err, token);
      }
      // Another bot replaced: its webhook would keep pointing here (best effort, like DELETE).
      if (current?.token && current.mode === 'webhook' && current.botId !== bot.botId) {
        await botApi(openSecret(current.token)).deleteWebhook().catch((err) => log('could not remove the old bot\'s webhook', err));
      }
      return bot;
    });
    await poller.refresh();
    return present(saved, base);
  });

  app.delete('/api/v1/org/telegram', async (request): Promise<TelegramSettingsView> => {
    const principal = requireWholeOrg(authorize(request, 'org.manage'));
    const bot = await getBot(pool, principal.orgId);
    if (bot?.token && bot.mode === 'webhook') {
      // Best effort: a revoked token or Telegram being away must not keep the bot connected here.
      await botApi(openSecret(bot.token)).deleteWebhook().catch((err) => log('could not remove the Telegram webhook', err));
    }
    await deleteBot(pool, principal.orgId);
    return present(null, publicBase(deps, request));
  });

  app.get('/api/v1/surveys/:id/telegram', async (request): Promise<SurveyTelegramLink> => {
    const principal = authorize(request, 'survey.read');
    const id = parseIdParam(request.params, 'Survey not found');
    const survey = await loadSurvey(pool, principal.orgId, id);
    if (!survey) throw notFound('Survey not found');
    const bot = await getBot(pool, principal.orgId);
    const link = bot ? deepLink(bot.username, survey.slug) : null;
    const qr = link ? await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) : null;
    return { username: bot?.username ?? null, link, qrDataUrl: qr ? `data:image/svg+xml;base64,${Buffer.from(qr).toString('base64')}` : null };
  });

  // Public: Telegram's servers post here. Unknown path: 404; wrong secret: 403; handled: 200 (only
  // after the answer is committed, so a failure makes Telegram deliver the update again).
  const perMinute = Math.max(600, deps.publicRateLimitPerMinute ?? 0);
  app.post(
    '/telegram/webhook/:key',
    {
      logLevel: 'warn',
      bodyLimit: 256 * 1024,
      config: { rateLimit: { max: perMinute, timeWindow: '1 minute', keyGenerator: (r: FastifyRequest) => String((r.params as { key?: string }).key ?? r.ip) } },
    },
    async (request, reply) => {
      const key = String((request.params as { key?: string }).key ?? '');
      const bot = WEBHOOK_KEY_RE.test(key) ? await getBotByWebhookKey(pool, key) : null;
      if (!bot || bot.mode !== 'webhook' || !bot.token) throw notFound();
      if (!secretMatches(request, bot)) throw new DomainError('forbidden', 'Wrong secret token');
      const update = parse(UpdateSchema, request.body) as unknown as Update;
      const token = openSecret(bot.token);
      await handleUpdate(deps, bot, botApi(token), update, log);
      return reply.send({ ok: true });
    },
  );
}
