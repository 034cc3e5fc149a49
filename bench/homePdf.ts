/**
 * The home page and a report PDF on the bench organisation (docs/bench.md "Home and report PDF"): GET /api/v1/home
 * for the owner (every location) and for a store manager (one store), and POST /api/v1/reports/render as a PDF in
 * English and in Persian (Chromium prints it: CHROMIUM_PATH). Figures only, no limits.
 */
import type { Pool } from 'pg';
import type { ReportDefinition } from '../src/core/api/reports.ts';
import type { BenchIds } from './benchData.ts';
import { timeRuns, type Timing } from './timing.ts';

/** The store manager the bench signs in as: one store of the bench organisation. */
const BENCH_MANAGER_EMAIL = 'bench-manager@sarafan.local';

/** PDFs take about a second each: fewer runs than the API calls. */
export const PDF_RUNS = 5;

/** The same store manager on every run (re-created, so a regenerated organisation gets one too). */
async function ensureStoreManager(pool: Pool, orgId: string, passwordHash: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`delete from users where lower(email) = $1`, [BENCH_MANAGER_EMAIL]);
    const store = await client.query(`select id from locations where org_id = $1 and kind = 'store' order by name limit 1`, [orgId]);
    const user = await client.query(
      `insert into users(org_id, email, name, password_hash, role) values ($1, $2, 'Bench Store Manager', $3, 'location_manager') returning id`,
      [orgId, BENCH_MANAGER_EMAIL, passwordHash],
    );
    await client.query(`insert into user_locations(org_id, user_id, location_id) values ($1, $2, $3)`, [orgId, user.rows[0].id, store.rows[0].id]);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    client.release();
  }
}

interface NamedTiming extends Timing {
  measure: string;
  error?: string;
}

/**
 * Times the home page for the owner and a store manager (`runs` runs after 3 warm-ups) and a report PDF in en and
 * fa (PDF_RUNS runs after one warm-up, which also starts Chromium).
 * @param signIn returns the session cookie of an e-mail, with the bench password
 */
export async function benchHomeAndPdf(opts: {
  pool: Pool; baseUrl: string; ids: BenchIds; passwordHash: string; runs: number; ownerCookie: string;
  signIn: (email: string) => Promise<string>;
}): Promise<NamedTiming[]> {
  await ensureStoreManager(opts.pool, opts.ids.orgId, opts.passwordHash);
  const managerCookie = await opts.signIn(BENCH_MANAGER_EMAIL);
  const timed = async (measure: string, runs: number, warmup: number, request: () => Promise<Response>): Promise<NamedTiming> => {
    const call = async () => {
      const res = await request();
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    };
    try {
      return { measure, ...(await timeRuns(call, runs, warmup)) };
    } catch (err) {
      return { measure, median_ms: NaN, p95_ms: NaN, error: err instanceof Error ? err.message : String(err) };
    }
  };
  const home = (cookie: string) => () => fetch(`${opts.baseUrl}/api/v1/home`, { headers: { cookie } });
  // The dashboard's "Download PDF" of the last 30 days with every survey section (cases, audits and support have
  // nothing in the bench organisation and say so).
  const definition: ReportDefinition = {
    surveyId: opts.ids.surveyId, sections: ['kpis', 'trend', 'breakdown', 'drivers', 'themes', 'comments'],
    filters: {}, period: { rule: 'last_30_days' }, includeComments: false,
  };
  const pdf = (lang: 'en' | 'fa') => () => fetch(`${opts.baseUrl}/api/v1/reports/render`, {
    method: 'POST', headers: { cookie: opts.ownerCookie, 'content-type': 'application/json' },
    body: JSON.stringify({ definition, format: 'pdf', lang }),
  });
  return [
    await timed('home_owner', opts.runs, 3, home(opts.ownerCookie)),
    await timed('home_store_manager', opts.runs, 3, home(managerCookie)),
    await timed('report_pdf_en', PDF_RUNS, 1, pdf('en')),
    await timed('report_pdf_fa', PDF_RUNS, 1, pdf('fa')),
  ];
}
