/**
 * A local fake of the Telegram Bot API (https://core.telegram.org/bots/api): `POST /bot<token>/<method>`
 * with a JSON body, answering `{ok, result}` like Telegram. It knows the bots it is given, records
 * every call (sendMessage, answerCallbackQuery, editMessageReplyMarkup, setWebhook...), serves queued
 * updates to getUpdates (holding the request until one arrives or the timeout, as long polling does)
 * and can be told to refuse the next call of a method. No network: tests point TELEGRAM_API_ROOT here.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeBot {
  id: number;
  username: string;
  token: string;
}

export interface RecordedCall {
  token: string;
  method: string;
  payload: Record<string, any>;
  /** What the fake answered (sendMessage: the message, with its message_id); undefined for a refused call. */
  result?: any;
}

interface Waiter {
  match: (c: RecordedCall) => boolean;
  resolve: (c: RecordedCall) => void;
}

export interface FakeTelegram {
  url: string;
  calls: RecordedCall[];
  /** Calls of one method (optionally of one token), in order. */
  callsOf(method: string, token?: string): RecordedCall[];
  /** Resolves with the first call (already made or future) matching, after `after` earlier matches are skipped. */
  waitForCall(match: (c: RecordedCall) => boolean, after?: number): Promise<RecordedCall>;
  /** Queues an update for a bot's getUpdates. */
  pushUpdate(token: string, update: Record<string, unknown>): void;
  /** The next call of `method` is answered with this error code. */
  failNext(method: string, code: number, description?: string): void;
  close(): Promise<void>;
}

export async function startFakeTelegram(bots: FakeBot[]): Promise<FakeTelegram> {
  const calls: RecordedCall[] = [];
  const waiters: Waiter[] = [];
  const queues = new Map<string, Record<string, any>[]>();
  const pollers = new Map<string, () => void>();
  const failures = new Map<string, { code: number; description: string }>();
  let messageId = 1000;
  const openPolls = new Set<http.ServerResponse>();

  const record = (c: RecordedCall) => {
    calls.push(c);
    for (const w of [...waiters]) {
      if (w.match(c)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(c);
      }
    }
  };

  const reply = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
      if (!m) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      const [, token, method] = m;
      const bot = bots.find((b) => b.token === decodeURIComponent(token));
      if (!bot) return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      let payload: Record<string, any> = {};
      try {
        payload = raw ? JSON.parse(raw) : {};
      } catch {
        return reply(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' });
      }
      const failure = failures.get(method);
      if (failure) {
        failures.delete(method);
        record({ token: bot.token, method, payload });
        return reply(res, failure.code, { ok: false, error_code: failure.code, description: failure.description });
      }
      const ok = (result: unknown) => {
        if (method !== 'getUpdates') record({ token: bot.token, method, payload, result });
        reply(res, 200, { ok: true, result });
      };
      switch (method) {
        case 'getMe':
          return ok({ id: bot.id, is_bot: true, first_name: bot.username, username: bot.username });
        case 'sendMessage':
          return ok({ message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: payload.chat_id, type: 'private' }, text: payload.text });
        case 'getUpdates': {
          record({ token: bot.token, method, payload });
          const queue = queues.get(bot.token) ?? [];
          const offset = Number(payload.offset ?? 0);
          // Telegram forgets the updates below the offset: they are confirmed.
          queues.set(bot.token, queue.filter((u) => u.update_id >= offset));
          const answer = () => {
            pollers.delete(bot.token);
            openPolls.delete(res);
            ok(queues.get(bot.token) ?? []);
          };
          if ((queues.get(bot.token) ?? []).length > 0) return answer();
          const timer = setTimeout(answer, Math.min(Number(payload.timeout ?? 0), 2) * 1000);
          openPolls.add(res);
          pollers.set(bot.token, () => (clearTimeout(timer), answer()));
          return;
        }
        default:
          return ok(true);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    callsOf: (method, token) => calls.filter((c) => c.method === method && (!token || c.token === token)),
    waitForCall(match, after = 0) {
      let skip = after;
      const counting = (c: RecordedCall) => match(c) && skip-- <= 0;
      const done = calls.find(counting);
      if (done) return Promise.resolve(done);
      return new Promise((resolve) => waiters.push({ match: counting, resolve }));
    },
    pushUpdate(token, update) {
      queues.set(token, [...(queues.get(token) ?? []), update]);
      pollers.get(token)?.();
    },
    failNext(method, code, description = 'Forbidden: bot was blocked by the user') {
      failures.set(method, { code, description });
    },
    close: async () => {
      for (const res of openPolls) res.end(JSON.stringify({ ok: true, result: [] }));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Telegram's user object of a person writing in their private chat. */
export function tgUser(chatId: number, languageCode = 'en', firstName = 'Anna', lastName = 'Petrova') {
  return { id: chatId, is_bot: false, first_name: firstName, last_name: lastName, username: `user${chatId}`, language_code: languageCode };
}

/** An update with a text message from the person of `chatId`. */
export function textUpdate(updateId: number, chatId: number, text: string, languageCode = 'en') {
  return {
    update_id: updateId,
    message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private', first_name: 'Anna' }, from: tgUser(chatId, languageCode), text },
  };
}

/** An update with a press of the inline button carrying `data` under the message `messageId`. */
export function buttonUpdate(updateId: number, chatId: number, data: string, messageId: number, languageCode = 'en') {
  return {
    update_id: updateId,
    callback_query: {
      id: `cq${updateId}`, from: tgUser(chatId, languageCode), chat_instance: 'ci', data,
      message: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private', first_name: 'Anna' }, text: '…' },
    },
  };
}
