/** The PostgreSQL server of the tests (DATABASE_URL) as its administrator sees it; shared by db.ts and globalSetup.ts. */
import pg from 'pg';

export const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** What globalSetup provides: the migrated template and the name prefix of this run's databases. */
export interface TestRun {
  template: string;
  prefix: string;
}

/** The database comment by which a file hands its database to the background dropper. */
export const DROP_MARK = 'sarafan-test: drop';

/** One statement on the server's maintenance database (DATABASE_URL), on a connection of its own. */
export async function adminQuery(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    return await admin.query(sql, params);
  } finally {
    await admin.end();
  }
}

/** The URL of database `name` on the DATABASE_URL server. */
export function testDatabaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
