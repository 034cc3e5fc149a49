/**
 * An action plan's effect (docs/closed-loop.md "Action plans"): the plan's question over its locations in the
 * caller's scope, in the window after the start date and the equally long one before it, compared with the
 * metric's test (src/core/analytics/metrics.ts changeForQuestion), and a trend across the start. The numbers come
 * from the analytics engine (histograms from rollups or raw answers, metrics and tests in src/core/stats).
 */
import type pg from 'pg';
import { scopeOf, type Principal } from '../../core/access/index.ts';
import type { ActionPlan, ActionPlanEffectAnswer } from '../../core/api/actionPlans.ts';
import { changeForQuestion, histogramOf, metricForQuestion, scoredQuestion } from '../../core/analytics/metrics.ts';
import { planTrendInterval, planWindows, type DayRange } from '../../core/closedLoop/actionPlans.ts';
import { orgToday } from '../../core/time/orgCalendar.ts';
import type { QuestionDef } from '../../core/surveys/types.ts';
import { locationsInScope } from '../../db/cases/actionPlans.ts';
import type { SourceContext } from '../../db/queries/analyticsSource.ts';
import { getHistograms } from '../../db/queries/getHistograms.ts';
import { rollupsAwaitRebuild } from '../../db/rollups/rollupJobs.ts';
import { loadSurvey } from '../../db/surveys/loadSurvey.ts';
import { getOrgSettings } from '../../db/users/orgSettings.ts';
import { getTrend } from '../analytics/trend.ts';

export async function getPlanEffect(pool: pg.Pool, principal: Principal, plan: ActionPlan, now: Date): Promise<ActionPlanEffectAnswer> {
  const scope = scopeOf(principal);
  const locations = await locationsInScope(pool, scope, plan.locationIds);
  const base: ActionPlanEffectAnswer = {
    state: 'no_metric', question: null, locations: locations.map((l) => ({ id: l.id, name: l.name })), targetValue: plan.targetValue,
    startDate: plan.startDate, before: null, after: null, change: null, interval: null, trend: [],
  };
  const survey = plan.surveyId ? await loadSurvey(pool, principal.orgId, plan.surveyId) : null;
  const q = survey && plan.questionId ? scoredQuestion(survey, plan.questionId) : null;
  if (!q) return base;
  const withQuestion = { ...base, question: { id: q.id!, key: q.key, metric: q.metric, text: q.text, higherIsBetter: q.direction !== 'lower_is_easier' } };
  const org = await getOrgSettings(pool, principal.orgId);
  const timezone = org?.timezone ?? 'UTC';
  const windows = planWindows(plan.startDate, plan.dueDate, orgToday(timezone, now));
  if (!windows) return { ...withQuestion, state: 'not_started' };
  // The plan's locations (those the caller may see) are the scope of every read; a plan without any is the organisation's.
  const ctxOf = (range: DayRange, rollupsStale: boolean): SourceContext => ({
    scope: plan.locationIds.length ? { orgId: principal.orgId, locationPaths: locations.map((l) => l.path) } : scope,
    timezone,
    dimensions: org?.dimensions ?? [],
    filter: { from: range.from, to: range.to },
    rollupsStale,
  });
  const stale = await rollupsAwaitRebuild(pool, principal.orgId);
  const [before, after] = await Promise.all([resultOf(pool, ctxOf(windows.before, stale), q), resultOf(pool, ctxOf(windows.after, stale), q)]);
  const interval = planTrendInterval(windows.days);
  const trend = await getTrend(pool, ctxOf({ from: windows.before.from, to: windows.after.to }, stale), q, interval, now);
  return {
    ...withQuestion,
    state: 'ok',
    before: { ...windows.before, result: before },
    after: { ...windows.after, result: after },
    change: before && after ? changeForQuestion(q, after, before) : null,
    interval,
    trend: trend.points,
  };
}

async function resultOf(pool: pg.Pool, ctx: SourceContext, q: QuestionDef) {
  const { rows } = await getHistograms(pool, ctx, { questionIds: [q.id!] });
  return metricForQuestion(q, histogramOf(rows));
}
