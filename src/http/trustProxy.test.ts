import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from './trustProxy.ts';

describe('parseTrustProxy', () => {
  it('trusts no proxy when unset or switched off', () => {
    for (const value of [undefined, '', '  ', '0', 'false', 'OFF', 'no']) {
      expect(parseTrustProxy(value)).toEqual({ trusted: false, warning: null });
    }
  });

  it('reads the old "1" (and true/on/yes) as loopback only, with a warning', () => {
    for (const value of ['1', 'true', 'On', 'yes']) {
      const setting = parseTrustProxy(value);
      expect(setting.trusted).toEqual(['127.0.0.0/8', '::1/128']);
      expect(setting.warning).toMatch(/only a reverse proxy on this machine/);
    }
  });

  it('keeps a list of addresses and CIDR ranges of both families, skipping empty items', () => {
    expect(parseTrustProxy(' 10.0.0.5, 192.168.0.0/16 ,::1,fd00::/8,')).toEqual({
      trusted: ['10.0.0.5', '192.168.0.0/16', '::1', 'fd00::/8'],
      warning: null,
    });
    expect(parseTrustProxy('127.0.0.1/32,2001:db8::/128').trusted).toEqual(['127.0.0.1/32', '2001:db8::/128']);
  });

  it('refuses entries that are not addresses or usable ranges, naming the entry', () => {
    const cases: [string, RegExp][] = [
      ['10.0.0.1,proxy.local', /"proxy\.local" is not an IP address/],
      ['256.0.0.1', /"256\.0\.0\.1" is not an IP address/],
      ['10.0.0.0/33', /"10\.0\.0\.0\/33" has a prefix length .* 0 to 32/],
      ['fd00::/129', /"fd00::\/129" has a prefix length .* 0 to 128/],
      ['10.0.0.0/x', /"10\.0\.0\.0\/x" has a prefix length/],
      ['10.0.0.0/', /"10\.0\.0\.0\/" has a prefix length/],
      ['0.0.0.0/0', /"0\.0\.0\.0\/0" trusts every address/],
      ['::/0', /"::\/0" trusts every address/],
      ['fe80::1%eth0', /"fe80::1%eth0" has an IPv6 zone id/],
      ['[::1]', /"\[::1\]" is not an IP address/],
      ['2', /"2" is not an IP address/],
      [',', /no proxy/],
    ];
    for (const [value, message] of cases) {
      expect(() => parseTrustProxy(value), value).toThrow(message);
      expect(() => parseTrustProxy(value), value).toThrow(/^SARAFAN_TRUST_PROXY: /);
    }
  });
});
