/**
 * @module The nightly clean-up (kind `prune-records`, cron): deletes records kept only for a while,
 * today the handled Telegram updates past their retention (src/db/telegram/updates.ts).
 */
import { z } from 'zod';
import { pruneTelegramUpdates } from '../../db/telegram/updates.ts';
import { defineJob } from './queue.ts';

export const pruneRecordsJob = defineJob({
  name: 'prune-records',
  payload: z.object({}),
  schedule: 'every night at 03:17 UTC (cron)',
  cron: '17 3 * * *',
  policy: 'short',
  // The next night prunes again.
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  expireInSeconds: 30 * 60,
  async handler(_payload, ctx) {
    return { telegramUpdates: await pruneTelegramUpdates(ctx.pool) };
  },
});
