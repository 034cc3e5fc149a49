/**
 * @module Evaluating alert rules on events (docs/closed-loop.md "Alerts"): a stored response (low_score, and
 * comment_match rules without themes), analysed comments and reviews (comment_match with themes,
 * negative_review), a feedback letter (comment_match), support contacts past their SLA (sla_breach, swept)
 * and the daily metric_drop comparison. Every path fires through fireAlert, once per (rule, source).
 */
import type pg from 'pg';
import {
  alertMetricOf, commentMatches, dropPeriods, dropQuestion, excerpt, firstLowAnswer, inScope, isNegativeReview, metricDrop, needsThemes, slaBreachOf, textWords,
} from '../../core/closedLoop/alertRules.ts';
import { histogramOf } from '../../core/analytics/metrics.ts';
import {
  CommentMatchParamsSchema, LowScoreParamsSchema, MetricDropParamsSchema, NegativeReviewParamsSchema,
} from '../../core/api/alertRules.ts';
import type { QuestionDef } from '../../core/surveys/types.ts';
import { orgToday } from '../../core/time/orgCalendar.ts';
import type { AlertRuleRow } from '../../db/alerts/alertRules.ts';
import { listEnabledRules } from '../../db/alerts/alertRules.ts';
import { getCursor, setCursor } from '../../db/alerts/alerts.ts';
import {
  listAnalysedResponses, listReadyReviews, listScoredQuestions, listSlaCandidates, loadFeedbackMessage, loadResponseFacts, locationsByIds, orgDimensions,
  periodHistograms, type ResponseFacts,
} from '../../db/alerts/sources.ts';
import { orgTimeZone } from '../../db/reports/reports.ts';
import { listSlaTargets } from '../../db/support/slaTargets.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { alertRuntime, fireAlert } from './fire.ts';

const scopeOf = (r: AlertRuleRow) => ({ surveyId: r.surveyId, locationPath: r.locationPath, channel: r.channel, segment: r.segment });
/** A rule fires only on events after it was made: making a rule does not alert on last week's answers. */
const afterRule = (r: AlertRuleRow, at: Date) => at.getTime() >= r.createdAt.getTime();

function responseEvent(f: ResponseFacts) {
  return { sourceKind: 'response' as const, sourceId: f.id, locationId: f.locationId, locationName: f.locationName, locationPath: f.locationPath, sourcePath: `/app/responses/${f.id}` };
}

/** The response's comments: text answers of open-text questions (not dates, e-mails or phones). */
function commentOf(f: ResponseFacts): string {
  return f.answers.filter((a) => a.type === 'text' && a.text && a.text.trim()).map((a) => a.text!.trim()).join('\n');
}

/** Which rules of `phase` apply to a response: at store time, or after its comments were analysed. */
async function evaluateResponseRules(pool: pg.Pool, queue: JobQueue, orgId: string, f: ResponseFacts, rules: AlertRuleRow[], phase: 'stored' | 'analysed') {
  let fired = 0;
  const event = { surveyId: f.surveyId, locationPath: f.locationPath, channel: f.channel, hidden: f.hidden };
  const comment = commentOf(f);
  const words = comment ? textWords(comment) : [];
  const themes = f.answers.some((a) => a.themes !== null) ? [...new Set(f.answers.flatMap((a) => a.themes ?? []))] : null;
  const caseBase = { contactId: f.contactId, customerName: f.contactName, customerEmail: f.contactEmail, source: { kind: 'response' as const, id: f.id }, channel: 'survey' as const };
  for (const rule of rules) {
    if (!afterRule(rule, f.submittedAt) || !inScope(scopeOf(rule), event)) continue;
    if (rule.trigger === 'low_score' && phase === 'stored') {
      const params = LowScoreParamsSchema.safeParse(rule.params);
      if (!params.success) continue;
      const low = firstLowAnswer(params.data, f.answers.map((a) => ({ ...a, question: a })));
      if (!low) continue;
      const metric = alertMetricOf(low)!;
      const summary = { metric, score: low.score, scale: low.scale ?? { min: 0, max: 10 }, questionKey: low.questionKey, survey: f.surveyName, ...(comment ? { excerpt: excerpt(comment) } : {}) };
      const r = await fireAlert(pool, queue, orgId, rule, {
        ...responseEvent(f), summary,
        case: { ...caseBase, title: `${metric.toUpperCase()} ${low.score}: ${f.surveyName}`.slice(0, 300), description: comment.slice(0, 20_000), triggerScore: low.score, triggerMetric: metric },
      });
      if (r) fired++;
    }
    if (rule.trigger === 'comment_match' && comment) {
      const params = CommentMatchParamsSchema.safeParse(rule.params);
      if (!params.success) continue;
      // A rule with themes waits for the analysis; one with keywords only fires at once.
      if (needsThemes(params.data) !== (phase === 'analysed')) continue;
      const m = commentMatches(params.data, words, themes);
      if (m.keywords.length === 0 && m.themes.length === 0) continue;
      const r = await fireAlert(pool, queue, orgId, rule, {
        ...responseEvent(f), summary: { ...m, excerpt: excerpt(comment), survey: f.surveyName },
        case: { ...caseBase, title: excerpt(comment, 120), description: comment.slice(0, 20_000) },
      });
      if (r) fired++;
    }
  }
  return fired;
}

