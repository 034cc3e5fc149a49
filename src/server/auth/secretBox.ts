/**
 * TOTP secrets at rest. With SARAFAN_SECRET set, they are encrypted with AES-256-GCM under a key
 * derived from it (HKDF-SHA256), so a database dump alone cannot produce codes. Without it they are
 * stored as they are: the project has no other server secret, and a key kept in the same database
 * would protect nothing (docs/api.md, "Two-factor sign-in", says so).
 */
import crypto from 'node:crypto';

const PLAIN = 'plain:';
const SEALED = 'v1:';

function keyFrom(secret: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secret, 'sarafan', 'totp-secret-v1', 32));
}

/** The form stored in the database: sealed under `serverSecret` when there is one. */
export function sealSecret(value: string, serverSecret = process.env.SARAFAN_SECRET): string {
  if (!serverSecret) return PLAIN + value;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyFrom(serverSecret), iv);
  const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return SEALED + [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

/** The secret back from its stored form. @throws when it is sealed and SARAFAN_SECRET is missing or another one. */
export function openSecret(stored: string, serverSecret = process.env.SARAFAN_SECRET): string {
  if (stored.startsWith(PLAIN)) return stored.slice(PLAIN.length);
  if (!stored.startsWith(SEALED)) throw new Error('unknown secret format');
  if (!serverSecret) throw new Error('a two-factor secret is encrypted, but SARAFAN_SECRET is not set');
  const [iv, tag, data] = stored.slice(SEALED.length).split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = crypto.createDecipheriv('aes-256-gcm', keyFrom(serverSecret), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}
