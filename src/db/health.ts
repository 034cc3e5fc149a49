/** The health check's probe: whether the database answers a trivial query now. */
import type { Queryable } from './connection.ts';

export async function isDatabaseUp(db: Queryable): Promise<boolean> {
  return db.query('/* isDatabaseUp */ select 1').then(() => true, () => false);
}
