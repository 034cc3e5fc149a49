/**
 * Seeding for analytics tests: surveys and responses inserted in SQL, rollups kept with
 * applyResponsesToRollups as the respondent side does.
 */
import type pg from 'pg';
import { applyResponsesToRollups } from '../../src/db/rollups/applyResponse.ts';
import { recordResponsesForRollups } from '../../src/db/rollups/rollupQueue.ts';
import { buildLocation, buildOrg, buildUser, signIn, type TestServer } from '../helpers/app.ts';

/** An organisation whose hidden fields `dimensions` (segment) are dimensions, in `timezone`; `root` is its company node. */
export async function buildAnalyticsOrg(pool: pg.Pool, name: string, timezone = 'UTC', dimensions = ['segment']) {
  const org = await buildOrg(pool, name);
  await pool.query(`update orgs set dimensions = $3, timezone = $2 where id = $1`, [org.orgId, timezone, dimensions]);
  return { orgId: org.orgId, root: { id: org.rootLocationId, path: org.rootPath } };
}

/** Stores A and B directly under the root and an owner `owner@<domain>`: the tests of metric rules compare two stores. */
export async function buildStoresAB(pool: pg.Pool, orgId: string, root: { id: string; path: string }, domain: string) {
  const stores = { A: (await buildLocation(pool, orgId, root, 'store', 'Store A')).id, B: (await buildLocation(pool, orgId, root, 'store', 'Store B')).id };
  await buildUser(pool, orgId, 'owner', `owner@${domain}`);
  return stores;
}

/**
 * Region R1 with stores S1 and S3, store S2 directly under the root, an admin and R1's location manager
 * (`admin@<domain>`, `r1@<domain>`), both signed in: the rollup tests compare scoped and unscoped answers.
 */
export async function buildRegionTeam(server: TestServer, orgId: string, root: { id: string; path: string }, domain: string) {
  const region = await buildLocation(server.pool, orgId, root, 'region', 'R1');
  const loc: Record<string, string> = { R1: region.id };
  loc.S1 = (await buildLocation(server.pool, orgId, region, 'store', 'S1')).id;
  loc.S2 = (await buildLocation(server.pool, orgId, root, 'store', 'S2')).id;
  loc.S3 = (await buildLocation(server.pool, orgId, region, 'store', 'S3')).id;
  await buildUser(server.pool, orgId, 'admin', `admin@${domain}`);
  await buildUser(server.pool, orgId, 'location_manager', `r1@${domain}`, [loc.R1]);
  return { loc, owner: await signIn(server.baseUrl, `admin@${domain}`), manager: await signIn(server.baseUrl, `r1@${domain}`) };
}

export interface SeedQuestion {
  key: string;
  type: 'nps' | 'rating' | 'single' | 'multi' | 'text';
  metric?: string;
  required?: boolean;
  min?: number;
  max?: number;
  box?: number;
  direction?: string;
  attribute?: string;
  showIf?: unknown;
  /** The question's text by language; `{ en: key }` when not given. */
  text?: Record<string, string>;
}

/** Creates a live survey with the questions; returns its id and question ids by key. */
export async function seedSurvey(pool: pg.Pool, orgId: string, questions: SeedQuestion[], name = 'Survey') {
  const s = await pool.query(
    `insert into surveys(org_id, slug, name, title, status) values ($1, $2, $3, '{"en":"T"}', 'live') returning id`,
    [orgId, `s-${Math.random().toString(36).slice(2)}`, name],
  );
  const surveyId = s.rows[0].id as string;
  const ids: Record<string, string> = {};
  for (const [i, q] of questions.entries()) {
    const scale = q.type === 'nps' ? [0, 10] : [q.min ?? null, q.max ?? null];
    const { rows } = await pool.query(
      `insert into questions(org_id, survey_id, key, position, type, metric, required, text, scale_min, scale_max, box_min, direction, attribute, show_if)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning id`,
      [orgId, surveyId, q.key, i, q.type, q.metric ?? (q.type === 'nps' ? 'nps' : 'none'), q.required ?? false, JSON.stringify(q.text ?? { en: q.key }),
        scale[0], scale[1], q.box ?? null, q.direction ?? null, q.attribute ?? null, q.showIf ? JSON.stringify(q.showIf) : null],
    );
    ids[q.key] = rows[0].id;
  }
  return { surveyId, ids };
}

