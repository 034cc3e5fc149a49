/**
 * An independent TOTP for tests (RFC 4226 HOTP + RFC 6238 time steps on node:crypto), so codes are
 * not computed by the library under test.
 */
import crypto from 'node:crypto';

/** RFC 4648 base32 (no padding) to bytes. */
export function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of text.replace(/[=\s]+/g, '').toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** RFC 4226 HOTP with SHA-1 and 6 digits. */
export function hotp(key: Buffer, counter: number): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac('sha1', key).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 1_000_000).padStart(6, '0');
}

/** RFC 6238: the 30-second time step of an instant (epoch ms). */
export const timeStep = (ms: number) => Math.floor(ms / 1000 / 30);

/** The code of a base32 secret at a time step. */
export const totpAt = (secret: string, step: number) => hotp(base32Decode(secret), step);
