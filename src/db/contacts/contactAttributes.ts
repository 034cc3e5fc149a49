/** The organisation's contact attribute definitions (table contact_attributes). */
import type { Queryable } from '../connection.ts';
import type { AttributeDef, AttributeType } from '../../core/contacts/attributes.ts';

const toDef = (r: Record<string, any>): AttributeDef => ({
  key: r.key, label: r.label, type: r.type as AttributeType, choices: r.choices ?? [], dimension: r.dimension,
});

/** Every attribute definition of the organisation, by key. */
export async function listContactAttributes(db: Queryable, orgId: string): Promise<AttributeDef[]> {
  const { rows } = await db.query(
    `/* listContactAttributes */ select key, label, type, choices, dimension from contact_attributes where org_id = $1 order by key`,
    [orgId],
  );
  return rows.map(toDef);
}

/** Creates or replaces a definition. @returns whether it existed before. */
export async function saveContactAttribute(tx: Queryable, orgId: string, def: AttributeDef): Promise<{ created: boolean }> {
  const { rows } = await tx.query(
    `/* saveContactAttribute */ insert into contact_attributes(org_id, key, label, type, choices, dimension) values ($1, $2, $3, $4, $5, $6)
      on conflict (org_id, key) do update set label = excluded.label, type = excluded.type, choices = excluded.choices, dimension = excluded.dimension
      returning (xmax = 0) as created`,
    [orgId, def.key, def.label, def.type, def.choices, def.dimension],
  );
  return { created: rows[0].created };
}

/** One definition, locked for a change, or null. */
export async function getContactAttribute(tx: Queryable, orgId: string, key: string): Promise<AttributeDef | null> {
  const { rows } = await tx.query(
    `/* getContactAttribute */ select key, label, type, choices, dimension from contact_attributes where org_id = $1 and key = $2 for update`,
    [orgId, key],
  );
  return rows[0] ? toDef(rows[0]) : null;
}

/** How many contacts hold a value of `key` (a definition whose type changes must not have any). */
export async function countContactsWithAttribute(tx: Queryable, orgId: string, key: string): Promise<number> {
  const { rows } = await tx.query(
    `/* countContactsWithAttribute */ select count(*)::int as n from contacts where org_id = $1 and attributes ? $2`,
    [orgId, key],
  );
  return rows[0].n;
}

/** Deletes a definition and removes its values from every contact. @returns false when it did not exist. */
export async function deleteContactAttribute(tx: Queryable, orgId: string, key: string): Promise<boolean> {
  const { rowCount } = await tx.query(`/* deleteContactAttribute */ delete from contact_attributes where org_id = $1 and key = $2`, [orgId, key]);
  if (!rowCount) return false;
  await tx.query(
    `/* dropContactAttributeValues */ update contacts set attributes = attributes - $2::text where org_id = $1 and attributes ? $2`,
    [orgId, key],
  );
  return true;
}
