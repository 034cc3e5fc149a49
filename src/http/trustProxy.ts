/**
 * SARAFAN_TRUST_PROXY: which reverse proxies may speak for the client in X-Forwarded-For/-Proto/-Host.
 * Only a listed proxy is believed, so the client address is the right-most one no trusted proxy wrote;
 * trusting everyone (the old `1`) would let any client pick its own address and walk past every rate limit.
 */
import net from 'node:net';

/** What `1` / `true` mean: a proxy on this machine (nginx or Caddy next to Sarafan). */
export const LOOPBACK = ['127.0.0.0/8', '::1/128'] as const;

export interface TrustProxySetting {
  /** Addresses and CIDR ranges for Fastify's `trustProxy`, or false to believe no forwarding header. */
  trusted: string[] | false;
  /** Said once at start-up when the value is accepted but may not mean what its author expected. */
  warning: string | null;
}

const OFF = new Set(['', '0', 'false', 'off', 'no']);
const LEGACY_ON = new Set(['1', 'true', 'on', 'yes']);

const refuse = (entry: string, why: string): never => {
  throw new Error(
    `SARAFAN_TRUST_PROXY: "${entry}" ${why}; give the addresses or CIDR ranges of your reverse proxies, ` +
      'separated by commas (e.g. 127.0.0.1,10.0.0.0/8) — see docs/deploy.md',
  );
};

/** One address or CIDR range, checked; returned as written (trimmed). */
function checkEntry(entry: string): string {
  const slash = entry.indexOf('/');
  const address = slash === -1 ? entry : entry.slice(0, slash);
  if (address.includes('%')) refuse(entry, 'has an IPv6 zone id, which cannot be matched');
  const family = net.isIP(address);
  if (family === 0) refuse(entry, 'is not an IP address or CIDR range');
  if (slash === -1) return entry;
  const prefix = entry.slice(slash + 1);
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) refuse(entry, `has a prefix length that is not a whole number from 0 to ${max}`);
  // A /0 range trusts every address: exactly the hole this setting exists to close.
  if (Number(prefix) === 0) refuse(entry, 'trusts every address, so any client could forge its own');
  return entry;
}

/**
 * Parses SARAFAN_TRUST_PROXY.
 * - unset, empty, `0`, `false`, `off`, `no`: no proxy is trusted (forwarding headers are ignored);
 * - `1`, `true`, `on`, `yes`: loopback only (127.0.0.0/8, ::1), with a warning to list proxies elsewhere;
 * - otherwise a comma-separated list of IPv4/IPv6 addresses and CIDR ranges (empty items are skipped).
 * @throws Error naming the first entry that is not an address or a usable range.
 */
export function parseTrustProxy(value: string | undefined): TrustProxySetting {
  const raw = (value ?? '').trim();
  if (OFF.has(raw.toLowerCase())) return { trusted: false, warning: null };
  if (LEGACY_ON.has(raw.toLowerCase())) {
    return {
      trusted: [...LOOPBACK],
      warning:
        `SARAFAN_TRUST_PROXY=${raw} trusts only a reverse proxy on this machine (127.0.0.0/8, ::1). ` +
        'If your proxy runs elsewhere, list its addresses instead (docs/deploy.md).',
    };
  }
  const entries = raw.split(',').map((e) => e.trim()).filter((e) => e !== '');
  if (entries.length === 0) refuse(raw, 'lists no proxy');
  return { trusted: entries.map(checkEntry), warning: null };
}
