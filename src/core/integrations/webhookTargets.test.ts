import { describe, expect, it } from 'vitest';
import { addressAllowed, addressClass, webhookUrlProblem } from './webhookTargets.ts';

describe('addressClass', () => {
  it.each([
    ['8.8.8.8', 'public'], ['93.184.216.34', 'public'], ['172.15.255.255', 'public'], ['172.32.0.1', 'public'], ['100.63.255.255', 'public'],
    ['100.128.0.0', 'public'], ['169.253.1.1', 'public'], ['223.255.255.255', 'public'],
    ['127.0.0.1', 'private'], ['127.255.255.254', 'private'], ['10.0.0.1', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'], ['100.64.0.1', 'private'], ['100.127.255.255', 'private'],
    ['169.254.169.254', 'forbidden'], ['169.254.0.1', 'forbidden'], ['0.0.0.0', 'forbidden'], ['0.1.2.3', 'forbidden'], ['224.0.0.1', 'forbidden'],
    ['239.255.255.250', 'forbidden'], ['240.0.0.1', 'forbidden'], ['255.255.255.255', 'forbidden'],
  ] as const)('IPv4 %s is %s', (ip, cls) => expect(addressClass(ip)).toBe(cls));

  it.each([
    ['2606:4700:4700::1111', 'public'], ['2a00:1450:4001:82a::200e', 'public'],
    ['::1', 'private'], ['0:0:0:0:0:0:0:1', 'private'], ['fc00::1', 'private'], ['fd12:3456:789a::1', 'private'],
    ['::', 'forbidden'], ['fe80::1', 'forbidden'], ['fe80::1%eth0', 'forbidden'], ['febf::1', 'forbidden'], ['ff02::1', 'forbidden'], ['2001:db8::1', 'forbidden'],
    // IPv4-mapped: judged by the IPv4 address, in either notation.
    ['::ffff:169.254.169.254', 'forbidden'], ['::ffff:a9fe:a9fe', 'forbidden'], ['::ffff:10.0.0.1', 'private'], ['::ffff:127.0.0.1', 'private'], ['::ffff:8.8.8.8', 'public'],
  ] as const)('IPv6 %s is %s', (ip, cls) => expect(addressClass(ip)).toBe(cls));

  it.each(['', 'localhost', '1.2.3', '1.2.3.4.5', '256.1.1.1', '1.2.3.-1', ':::1', '1::2::3', 'g::1', '1:2:3:4:5:6:7:8:9', '12345::1'])(
    'treats %j (not an address) as forbidden',
    (ip) => expect(addressClass(ip)).toBe('forbidden'),
  );
});

describe('addressAllowed', () => {
  it('allows private addresses only when asked, forbidden ones never', () => {
    expect(addressAllowed('8.8.8.8', false)).toBe(true);
    expect(addressAllowed('127.0.0.1', false)).toBe(false);
    expect(addressAllowed('127.0.0.1', true)).toBe(true);
    expect(addressAllowed('169.254.169.254', true)).toBe(false);
    expect(addressAllowed('fe80::1', true)).toBe(false);
  });
});

describe('webhookUrlProblem', () => {
  it('accepts http and https URLs to public hosts, and names what is wrong otherwise', () => {
    expect(webhookUrlProblem('https://hooks.example.com/sarafan?x=1', false)).toBeNull();
    expect(webhookUrlProblem('http://8.8.8.8:8080/x', false)).toBeNull();
    expect(webhookUrlProblem('ftp://example.com/', false)).toBe('must start with http:// or https://');
    expect(webhookUrlProblem('javascript:alert(1)', false)).toBe('must start with http:// or https://');
    expect(webhookUrlProblem('file:///etc/passwd', false)).toBe('must start with http:// or https://');
    expect(webhookUrlProblem('https://a:b@example.com/', false)).toBe('must not contain a user name or password');
    expect(webhookUrlProblem('example.com/hook', false)).toBe('is not a URL');
    expect(webhookUrlProblem(`https://example.com/${'a'.repeat(2000)}`, false)).toBe('is longer than 2000 characters');
  });

  it('refuses addresses written into the URL by class (localhost as loopback)', () => {
    const privateWords = 'points to a private or loopback address (allowed only with SARAFAN_WEBHOOK_ALLOW_PRIVATE=1)';
    const forbiddenWords = 'points to a link-local, reserved or otherwise forbidden address';
    expect(webhookUrlProblem('http://127.0.0.1:3000/', false)).toBe(privateWords);
    expect(webhookUrlProblem('http://LOCALHOST/', false)).toBe(privateWords);
    expect(webhookUrlProblem('http://api.localhost/', false)).toBe(privateWords);
    expect(webhookUrlProblem('http://[::1]:80/', false)).toBe(privateWords);
    expect(webhookUrlProblem('http://192.168.1.1/', false)).toBe(privateWords);
    expect(webhookUrlProblem('http://127.0.0.1:3000/', true)).toBeNull();
    expect(webhookUrlProblem('http://localhost/', true)).toBeNull();
    expect(webhookUrlProblem('http://169.254.169.254/latest/meta-data/', true)).toBe(forbiddenWords);
    expect(webhookUrlProblem('http://[fe80::1]/', true)).toBe(forbiddenWords);
    expect(webhookUrlProblem('http://[::ffff:169.254.169.254]/', true)).toBe(forbiddenWords);
    // WHATWG URL parsing turns these spellings of 127.0.0.1 into the dotted form before the check.
    expect(webhookUrlProblem('http://2130706433/', false)).toBe(privateWords);
    expect(webhookUrlProblem('http://0x7f.1/', false)).toBe(privateWords);
  });
});
