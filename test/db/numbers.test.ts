/**
 * Numbers from PostgreSQL are never rounded silently: the application's pool leaves bigint and numeric
 * exact (strings), and the db layer's conversion refuses what a JavaScript number cannot hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSafeInteger } from '../../src/db/numbers.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ migrated: false });
});
afterAll(() => db?.drop());

describe('numbers read through the application pool', () => {
  it('keeps bigint beyond 2^53 and numeric with many decimals exact', async () => {
    const { rows } = await db.pool.query(
      `select 9007199254740993::int8 as big, 12345678901234567890.123456789012345::numeric as exact, 0.1::numeric + 0.2::numeric as sum`,
    );
    // As numbers these would be 9007199254740992, 12345678901234567000 and 0.30000000000000004.
    expect(rows[0]).toEqual({ big: '9007199254740993', exact: '12345678901234567890.123456789012345', sum: '0.3' });
  });

  it('gives small counts cast in SQL as numbers', async () => {
    const { rows } = await db.pool.query(`select count(*)::int as n, avg(x)::float8 as mean from (values (1), (2), (4)) v(x)`);
    expect(rows[0]).toEqual({ n: 3, mean: 7 / 3 });
  });
});

describe('toSafeInteger', () => {
  it('converts exact integers, as PostgreSQL sends bigint and numeric sums', () => {
    expect(toSafeInteger('0')).toBe(0);
    expect(toSafeInteger('-42')).toBe(-42);
    expect(toSafeInteger('9007199254740991')).toBe(2 ** 53 - 1);
    expect(toSafeInteger(17)).toBe(17);
  });

  it('refuses integers beyond 2^53 - 1 and fractions instead of rounding them', () => {
    expect(() => toSafeInteger('9007199254740993')).toThrow(RangeError);
    expect(() => toSafeInteger('-9007199254740993')).toThrow(RangeError);
    expect(() => toSafeInteger('2.5')).toThrow(RangeError);
    expect(() => toSafeInteger('')).toThrow(RangeError);
  });
});
