/**
 * @module The kiosks API contract (docs/api.md "Kiosks"): a survey's in-store kiosks, created with a
 * location and an exit PIN, listed, revoked. The kiosk page's own sync request is in core/kiosk/kiosk.ts.
 */
import { z } from 'zod';
import { IsoInstant, Uuid } from './common.ts';
import { KIOSK_PIN_RE } from '../kiosk/kiosk.ts';

/** POST /surveys/:id/kiosks body. */
export const CreateKioskRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  locationId: Uuid,
  pin: z.string().regex(KIOSK_PIN_RE, 'use 4 to 8 digits'),
});
export type CreateKioskRequest = z.infer<typeof CreateKioskRequestSchema>;

/** POST /surveys/:id/kiosks/revoke body. */
export const RevokeKioskRequestSchema = z.strictObject({ kioskId: Uuid });

export const KioskSchema = z.strictObject({
  id: Uuid,
  name: z.string(),
  locationId: Uuid,
  locationName: z.string(),
  createdAt: IsoInstant,
  /** When the tablet last sent answers; null: never. */
  lastSeenAt: IsoInstant.nullable(),
  revokedAt: IsoInstant.nullable(),
});
export type Kiosk = z.infer<typeof KioskSchema>;

/** GET /surveys/:id/kiosks: the kiosks at the caller's locations, newest first. */
export const KioskListAnswerSchema = z.strictObject({ kiosks: z.array(KioskSchema) });
export type KioskListAnswer = z.infer<typeof KioskListAnswerSchema>;

/** POST /surveys/:id/kiosks: the kiosk and its URL, shown this once (only the token's hash is kept). */
export const CreateKioskAnswerSchema = z.strictObject({ kiosk: KioskSchema, url: z.string() });
export type CreateKioskAnswer = z.infer<typeof CreateKioskAnswerSchema>;

export const RevokeKioskAnswerSchema = z.strictObject({ kiosk: KioskSchema });
export type RevokeKioskAnswer = z.infer<typeof RevokeKioskAnswerSchema>;
