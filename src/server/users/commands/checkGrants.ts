/** Shared rules for the locations a user or invitation is limited to. */
import type pg from 'pg';
import { scopeOf, type Principal, type Role } from '../../../core/access/index.ts';
import { getLocationsByIds } from '../../../db/locations/listLocations.ts';
import { invalid, notFound } from '../../../http/errors.ts';

/**
 * Location managers need at least one location; a location-scoped actor may only hand out locations
 * inside their own subtrees, and must hand out at least one (otherwise the person would see more than the actor).
 * @throws not_found for ids outside the actor's scope; validation for a missing grant.
 */
export async function checkGrants(db: pg.Pool | pg.PoolClient, actor: Principal, role: Role, locationIds: readonly string[]): Promise<void> {
  const found = await getLocationsByIds(db, scopeOf(actor), locationIds);
  if (found.length !== locationIds.length) throw notFound('Location not found');
  if (role === 'location_manager' && locationIds.length === 0) throw invalid('locationIds: a location manager needs at least one location');
  if (actor.locationPaths !== null && role !== 'owner' && locationIds.length === 0) {
    throw invalid('locationIds: choose at least one of your locations');
  }
}
