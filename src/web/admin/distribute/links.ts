/** Building respondent URLs with hidden fields. Pure, so the rules are unit-tested. */

/** Query parameters the respondent page reads itself; they cannot be used as hidden-field names. */
export const RESERVED_PARAMS = ['lang', 'loc', 'channel', 'preview'] as const;

export interface HiddenField {
  key: string;
  value: string;
}

/** A hidden-field name is a short identifier and not one of the reserved parameters. */
export function hiddenKeyProblem(key: string): 'empty' | 'format' | 'reserved' | null {
  if (!key) return 'empty';
  if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(key)) return 'format';
  if ((RESERVED_PARAMS as readonly string[]).includes(key.toLowerCase())) return 'reserved';
  return null;
}

/**
 * Adds language, channel and valid hidden fields to a public link, keeping the parameters it has
 * (such as `loc`). Invalid or empty keys are skipped; values are URL-encoded.
 */
export function buildSurveyUrl(base: string, opts: { lang?: string; channel?: string; fields?: HiddenField[] }): string {
  const url = new URL(base, 'http://placeholder.invalid');
  if (opts.lang) url.searchParams.set('lang', opts.lang);
  if (opts.channel) url.searchParams.set('channel', opts.channel);
  for (const f of opts.fields ?? []) if (hiddenKeyProblem(f.key) === null) url.searchParams.set(f.key, f.value);
  // Relative inputs stay relative; absolute ones keep their origin.
  return url.origin === 'http://placeholder.invalid' ? `${url.pathname}${url.search}` : url.toString();
}

/** Poster download address for one location and language (`kind` svg or pdf). */
export function posterUrl(surveyId: string, kind: 'svg' | 'pdf', locationId: string | null, lang: string): string {
  const q = new URLSearchParams();
  if (locationId) q.set('location', locationId);
  q.set('lang', lang);
  return `/api/v1/surveys/${encodeURIComponent(surveyId)}/poster.${kind}?${q.toString()}`;
}

/** Host names that only this machine can open (respondents' phones cannot). */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0', '[::]']);

/**
 * The host of `url` when it is local to the server's machine (links built without SARAFAN_PUBLIC_URL
 * from a browser on the same computer), else null.
 */
export function localHostOf(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  return LOCAL_HOSTS.has(host) || host.endsWith('.localhost') || /^127\./.test(host) ? host : null;
}
