/**
 * @module The unsubscribe link every message to a contact carries: `<base>/u/<token>`, where the token is
 * the contact's `unsubscribe_token` (128 random bits as 32 hex digits, migration 081). The link opens a
 * page that asks to confirm (GET) and sets the opt-out (POST); it can do nothing else. Pure.
 */

/** The form of a token: 32 lower-case hex digits (anything else is answered as unknown). */
export const UNSUBSCRIBE_TOKEN_RE = /^[0-9a-f]{32}$/;

export function isUnsubscribeToken(value: string): boolean {
  return UNSUBSCRIBE_TOKEN_RE.test(value);
}

/**
 * The unsubscribe link of a contact, for the footer of every invitation and reminder (and the
 * `List-Unsubscribe` header). `baseUrl` is SARAFAN_PUBLIC_URL or the request's origin, without the
 * trailing slash or with it; `lang` (optional) opens the page in the contact's language.
 * @example unsubscribeUrl('https://nps.example.com', 'c0ffee…', 'ru') // https://nps.example.com/u/c0ffee…?lang=ru
 */
export function unsubscribeUrl(baseUrl: string, token: string, lang?: string | null): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/u/${encodeURIComponent(token)}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`;
}
