/**
 * A kiosk's secrets: the URL token (random, only its SHA-256 stored, like session tokens) and the exit
 * PIN, kept as SHA-256(salt || ':' || pin) so that the kiosk page can check it on the tablet, offline
 * too (docs/kiosk.md: the PIN guards leaving the kiosk screen, nothing on the server).
 */
import crypto from 'node:crypto';
import { hashToken, newToken } from '../../../http/session.ts';

export { hashToken as hashKioskToken, newToken as newKioskToken };

/** SHA-256 hex of `${salt}:${pin}`: what the kiosk page computes with crypto.subtle to check a typed PIN. */
export function hashKioskPin(salt: string, pin: string): string {
  return crypto.createHash('sha256').update(`${salt}:${pin}`, 'utf8').digest('hex');
}

/** True when `pin` is the kiosk's PIN (compared in constant time). */
export function kioskPinMatches(salt: string, hash: string, pin: string): boolean {
  const typed = Buffer.from(hashKioskPin(salt, pin), 'hex');
  const kept = Buffer.from(hash, 'hex');
  return typed.length === kept.length && crypto.timingSafeEqual(typed, kept);
}

/** A fresh salt for a PIN. */
export const newPinSalt = () => crypto.randomBytes(16).toString('hex');
