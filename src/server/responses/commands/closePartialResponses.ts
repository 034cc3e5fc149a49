/**
 * Keeps abandoned progress as partial responses (docs/api.md "Partial responses"): for surveys whose owner
 * chose to count unfinished responses (countPartial), progress not saved again for ABANDONED_AFTER_HOURS becomes
 * a response marked partial through the submissions' own insert (insertSubmissions: answers, queued rollup
 * change and the progress marked, one statement), so it enters the metrics like any response.
 */
import type pg from 'pg';
import { ABANDONED_AFTER_HOURS, answersAsRaw } from '../../../core/surveys/progress.ts';
import { insertSubmissions } from '../../../db/responses/insertSubmissions.ts';
import { lockAbandonedProgress, markProgressFinished } from '../../../db/responses/progress.ts';
import { loadSurvey, type LoadedSurvey } from '../../../db/surveys/loadSurvey.ts';
import { withTransaction } from '../../../db/tx.ts';
import { preparePartialSubmission } from './submitResponse.ts';

/** One run's result: the partial responses created and the organisations whose rollups now have queued changes. */
export interface ClosedPartials {
  /** Abandoned rows looked at (fewer than the limit: none left). */
  seen: number;
  created: number;
  orgIds: string[];
}

/** Turns up to `limit` abandoned progress rows into partial responses, in one transaction. */
export async function closePartialResponses(pool: pg.Pool, limit = 200): Promise<ClosedPartials> {
  return withTransaction(pool, async (tx) => {
    const abandoned = await lockAbandonedProgress(tx, ABANDONED_AFTER_HOURS, limit);
    const surveys = new Map<string, LoadedSurvey | null>();
    const prepared = [];
    for (const p of abandoned) {
      if (!surveys.has(p.surveyId)) surveys.set(p.surveyId, await loadSurvey(tx, p.orgId, p.surveyId));
      const survey = surveys.get(p.surveyId)!;
      if (!survey) continue;
      prepared.push(preparePartialSubmission({
        survey, answers: answersAsRaw(p.answers), language: p.language, idempotencyKey: p.idempotencyKey,
        locationId: p.locationId, locationRef: p.locRef ?? '', channel: p.channel, hidden: p.hidden,
        // Counted when the respondent was last seen.
        startedAt: p.startedAt, submittedAt: p.updatedAt,
      }));
    }
    const outcomes = await insertSubmissions(tx, prepared);
    const orgIds = new Set<string>();
    let created = 0;
    for (const [i, o] of outcomes.entries()) {
      const sub = prepared[i];
      if (o.id) {
        created++;
        orgIds.add(sub.orgId);
      } else if (o.live) {
        // The key already has a response (sent after a late progress save): the progress is finished.
        await markProgressFinished(tx, sub.orgId, sub.surveyId, sub.idempotencyKey);
      }
    }
    return { seen: abandoned.length, created, orgIds: [...orgIds] };
  });
}
