/**
 * Creates a kiosk for a survey at one location (in the caller's scope), with its exit PIN; returns the
 * kiosk and its token, which the caller shows once (only the token's hash is stored).
 */
import type { Queryable } from '../../../db/connection.ts';
import type { Principal } from '../../../core/access/index.ts';
import { scopeOf } from '../../../core/access/index.ts';
import { DomainError } from '../../../core/errors.ts';
import { kioskQuestions } from '../../../core/kiosk/kiosk.ts';
import type { CreateKioskRequest } from '../../../core/api/kiosks.ts';
import type { LoadedSurvey } from '../../../db/surveys/loadSurvey.ts';
import { getLinkLocation } from '../../../db/surveys/listLinkLocations.ts';
import { insertKiosk, type KioskRow } from '../../../db/kiosks/kiosks.ts';
import { hashKioskPin, hashKioskToken, newKioskToken, newPinSalt } from './kioskSecrets.ts';

/**
 * @throws DomainError not_found (location outside the scope), validation (the survey has no score question)
 */
export async function createKiosk(db: Queryable, principal: Principal, survey: LoadedSurvey, input: CreateKioskRequest): Promise<{ kiosk: KioskRow; token: string }> {
  const location = await getLinkLocation(db, scopeOf(principal), input.locationId);
  if (!location) throw new DomainError('not_found', 'Location not found');
  if (!kioskQuestions(survey)) throw new DomainError('validation', 'A kiosk needs a survey whose questions include an NPS or rating question', { field: 'survey' });
  const token = newKioskToken();
  const pinSalt = newPinSalt();
  const kiosk = await insertKiosk(db, {
    orgId: principal.orgId, surveyId: survey.id, locationId: location.id, name: input.name,
    tokenHash: hashKioskToken(token), pinSalt, pinHash: hashKioskPin(pinSalt, input.pin), createdBy: principal.userId,
  });
  return { kiosk, token };
}
