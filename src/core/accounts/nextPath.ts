/**
 * Where to go after signing in: only a path of the dashboard on this same origin (`/app` or below),
 * never another site. `//evil.example`, `/\evil.example` (browsers read the backslash as a slash),
 * `https://…`, `javascript:` and control characters are refused (OWASP "Unvalidated Redirects").
 */
export const DEFAULT_NEXT = '/app';

export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2000) return DEFAULT_NEXT;
  // Control characters and backslashes can turn a path into a host in some URL parsers.
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return DEFAULT_NEXT;
  if (!(next === '/app' || next.startsWith('/app/') || next.startsWith('/app?') || next.startsWith('/app#'))) return DEFAULT_NEXT;
  // Dot segments must not climb out of /app (e.g. /app/../..//evil.example).
  const resolved = new URL(next, 'http://sarafan.invalid');
  if (resolved.host !== 'sarafan.invalid') return DEFAULT_NEXT;
  if (!(resolved.pathname === '/app' || resolved.pathname.startsWith('/app/'))) return DEFAULT_NEXT;
  return resolved.pathname + resolved.search + resolved.hash;
}
