/**
 * Talking to the Telegram Bot API through grammY's client. The API root is configurable
 * (TELEGRAM_API_ROOT, default https://api.telegram.org) so a local Bot API server, or the tests'
 * fake (test/helpers/fakeTelegram.ts), can stand in.
 */
import { Api, GrammyError } from 'grammy';

export const DEFAULT_TELEGRAM_API_ROOT = 'https://api.telegram.org';

/** The API root in use, read when called (tests set the variable per file). */
export function telegramApiRoot(): string {
  return (process.env.TELEGRAM_API_ROOT || DEFAULT_TELEGRAM_API_ROOT).replace(/\/+$/, '');
}

/** A client for one bot token. `timeoutSeconds` bounds each call (long polls add their own timeout). */
export function botApi(token: string, timeoutSeconds = 30): Api {
  return new Api(token, { apiRoot: telegramApiRoot(), timeoutSeconds });
}

/** Calls a Bot API method by name with a JSON payload (the replies stored with an update are replayed this way). */
export async function callBot(api: Api, method: string, payload: Record<string, unknown>): Promise<unknown> {
  const raw = api.raw as unknown as Record<string, (p: Record<string, unknown>) => Promise<unknown>>;
  if (typeof raw[method] !== 'function') throw new Error(`unknown Bot API method ${method}`);
  return raw[method](payload);
}

/** Telegram's error code of a failed call (401 bad token, 403 blocked by the user...), or null for a network failure. */
export function telegramErrorCode(err: unknown): number | null {
  return err instanceof GrammyError ? err.error_code : null;
}

/** A one-line description of a failed call without the token (grammY's messages do not contain it; the URL might). */
export function describeTelegramError(err: unknown, token?: string): string {
  const text = err instanceof GrammyError ? `${err.error_code}: ${err.description}` : err instanceof Error ? err.message : String(err);
  return (token ? text.split(token).join('<token>') : text).slice(0, 300);
}
