/**
 * @module Where outgoing webhooks may be sent (SSRF care, docs/api.md "Webhooks"): http and https URLs
 * without credentials, to public addresses. Loopback, private (RFC 1918, unique-local, CGNAT) addresses
 * are allowed only when the operator says so (SARAFAN_WEBHOOK_ALLOW_PRIVATE=1: a self-hosted setup
 * posting to its own network, and the tests); link-local addresses (the cloud metadata service
 * 169.254.169.254 among them), unspecified, multicast, broadcast and reserved ranges never. Pure: the
 * server resolves the host name and checks every address with {@link addressClass} before connecting
 * to the checked address.
 */

export type AddressClass = 'public' | 'private' | 'forbidden';

function ipv4Octets(ip: string): number[] | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  const octets = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return octets.every((o) => o >= 0 && o <= 255) ? octets : null;
}

function ipv4Class([a, b]: number[]): AddressClass {
  if (a === 0 || a >= 224) return 'forbidden'; // "this network", multicast, reserved, broadcast
  if (a === 169 && b === 254) return 'forbidden'; // link-local: cloud metadata services
  if (a === 127 || a === 10) return 'private';
  if (a === 172 && b >= 16 && b <= 31) return 'private';
  if (a === 192 && b === 168) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'private'; // carrier-grade NAT
  return 'public';
}

/** The 8 16-bit groups of an IPv6 address (with an embedded IPv4 tail converted), or null. */
function ipv6Groups(ip: string): number[] | null {
  let text = ip.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (tail) {
    const o = ipv4Octets(tail[1]);
    if (!o) return null;
    text = `${text.slice(0, -tail[1].length)}${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) => (s ? s.split(':') : []);
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

/**
 * The class of an IP address (v4 or v6, as `dns.lookup` gives it): `public`, `private` (loopback,
 * RFC 1918, CGNAT, unique-local) or `forbidden` (link-local, unspecified, multicast, reserved, or not an
 * address at all). IPv4-mapped and NAT64-free IPv6 forms are judged by their IPv4 address.
 */
export function addressClass(ip: string): AddressClass {
  const v4 = ipv4Octets(ip);
  if (v4) return ipv4Class(v4);
  const g = ipv6Groups(ip);
  if (!g) return 'forbidden';
  const zeroUntil = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUntil(5) && g[5] === 0xffff) return ipv4Class([g[6] >> 8, g[6] & 255]); // ::ffff:a.b.c.d
  if (zeroUntil(7) && g[7] === 1) return 'private'; // ::1
  if (zeroUntil(8)) return 'forbidden'; // ::
  if ((g[0] & 0xffc0) === 0xfe80) return 'forbidden'; // fe80::/10 link-local
  if ((g[0] & 0xff00) === 0xff00) return 'forbidden'; // multicast
  if ((g[0] & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique-local
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'forbidden'; // documentation
  return 'public';
}

/** May a webhook be sent to this address? */
export function addressAllowed(ip: string, allowPrivate: boolean): boolean {
  const c = addressClass(ip);
  return c === 'public' || (c === 'private' && allowPrivate);
}

/**
 * Why a webhook URL is refused before any look-up, or null when its form is acceptable: http or https
 * only, no user name or password, at most 2,000 characters, and a host that is an allowed address when
 * it is written as one (`localhost` counts as loopback).
 */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): string | null {
  if (raw.length > 2000) return 'is longer than 2000 characters';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must start with http:// or https://';
  if (url.username || url.password) return 'must not contain a user name or password';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host) return 'has no host';
  const literal = ipv4Octets(host) || host.includes(':') ? host : host.toLowerCase() === 'localhost' || host.toLowerCase().endsWith('.localhost') ? '127.0.0.1' : null;
  if (literal && !addressAllowed(literal, allowPrivate)) {
    return addressClass(literal) === 'private'
      ? 'points to a private or loopback address (allowed only with SARAFAN_WEBHOOK_ALLOW_PRIVATE=1)'
      : 'points to a link-local, reserved or otherwise forbidden address';
  }
  return null;
}
