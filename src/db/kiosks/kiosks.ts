/**
 * In-store kiosks (migration 084): created per survey and location, listed and revoked within the
 * caller's location scope, found by their token's hash from the public kiosk page.
 */
import type { Queryable } from '../connection.ts';
import type { Scope } from '../../core/access/index.ts';
import { isUuid } from '../../core/ids.ts';
import { locationScopeSql } from '../scope.ts';

export interface KioskRow {
  id: string;
  name: string;
  locationId: string;
  locationName: string;
  createdAt: Date;
  lastSeenAt: Date | null;
  revokedAt: Date | null;
}

const KIOSK_COLUMNS = `k.id, k.name, k.location_id as "locationId", l.name as "locationName", k.created_at as "createdAt",
  k.last_seen_at as "lastSeenAt", k.revoked_at as "revokedAt"`;

export interface NewKiosk {
  orgId: string;
  surveyId: string;
  locationId: string;
  name: string;
  tokenHash: string;
  pinSalt: string;
  pinHash: string;
  createdBy: string | null;
}

/** Inserts a kiosk; the caller has checked survey and location (in scope). */
export async function insertKiosk(db: Queryable, k: NewKiosk): Promise<KioskRow> {
  const { rows } = await db.query(
    `/* insertKiosk */ with k as (
       insert into kiosks(org_id, survey_id, location_id, name, token_hash, pin_salt, pin_hash, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning *)
     select ${KIOSK_COLUMNS} from k join locations l on l.org_id = k.org_id and l.id = k.location_id`,
    [k.orgId, k.surveyId, k.locationId, k.name, k.tokenHash, k.pinSalt, k.pinHash, k.createdBy],
  );
  return rows[0] as KioskRow;
}

/** The survey's kiosks at locations in the scope, newest first. */
export async function listKiosks(db: Queryable, scope: Scope, surveyId: string): Promise<KioskRow[]> {
  const params: unknown[] = [scope.orgId, surveyId];
  const inScope = locationScopeSql(scope, 'k.location_id', params);
  const { rows } = await db.query(
    `/* listKiosks */ select ${KIOSK_COLUMNS} from kiosks k join locations l on l.org_id = k.org_id and l.id = k.location_id
      where k.org_id = $1 and k.survey_id = $2 and ${inScope} order by k.created_at desc, k.id`,
    params,
  );
  return rows as KioskRow[];
}

/** Revokes one of the survey's kiosks at a location in the scope (again: no change); null when there is none. */
export async function revokeKiosk(db: Queryable, scope: Scope, surveyId: string, kioskId: string): Promise<KioskRow | null> {
  if (!isUuid(kioskId)) return null;
  const params: unknown[] = [scope.orgId, surveyId, kioskId];
  const inScope = locationScopeSql(scope, 'k.location_id', params);
  const { rows } = await db.query(
    `/* revokeKiosk */ with k as (
       update kiosks k set revoked_at = coalesce(k.revoked_at, now())
        where k.org_id = $1 and k.survey_id = $2 and k.id = $3 and ${inScope} returning k.*)
     select ${KIOSK_COLUMNS} from k join locations l on l.org_id = k.org_id and l.id = k.location_id`,
    params,
  );
  return (rows[0] as KioskRow | undefined) ?? null;
}

/** What the public kiosk page needs of a kiosk, found by its token's hash. */
export interface PublicKiosk {
  orgId: string;
  id: string;
  surveyId: string;
  locationId: string;
  locationName: string;
  pinSalt: string;
  pinHash: string;
  revoked: boolean;
}

/** The kiosk whose token has this hash (revoked ones too: the caller refuses them), or null. */
export async function findKioskByTokenHash(db: Queryable, tokenHash: string): Promise<PublicKiosk | null> {
  const { rows } = await db.query(
    `/* findKioskByTokenHash */ select k.org_id as "orgId", k.id, k.survey_id as "surveyId", k.location_id as "locationId",
            l.name as "locationName", k.pin_salt as "pinSalt", k.pin_hash as "pinHash", k.revoked_at is not null as revoked
       from kiosks k join locations l on l.org_id = k.org_id and l.id = k.location_id where k.token_hash = $1`,
    [tokenHash],
  );
  return (rows[0] as PublicKiosk | undefined) ?? null;
}

/** Records that the tablet sent answers now. */
export async function touchKiosk(db: Queryable, orgId: string, kioskId: string): Promise<void> {
  await db.query(`/* touchKiosk */ update kiosks set last_seen_at = now() where org_id = $1 and id = $2`, [orgId, kioskId]);
}
