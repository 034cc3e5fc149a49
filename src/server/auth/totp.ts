/** TOTP (RFC 6238: SHA-1, 6 digits, 30 s) through otplib; codes of the previous and next step are accepted too. */
import crypto from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { formatRecoveryCode, normalizeRecoveryCode, normalizeTotpCode, RECOVERY_CODE_COUNT } from '../../core/accounts/recoveryCodes.ts';

const PERIOD_S = 30;
const ISSUER = 'Sarafan';

export const newTotpSecret = () => generateSecret();

export interface Enrolment {
  /** The Base32 key for typing into an app by hand. */
  key: string;
  uri: string;
  /** The otpauth URI as an SVG QR code (a data: URL). */
  qrDataUrl: string;
}

/** What an authenticator app needs: the key, the otpauth URI and its QR code. */
export async function enrolmentOf(secret: string, email: string): Promise<Enrolment> {
  const uri = generateURI({ issuer: ISSUER, label: email, secret });
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { key: secret, uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/**
 * The time step of `code` when it is right at `nowMs` within ±1 step and newer than `lastStep`
 * (a code is accepted once), else null.
 */
export async function acceptedStep(secret: string, code: string, nowMs: number, lastStep: number | null): Promise<number | null> {
  const token = normalizeTotpCode(code);
  if (!token) return null;
  const result = await verify({
    strategy: 'totp', secret, token, epoch: Math.floor(nowMs / 1000), epochTolerance: PERIOD_S, ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  }).catch(() => ({ valid: false as const }));
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

export const hashRecoveryCode = (code: string) => crypto.createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');

/** Ten fresh recovery codes (50 random bits each, so a plain SHA-256 is enough to store them). */
export function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = crypto.randomBytes(10);
    return formatRecoveryCode([...bytes].map((b) => alphabet[b & 31]).join(''));
  });
}