export interface SeedResponse {
  locationId?: string | null;
  channel?: string;
  language?: string;
  hidden?: Record<string, string>;
  at?: string;
  durationMs?: number | null;
  contactKey?: string | null;
  answers: Record<string, { score?: number; text?: string; choice?: string; choices?: string[] }>;
}

/**
 * Inserts responses with answers (keys resolved via `ids`) and applies them to the rollups, or with
 * `queue` only queues them for the fold (as a writer does) without starting one.
 */
export async function seedResponses(
  pool: pg.Pool,
  orgId: string,
  surveyId: string,
  ids: Record<string, string>,
  responses: SeedResponse[],
  opts: { queue?: boolean } = {},
): Promise<string[]> {
  const out: string[] = [];
  const client = await pool.connect();
  try {
    await client.query('begin');
    for (const r of responses) {
      const at = r.at ?? new Date().toISOString();
      const { rows } = await client.query(
        `insert into responses(org_id, survey_id, location_id, channel, language, hidden, idempotency_key, survey_version, contact_key, submitted_at, duration_ms)
         values ($1, $2, $3, $4, $5, $6, gen_random_uuid()::text, 1, $7, $8, $9) returning id`,
        [orgId, surveyId, r.locationId ?? null, r.channel ?? 'link', r.language ?? 'en', JSON.stringify(r.hidden ?? {}), r.contactKey ?? null, at, r.durationMs === undefined ? 60_000 : r.durationMs],
      );
      const rid = rows[0].id as string;
      for (const [key, a] of Object.entries(r.answers)) {
        await client.query(
          `insert into answers(org_id, response_id, question_id, survey_id, location_id, channel, language, submitted_at, score, choice, choices, text)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [orgId, rid, ids[key], surveyId, r.locationId ?? null, r.channel ?? 'link', r.language ?? 'en', at, a.score ?? null, a.choice ?? null, a.choices ?? null, a.text ?? null],
        );
      }
      out.push(rid);
    }
    if (opts.queue) await recordResponsesForRollups(client, orgId, out, 1);
    else await applyResponsesToRollups(client, orgId, out, 1);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    client.release();
  }
  return out;
}

/** NPS of a list of scores in points (nps.v1), computed independently of src/core. */
export function npsOf(scores: number[]): number {
  const p = scores.filter((s) => s >= 9).length;
  const d = scores.filter((s) => s <= 6).length;
  return (100 * (p - d)) / scores.length;
}

/** The organisation's theme dictionary (names by language), marked seeded so GET /text/themes adds no starter themes. */
export async function seedThemes(pool: pg.Pool, orgId: string, names: Record<string, Record<string, string>>): Promise<void> {
  for (const [i, [id, n]] of Object.entries(names).entries()) {
    await pool.query(`insert into org_themes (org_id, id, names, terms, position) values ($1, $2, $3, '{"en":["x"]}', $4)`, [orgId, id, JSON.stringify(n), i]);
  }
  await pool.query(`update orgs set text_themes_seeded_at = now() where id = $1`, [orgId]);
}

/** Comment analyses as a person's corrections (`manual`: the analysis job never rewrites them). */
export async function seedCommentAnalyses(
  pool: pg.Pool,
  orgId: string,
  rows: Array<{ responseId: string; questionId: string; text: string; sentiment: string; themes: readonly string[] }>,
): Promise<void> {
  for (const r of rows) {
    await pool.query(
      `insert into comment_analysis (org_id, response_id, question_id, lang, sentiment, p, source, themes, text_md5)
       values ($1, $2, $3, 'en', $4, 1, 'manual', $5, md5($6))`,
      [orgId, r.responseId, r.questionId, r.sentiment, r.themes, r.text],
    );
  }
}
