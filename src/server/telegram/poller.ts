/**
 * Long polling for servers without a public URL: a getUpdates loop in the server process for each bot
 * in polling mode. One process polls a bot at a time (Telegram refuses concurrent getUpdates): the
 * loop holds a lease on the bot's row (telegram_bots.poll_owner, renewed every round) and another
 * process takes over when it lapses. The offset is stored after each update is handled, so a
 * restart neither loses nor repeats one (and a repeated one is a no-op: handleUpdate.ts).
 */
import crypto from 'node:crypto';
import type { Update } from 'grammy/types';
import { openSecret } from '../auth/secretBox.ts';
import { advancePollOffset, claimPollLease, listPollingBots, releasePollLease, setBotError } from '../../db/telegram/bots.ts';
import { retryDelayMs } from '../../core/backoff.ts';
import { botApi, describeTelegramError } from './botApi.ts';
import { handleUpdate, type TelegramDeps } from './handleUpdate.ts';

export interface TelegramPollerOptions {
  /** How long one getUpdates waits for an update (Telegram's `timeout`). */
  pollTimeoutSeconds?: number;
  /** How often the bots in polling mode are looked up again (bots connected in another process). */
  rescanMs?: number;
  log: (msg: string, err?: unknown) => void;
}

export interface TelegramPoller {
  start(): void;
  /** Looks for bots to poll now (after a bot was connected or its mode changed). */
  refresh(): Promise<void>;
  stop(): Promise<void>;
}

export function createTelegramPoller(deps: TelegramDeps, opts: TelegramPollerOptions): TelegramPoller {
  const owner = crypto.randomUUID();
  const pollTimeout = opts.pollTimeoutSeconds ?? 25;
  const leaseSeconds = pollTimeout * 2 + 30;
  const loops = new Map<string, Promise<void>>();
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | null = null;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      stopping.signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });

  async function loop(orgId: string) {
    for (let failures = 0; !stopping.signal.aborted; ) {
      try {
        const bot = await claimPollLease(deps.pool, orgId, owner, leaseSeconds);
        if (!bot || !bot.token || !bot.botId) return; // another process polls it, or it left polling mode
        const token = openSecret(bot.token);
        const api = botApi(token, pollTimeout + 15);
        let updates: Update[];
        try {
          updates = await api.getUpdates({ offset: Number(bot.pollOffset), timeout: pollTimeout, allowed_updates: ['message', 'callback_query'] }, stopping.signal as Parameters<typeof api.getUpdates>[1]);
        } catch (err) {
          if (stopping.signal.aborted) return;
          await setBotError(deps.pool, orgId, describeTelegramError(err, token));
          throw err;
        }
        for (const update of updates) {
          if (stopping.signal.aborted) return;
          await handleUpdate(deps, bot, api, update, opts.log);
          await advancePollOffset(deps.pool, orgId, bot.botId, update.update_id + 1);
        }
        if (failures > 0 && bot.lastError) await setBotError(deps.pool, orgId, null);
        failures = 0;
      } catch (err) {
        if (stopping.signal.aborted) return;
        failures++;
        if (failures === 1) opts.log(`Telegram long polling failed for organisation ${orgId}; retrying`, err);
        await pause(retryDelayMs(failures));
      }
    }
  }

  async function refresh() {
    if (stopping.signal.aborted) return;
    let orgIds: string[];
    try {
      orgIds = await listPollingBots(deps.pool);
    } catch (err) {
      opts.log('could not list the Telegram bots to poll', err);
      return;
    }
    for (const orgId of orgIds) {
      if (loops.has(orgId)) continue;
      loops.set(orgId, loop(orgId).finally(() => loops.delete(orgId)));
    }
  }

  return {
    start() {
      void refresh();
      timer = setInterval(() => void refresh(), opts.rescanMs ?? 15_000);
      timer.unref();
    },
    refresh,
    async stop() {
      if (timer) clearInterval(timer);
      stopping.abort();
      const orgIds = [...loops.keys()];
      await Promise.allSettled(loops.values());
      await Promise.allSettled(orgIds.map((orgId) => releasePollLease(deps.pool, orgId, owner)));
    },
  };
}