/** After a response is stored (job `alerts-response`): low_score and keyword-only comment_match rules. */
export async function evaluateResponse(pool: pg.Pool, queue: JobQueue, orgId: string, responseId: string): Promise<number> {
  const rules = await listEnabledRules(pool, orgId, ['low_score', 'comment_match']);
  if (rules.length === 0) return 0;
  const f = await loadResponseFacts(pool, orgId, responseId);
  return f ? evaluateResponseRules(pool, queue, orgId, f, rules, 'stored') : 0;
}

const ANALYSED_BATCH = 200;

/**
 * After the text analysis (job `alerts-analysed`): comment_match rules with themes on comments analysed
 * since the cursor, then negative_review and comment_match rules on reviews analysed since theirs.
 */
export async function evaluateAnalysed(pool: pg.Pool, queue: JobQueue, orgId: string, stop: () => boolean = () => false): Promise<{ fired: number; more: boolean }> {
  const rules = await listEnabledRules(pool, orgId, ['comment_match', 'negative_review']);
  let fired = 0;
  let more = false;
  const themeRules = rules.filter((r) => r.trigger === 'comment_match' && CommentMatchParamsSchema.safeParse(r.params).data?.themes.length);
  // comments
  const after = await getCursor(pool, orgId, 'comments');
  const batch = themeRules.length ? await listAnalysedResponses(pool, orgId, after, ANALYSED_BATCH) : [];
  for (const item of batch) {
    if (stop()) return { fired, more: true };
    const f = await loadResponseFacts(pool, orgId, item.responseId);
    if (f) fired += await evaluateResponseRules(pool, queue, orgId, f, themeRules, 'analysed');
    await setCursor(pool, orgId, 'comments', item.at);
  }
  if (!themeRules.length) await setCursor(pool, orgId, 'comments', new Date(alertRuntime().now().getTime()));
  more ||= batch.length === ANALYSED_BATCH;
  // reviews
  const reviewRules = rules.filter((r) => r.trigger === 'negative_review' || r.trigger === 'comment_match');
  const reviews = await listReadyReviews(pool, orgId, await getCursor(pool, orgId, 'reviews'), ANALYSED_BATCH);
  for (const v of reviews) {
    if (stop()) return { fired, more: true };
    const event = { surveyId: null, locationPath: v.locationPath, channel: null, hidden: null };
    for (const rule of reviewRules) {
      if (!afterRule(rule, v.readyAt) || !inScope(scopeOf(rule), event)) continue;
      let summary: Record<string, unknown> | null = null;
      if (rule.trigger === 'negative_review') {
        const p = NegativeReviewParamsSchema.safeParse(rule.params);
        if (p.success && isNegativeReview(p.data, v)) summary = { rating: v.rating, ratingScale: v.ratingScale, sentiment: v.sentiment };
      } else {
        const p = CommentMatchParamsSchema.safeParse(rule.params);
        const m = p.success && v.text.trim() ? commentMatches(p.data, textWords(v.text), v.themes) : null;
        if (m && (m.keywords.length || m.themes.length)) summary = { ...m };
      }
      if (!summary) continue;
      const r = await fireAlert(pool, queue, orgId, rule, {
        sourceKind: 'review', sourceId: v.id, locationId: v.locationId, locationName: v.locationName, locationPath: v.locationPath, sourcePath: null,
        summary: { ...summary, reviewSource: v.source, ...(v.text.trim() ? { excerpt: excerpt(v.text) } : {}) },
        case: {
          title: (v.text.trim() ? excerpt(v.text, 120) : `${v.source}: ${v.rating ?? ''}`).slice(0, 300), description: v.text.slice(0, 20_000), channel: 'review',
          source: { kind: 'review', id: v.id }, customerName: v.author, triggerScore: v.rating === null ? null : Math.round(v.rating), triggerMetric: v.rating === null ? null : 'review_rating',
        },
      });
      if (r) fired++;
    }
    await setCursor(pool, orgId, 'reviews', v.readyAt);
  }
  return { fired, more: more || reviews.length === ANALYSED_BATCH };
}

