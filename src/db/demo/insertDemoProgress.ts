/** The demo's saved progress of the main survey (src/core/demo/progress.ts): the drop-off view's rows. */
import { demoProgress } from '../../core/demo/progress.ts';
import type { PoolClient } from '../connection.ts';
import type { DemoIds } from './insertDemoStructure.ts';

export async function insertDemoProgress(tx: PoolClient, ids: DemoIds, opts: { seed: number; now: Date; surveySlug: string }): Promise<number> {
  const survey = ids.surveys.get(opts.surveySlug);
  if (!survey) return 0;
  const rows = demoProgress(opts.seed, opts.now).map((p, i) => ({
    key: `demo-progress-${i}`, location_id: ids.locations.get(p.storeKey) ?? null, answers: p.answers, at_key: p.atKey,
    times: p.times, started_at: p.startedAt.toISOString(), finished: p.finished,
  }));
  await tx.query(
    `/* insertDemoProgress */ insert into response_progress(org_id, survey_id, idempotency_key, location_id, channel, language, answers, at_key, times,
                                                    started_at, updated_at, finished)
     select $1, $2, x.key, x.location_id, 'qr', 'ru', x.answers, x.at_key, x.times, x.started_at, x.started_at, x.finished
       from jsonb_to_recordset($3::jsonb) as x(key text, location_id uuid, answers jsonb, at_key text, times jsonb, started_at timestamptz, finished boolean)`,
    [ids.orgId, survey.id, JSON.stringify(rows)],
  );
  return rows.length;
}
