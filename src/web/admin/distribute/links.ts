/** Building respondent URLs with hidden fields. Pure, so the rules are unit-tested. */
import { hiddenKeyOf, hiddenKeyProblem } from '../../../core/responses/hiddenFields.ts';

export interface HiddenField {
  key: string;
  value: string;
}

/**
 * Adds language, channel and valid hidden fields to a public link, keeping the parameters it has
 * (such as `loc`). Keys go in as they are stored (lowercased, hiddenKeyOf); invalid or empty keys
 * are skipped; values are URL-encoded.
 */
export function buildSurveyUrl(base: string, opts: { lang?: string; channel?: string; fields?: HiddenField[] }): string {
  const url = new URL(base, 'http://placeholder.invalid');
  if (opts.lang) url.searchParams.set('lang', opts.lang);
  if (opts.channel) url.searchParams.set('channel', opts.channel);
  for (const f of opts.fields ?? []) if (hiddenKeyProblem(f.key) === null) url.searchParams.set(hiddenKeyOf(f.key), f.value);
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