/** A feedback letter (job `alerts-feedback`, enqueued by the mailbox reader): comment_match rules on its subject and body. */
export async function evaluateFeedbackMessage(pool: pg.Pool, queue: JobQueue, orgId: string, messageId: string): Promise<number> {
  const rules = await listEnabledRules(pool, orgId, ['comment_match']);
  if (rules.length === 0) return 0;
  const m = await loadFeedbackMessage(pool, orgId, messageId);
  if (!m) return 0;
  const text = [m.subject ?? '', m.body].filter(Boolean).join('\n');
  const words = textWords(text);
  let fired = 0;
  for (const rule of rules) {
    if (!afterRule(rule, m.receivedAt) || !inScope(scopeOf(rule), { surveyId: null, locationPath: m.locationPath, channel: 'email', hidden: null })) continue;
    const p = CommentMatchParamsSchema.safeParse(rule.params);
    if (!p.success) continue;
    const found = commentMatches(p.data, words, m.themes);
    if (!found.keywords.length && !found.themes.length) continue;
    const r = await fireAlert(pool, queue, orgId, rule, {
      sourceKind: 'feedback_message', sourceId: m.id, locationId: m.locationId, locationName: m.locationName, locationPath: m.locationPath, sourcePath: null,
      summary: { ...found, excerpt: excerpt(text), from: m.fromName ?? m.fromAddress },
      case: {
        title: (m.subject?.trim() || excerpt(m.body, 120) || m.fromAddress).slice(0, 300), description: m.body.slice(0, 20_000), channel: 'email',
        source: { kind: 'feedback_message', id: m.id }, customerName: m.fromName, customerEmail: m.fromAddress,
      },
    });
    if (r) fired++;
  }
  return fired;
}

