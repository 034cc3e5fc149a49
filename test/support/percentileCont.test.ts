/** percentileCont (src/core/support/kpis.ts) against PostgreSQL's own percentile_cont: the support page's SQL uses it. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentileCont } from '../../src/core/support/kpis.ts';
import { ADMIN_URL } from '../helpers/db.ts';
import { rng } from '../helpers/rng.ts';

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
});
afterAll(() => client.end());

describe('percentileCont = PostgreSQL percentile_cont', () => {
  it('agrees on samples of 1 to 40 values, with ties, at p = 0, 0.1, 0.5, 0.9, 0.99, 1', async () => {
    const random = rng(12);
    for (let n = 1; n <= 40; n++) {
      const values = Array.from({ length: n }, () => Math.round(random() * 100_000) / (n % 3 === 0 ? 1 : 7));
      if (n > 3) values[1] = values[2];
      const ps = [0, 0.1, 0.5, 0.9, 0.99, 1];
      const { rows } = await client.query<{ q: number[] }>('select percentile_cont($2::float8[]) within group (order by v) as q from unnest($1::float8[]) v', [values, ps]);
      ps.forEach((p, i) => expect(percentileCont(values, p)).toBeCloseTo(rows[0].q[i], 6));
    }
  });
});
