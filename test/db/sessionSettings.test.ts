/**
 * Settings every application connection starts with (src/db/connection.ts createPool): a fixed UTC
 * session time zone, and no JIT compilation (dashboard reads are short; compiling them cost seconds).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ migrated: false });
});
afterAll(() => db?.drop());

describe('application connections', () => {
  it('run in UTC without JIT, whatever the server default', async () => {
    const clients = await Promise.all([db.pool.connect(), db.pool.connect()]);
    try {
      for (const c of clients) {
        const { rows } = await c.query(`select current_setting('TimeZone') as tz, current_setting('jit') as jit`);
        expect(rows[0]).toEqual({ tz: 'UTC', jit: 'off' });
      }
    } finally {
      for (const c of clients) c.release();
    }
  });
});