/** The SLA sweep of one organisation (job `alerts-sweep`): contacts of the look-back past their priority's target. */
export async function sweepSlaBreaches(pool: pg.Pool, queue: JobQueue, orgId: string): Promise<number> {
  const rules = await listEnabledRules(pool, orgId, ['sla_breach']);
  if (rules.length === 0) return 0;
  const targets = await listSlaTargets(pool, orgId);
  if (targets.length === 0) return 0;
  const now = alertRuntime().now();
  let fired = 0;
  for (const rule of rules) {
    for (const c of await listSlaCandidates(pool, orgId, rule.id, 1000)) {
      if (!inScope(scopeOf(rule), { surveyId: null, locationPath: c.locationPath, channel: c.channel, hidden: null })) continue;
      const target = targets.find((t) => t.priority === (c.priority ?? '')) ?? targets.find((t) => t.priority === 'default');
      const breach = target ? slaBreachOf(c, target, now) : null;
      // The event is the breach, at creation + target: a rule alerts on breaches after it was made.
      if (!breach || !afterRule(rule, new Date(c.createdAt.getTime() + breach.targetS * 1000))) continue;
      const r = await fireAlert(pool, queue, orgId, rule, {
        sourceKind: 'support_contact', sourceId: c.id, locationId: c.locationId, locationName: c.locationName, locationPath: c.locationPath, sourcePath: null,
        summary: { ticket: c.externalId, ...breach, priority: c.priority, ...(c.subject ? { excerpt: excerpt(c.subject) } : {}) },
        case: { title: `${c.externalId}: ${c.subject ?? ''}`.slice(0, 300), description: c.subject ?? '', channel: 'support', source: { kind: 'support_contact', id: c.id }, contactId: c.contactId },
      });
      if (r) fired++;
    }
  }
  return fired;
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** The daily metric_drop comparison of one organisation (job `alerts-metric-drop`). */
export async function evaluateMetricDrops(pool: pg.Pool, queue: JobQueue, orgId: string): Promise<number> {
  const rules = await listEnabledRules(pool, orgId, ['metric_drop']);
  if (rules.length === 0) return 0;
  // Periods are the organisation's days (docs/analytics.md "One clock"), not UTC's.
  const timeZone = await orgTimeZone(pool, orgId);
  const today = orgToday(timeZone, alertRuntime().now());
  const dims = await orgDimensions(pool, orgId);
  let fired = 0;
  for (const rule of rules) {
    const p = MetricDropParamsSchema.safeParse(rule.params);
    if (!p.success) continue;
    const periods = dropPeriods(today, p.data.periodDays);
    const questions = await listScoredQuestions(pool, orgId, rule.surveyId);
    const bySurvey = new Map<string, typeof questions>();
    for (const q of questions) bySurvey.set(q.surveyId, [...(bySurvey.get(q.surveyId) ?? []), q]);
    for (const [surveyId, qs] of bySurvey) {
      const q = dropQuestion(p.data.metric, qs);
      if (!q) continue;
      const segmentKeys = rule.segment ? [rule.segment.slice(0, rule.segment.indexOf(':'))] : dims;
      const rows = await periodHistograms(pool, orgId, { questionId: q.id, by: p.data.by, segmentKeys }, periods, timeZone);
      const groups = [...new Set(rows.map((r) => r.group))];
      const locations = p.data.by === 'location' ? await locationsByIds(pool, orgId, groups) : new Map<string, { name: string; path: string }>();
      for (const g of groups) {
        const loc = locations.get(g) ?? null;
        if (p.data.by === 'location' && (!loc || (rule.locationPath && !loc.path.startsWith(rule.locationPath)))) continue;
        if (p.data.by === 'segment' && rule.segment && g !== rule.segment) continue;
        const h = (period: 'current' | 'previous') => histogramOf(rows.filter((r) => r.group === g && r.period === period));
        const verdict = metricDrop({ ...q, required: false, text: {} } as QuestionDef, h('current'), h('previous'));
        if (!verdict?.drop) continue;
        const r = await fireAlert(pool, queue, orgId, rule, {
          sourceKind: 'metric', sourceId: `${surveyId}|${p.data.by}:${g}|${periods.key}`.slice(0, 300),
          locationId: p.data.by === 'location' ? g : null, locationName: loc?.name ?? (p.data.by === 'segment' ? g : null), locationPath: loc?.path ?? null, sourcePath: null,
          summary: {
            metric: p.data.metric, survey: q.surveyName, group: p.data.by === 'segment' ? g : loc?.name, current: round1(verdict.current.value), previous: round1(verdict.previous.value),
            currentN: verdict.current.n, previousN: verdict.previous.n, diff: round1(verdict.change.diff), pValue: verdict.change.pValue === null ? null : Number(verdict.change.pValue.toPrecision(2)),
            test: verdict.change.test, currentFrom: periods.current.from, currentTo: periods.current.to,
            previousFrom: periods.previous.from,
          },
          case: { title: `${p.data.metric.toUpperCase()} ${round1(verdict.previous.value)} -> ${round1(verdict.current.value)}: ${loc?.name ?? g}`.slice(0, 300), description: '', channel: 'survey', source: null },
        });
        if (r) fired++;
      }
    }
  }
  return fired;
}
