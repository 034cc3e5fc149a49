/** API keys (migration 085): stored by the SHA-256 of the key, never the key itself. */
import type { Queryable } from '../connection.ts';
import type { ApiKeyScope } from '../../core/integrations/apiKeys.ts';

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
  locationId: string | null;
  locationName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const COLUMNS = `k.id, k.name, k.prefix, k.scope, k.location_id, l.name as location_name, k.created_at, k.last_used_at, k.revoked_at`;

const toRow = (r: any): ApiKeyRow => ({
  id: r.id, name: r.name, prefix: r.prefix, scope: r.scope, locationId: r.location_id, locationName: r.location_name,
  createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at,
});

export async function insertApiKey(
  db: Queryable,
  k: { orgId: string; name: string; prefix: string; keyHash: string; scope: ApiKeyScope; locationId: string | null; createdBy: string },
): Promise<string> {
  const { rows } = await db.query(
    `/* insertApiKey */ insert into api_keys(org_id, name, prefix, key_hash, scope, location_id, created_by)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [k.orgId, k.name, k.prefix, k.keyHash, k.scope, k.locationId, k.createdBy],
  );
  return rows[0].id;
}

/** The organisation's keys, newest first (revoked ones too, for the record). */
export async function listApiKeys(db: Queryable, orgId: string): Promise<ApiKeyRow[]> {
  const { rows } = await db.query(
    `/* listApiKeys */ select ${COLUMNS} from api_keys k left join locations l on l.org_id = k.org_id and l.id = k.location_id
      where k.org_id = $1 order by k.revoked_at is not null, k.created_at desc`,
    [orgId],
  );
  return rows.map(toRow);
}

export async function findApiKey(db: Queryable, orgId: string, id: string): Promise<ApiKeyRow | null> {
  const { rows } = await db.query(
    `/* findApiKey */ select ${COLUMNS} from api_keys k left join locations l on l.org_id = k.org_id and l.id = k.location_id
      where k.org_id = $1 and k.id = $2`,
    [orgId, id],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/** Revokes a key (once: a revoked key keeps its first revocation time). @returns false when not found */
export async function revokeApiKey(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `/* revokeApiKey */ update api_keys set revoked_at = coalesce(revoked_at, now()) where org_id = $1 and id = $2`,
    [orgId, id],
  );
  return rowCount === 1;
}

export interface ApiKeyCallerRow {
  id: string;
  orgId: string;
  scope: ApiKeyScope;
  /** The path of the key's location (null: the whole organisation). */
  locationPath: string | null;
  lastUsedAt: Date | null;
}

/** The live key with this hash, or null (unknown or revoked). */
export async function findApiKeyByHash(db: Queryable, keyHash: string): Promise<ApiKeyCallerRow | null> {
  const { rows } = await db.query(
    `/* findApiKeyByHash */ select k.id, k.org_id, k.scope, l.path, k.last_used_at
       from api_keys k left join locations l on l.org_id = k.org_id and l.id = k.location_id
      where k.key_hash = $1 and k.revoked_at is null`,
    [keyHash],
  );
  const r = rows[0];
  return r ? { id: r.id, orgId: r.org_id, scope: r.scope, locationPath: r.path, lastUsedAt: r.last_used_at } : null;
}

/** Records a use, at most once a minute per key (a busy integration does not write on every request). */
export async function touchApiKey(db: Queryable, orgId: string, id: string): Promise<void> {
  await db.query(
    `/* touchApiKey */ update api_keys set last_used_at = now()
      where org_id = $1 and id = $2 and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
    [orgId, id],
  );
}
