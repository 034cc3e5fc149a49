/** The organisation a command's `--org` names: a light module, so a command need not load another command to use it. */
import { findOrgsNamed } from '../db/support/imports.ts';
import type { Database } from '../db/connection.ts';

/** The organisation named by --org (an id or an exact name), or the only one. */
export async function resolveOrg(db: Database, org: string | undefined): Promise<string> {
  const rows = await findOrgsNamed(db.pool, org);
  if (rows.length === 1) return rows[0].id;
  if (rows.length === 0) throw new Error(org ? `no organisation has the id or name ${JSON.stringify(org)}` : 'there is no organisation yet');
  throw new Error(`${org ? 'several organisations are' : 'there are several organisations'}: name one with --org (${rows.map((r) => `${r.id} "${r.name}"`).join(', ')})`);
}
