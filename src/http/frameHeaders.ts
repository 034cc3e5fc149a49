/**
 * Who may show a Sarafan response inside a frame (clickjacking). The one place this is decided:
 * app.ts applies it to every response. Nothing is meant to be embedded on other sites, so the
 * dashboard and the API refuse every frame, and respondent pages (/s/...) accept only Sarafan's
 * own origin (docs/deploy.md, "Framing"). An organisation or survey setting for allowed embedding
 * origins would widen `frameAncestorsFor` for respondent pages only.
 */

export type FrameAncestors = "'none'" | "'self'";

/** A shared link's embed and its password form (docs/sharing.md "Embedding"): the link's own list of sites. */
const SHARED_EMBED = /^\/p\/[A-Za-z0-9_-]+\/(embed|unlock\?(.*&)?to=embed)(?:[?&#]|$)/;

/**
 * 'self' for respondent pages, 'route' for a shared link's embed (the route writes the link's frame-ancestors;
 * if it wrote none, 'none' holds), 'none' for everything else.
 */
export function frameAncestorsFor(url: string): FrameAncestors | 'route' {
  if (url.startsWith('/s/')) return "'self'";
  return SHARED_EMBED.test(url) ? 'route' : "'none'";
}

/** Whether the Content-Security-Policy `csp` has a frame-ancestors directive. */
export function hasFrameAncestors(csp: string | undefined): boolean {
  return (csp ?? '').split(';').some((d) => d.trim().split(/\s+/)[0].toLowerCase() === 'frame-ancestors');
}

/**
 * The Content-Security-Policy `csp` (absent: none) with its frame-ancestors directive set to
 * `ancestors`, replacing any the route wrote; other directives are kept in order.
 */
export function withFrameAncestors(csp: string | undefined, ancestors: FrameAncestors): string {
  const kept = (csp ?? '')
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && d.split(/\s+/)[0].toLowerCase() !== 'frame-ancestors');
  return [...kept, `frame-ancestors ${ancestors}`].join('; ');
}

/** X-Frame-Options for browsers that predate frame-ancestors. */
export const X_FRAME_OPTIONS: Record<FrameAncestors, string> = { "'none'": 'DENY', "'self'": 'SAMEORIGIN' };
