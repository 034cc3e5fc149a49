import { describe, expect, it } from 'vitest';
import {
  alertMetricOf, commentMatches, compileKeywords, deliverAfterQuiet, dropPeriods, dropQuestion, excerpt, firstLowAnswer, inScope, isLowScore,
  isNegativeReview, lowScoreCeiling, matchKeywords, metricDrop, needsThemes, parseSegment, roleRecipients, slaBreachOf, starsOf, textWords, type ScoredQuestion,
} from './alertRules.ts';
import { CommentMatchParamsSchema, CreateAlertRuleSchema, LowScoreParamsSchema } from '../api/alertRules.ts';
import type { QuestionDef } from '../surveys/types.ts';
import { orgToday } from '../time/orgCalendar.ts';

const nps = { type: 'nps', metric: 'nps' } as const;
const csat5 = { type: 'rating', metric: 'csat', scale: { min: 1, max: 5 } } as const;
const csat3 = { type: 'rating', metric: 'csat', scale: { min: 1, max: 3 } } as const;
const csat10 = { type: 'rating', metric: 'csat', scale: { min: 1, max: 10 } } as const;
const ces7 = { type: 'rating', metric: 'ces', scale: { min: 1, max: 7 } } as const;
const cesEffort5 = { type: 'rating', metric: 'ces', scale: { min: 1, max: 5 }, direction: 'lower_is_easier' } as const;
const plain = { type: 'rating', metric: 'none', scale: { min: 1, max: 5 } } as const;
const text = { type: 'text', metric: 'none' } as const;

describe('low_score', () => {
  it('knows the metric of a question', () => {
    expect(alertMetricOf(nps as never)).toBe('nps');
    expect(alertMetricOf({ type: 'rating', metric: 'nps', scale: { min: 0, max: 10 } } as never)).toBe('nps');
    expect(alertMetricOf(csat5 as never)).toBe('csat');
    expect(alertMetricOf(ces7 as never)).toBe('ces');
    expect(alertMetricOf(plain as never)).toBeNull();
    expect(alertMetricOf(text as never)).toBeNull();
  });

  it('defaults: NPS detractors 0-6, CSAT bottom 40 % of the points, CES below the midpoint', () => {
    expect(lowScoreCeiling(nps as never)).toBe(6);
    expect(lowScoreCeiling(csat5 as never)).toBe(2);
    expect(lowScoreCeiling(csat3 as never)).toBe(1);
    expect(lowScoreCeiling(csat10 as never)).toBe(4);
    expect(lowScoreCeiling(ces7 as never)).toBe(3);
    expect(lowScoreCeiling(cesEffort5 as never)).toBe(2);
    expect(lowScoreCeiling(plain as never)).toBeNull();
    expect(lowScoreCeiling(nps as never, 3)).toBe(3);
  });

  it('fires on NPS 0-6 and not on 7-10', () => {
    const p = { metric: 'nps' } as const;
    for (const s of [0, 3, 6]) expect(isLowScore(p, nps as never, s)).toBe(true);
    for (const s of [7, 8, 9, 10]) expect(isLowScore(p, nps as never, s)).toBe(false);
    expect(isLowScore({ metric: 'nps', maxScore: 4 }, nps as never, 5)).toBe(false);
    expect(isLowScore({ metric: 'nps', maxScore: 4 }, nps as never, 4)).toBe(true);
  });

  it('checks the metric, and scores outside the scale never fire', () => {
    expect(isLowScore({ metric: 'csat' }, nps as never, 2)).toBe(false);
    expect(isLowScore({ metric: 'nps' }, csat5 as never, 1)).toBe(false);
    expect(isLowScore({ metric: 'any' }, csat5 as never, 1)).toBe(true);
    expect(isLowScore({ metric: 'any' }, csat5 as never, 3)).toBe(false);
    expect(isLowScore({ metric: 'any' }, plain as never, 1)).toBe(false);
    expect(isLowScore({ metric: 'nps' }, nps as never, 11)).toBe(false);
    expect(isLowScore({ metric: 'nps' }, nps as never, -1)).toBe(false);
    expect(isLowScore({ metric: 'csat' }, csat5 as never, 0)).toBe(false);
    expect(isLowScore({ metric: 'nps' }, nps as never, 2.5)).toBe(false);
  });

  it('CES: disagreement on 1..7; on a lower-is-easier effort scale a high effort is low', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((s) => isLowScore({ metric: 'ces' }, ces7 as never, s))).toEqual([true, true, true, false, false, false, false]);
    expect([1, 2, 3, 4, 5].map((s) => isLowScore({ metric: 'ces' }, cesEffort5 as never, s))).toEqual([false, false, false, true, true]);
  });

  it('picks the first low answer in survey order', () => {
    const answers: { key: string; question: never; score: number | null }[] = [
      { key: 'a', question: csat5 as never, score: 4 },
      { key: 'b', question: nps as never, score: null },
      { key: 'c', question: nps as never, score: 5 },
      { key: 'd', question: csat5 as never, score: 1 },
    ];
    expect(firstLowAnswer({ metric: 'any' }, answers)?.key).toBe('c');
    expect(firstLowAnswer({ metric: 'csat' }, answers)?.key).toBe('d');
    expect(firstLowAnswer({ metric: 'ces' }, answers)).toBeNull();
  });
});

describe('negative_review', () => {
  it('halves 10-point ratings', () => {
    expect(starsOf({ rating: 4, ratingScale: 10 })).toBe(2);
    expect(starsOf({ rating: 4, ratingScale: 5 })).toBe(4);
    expect(starsOf({ rating: null, ratingScale: null })).toBeNull();
  });
  it('fires on negative sentiment, or on a rating at most maxRating', () => {
    expect(isNegativeReview({}, { rating: 5, ratingScale: 5, sentiment: 'negative' })).toBe(true);
    expect(isNegativeReview({}, { rating: 1, ratingScale: 5, sentiment: 'neutral' })).toBe(false);
    expect(isNegativeReview({ maxRating: 2 }, { rating: 2, ratingScale: 5, sentiment: 'positive' })).toBe(true);
    expect(isNegativeReview({ maxRating: 2 }, { rating: 3, ratingScale: 5, sentiment: null })).toBe(false);
    expect(isNegativeReview({ maxRating: 2 }, { rating: 5, ratingScale: 10, sentiment: null })).toBe(false);
    expect(isNegativeReview({ maxRating: 2 }, { rating: 4, ratingScale: 10, sentiment: null })).toBe(true);
    expect(isNegativeReview({ maxRating: 2 }, { rating: null, ratingScale: null, sentiment: 'neutral' })).toBe(false);
  });
});

describe('comment_match keywords', () => {
  const find = (keywords: string[], t: string) => matchKeywords(compileKeywords(keywords), textWords(t));

  it('is case-insensitive in every script, with ё as е', () => {
    expect(find(['lawyer'], 'I will call my LAWYER tomorrow')).toEqual(['lawyer']);
    expect(find(['ужасно'], 'Было просто УЖАСНО!')).toEqual(['ужасно']);
    expect(find(['всё плохо'], 'Короче, все плохо.')).toEqual(['всё плохо']);
  });

  it('unifies Persian ی/ي and ک/ك, drops diacritics and tatweel', () => {
    // keyword typed with Arabic yeh and kaf, text with the Persian letters, and the other way round
    expect(find(['شكايت'], 'من از این فروشگاه شکایت دارم')).toEqual(['شكايت']);
    expect(find(['شکایت'], 'من از اين فروشگاه شكايت دارم')).toEqual(['شکایت']);
    expect(find(['شکایت'], 'شـکایـت')).toEqual(['شکایت']);
    expect(find(['کیفیت'], 'کیفیّت خوب نبود')).toEqual(['کیفیت']);
  });

  it('matches whole words only, a trailing * for a prefix', () => {
    expect(find(['lawyer'], 'our lawyers are busy')).toEqual([]);
    expect(find(['lawyer*'], 'our lawyers are busy')).toEqual(['lawyer*']);
    expect(find(['ужас'], 'ужасно')).toEqual([]);
    expect(find(['ужас*'], 'ужасно')).toEqual(['ужас*']);
    expect(find(['fraud'], 'anti-fraud team')).toEqual([]);
  });

  it('matches phrases as consecutive words, and reports each keyword once', () => {
    expect(find(['money back'], 'I want my money back, money back now')).toEqual(['money back']);
    expect(find(['money back'], 'money is not back')).toEqual([]);
    expect(find(['fraud', 'scam', 'lawyer'], 'Fraud! A scam.')).toEqual(['fraud', 'scam']);
  });

  it('ignores keywords that are only punctuation or spaces', () => {
    expect(compileKeywords(['  ', '!!!', 'ok'])).toEqual([{ keyword: 'ok', words: ['ok'], prefix: false }]);
  });

  it('combines keywords and themes', () => {
    const params = CommentMatchParamsSchema.parse({ keywords: ['rude'], themes: ['staff', 'queue'] });
    expect(commentMatches(params, textWords('The cashier was rude'), ['queue', 'price'])).toEqual({ keywords: ['rude'], themes: ['queue'] });
    expect(commentMatches(params, textWords('fine'), null)).toEqual({ keywords: [], themes: [] });
    expect(needsThemes(params)).toBe(true);
    expect(needsThemes(CommentMatchParamsSchema.parse({ keywords: ['x'] }))).toBe(false);
  });

  it('needs a keyword or a theme', () => {
    expect(CommentMatchParamsSchema.safeParse({ keywords: [], themes: [] }).success).toBe(false);
    expect(CommentMatchParamsSchema.safeParse({ keywords: ['   '] }).success).toBe(false);
  });

  it('cuts excerpts on characters, not UTF-16 units', () => {
    expect(excerpt('a  b\n c')).toBe('a b c');
    expect(excerpt('😀😀😀😀', 3)).toBe('😀😀…');
    expect(excerpt('abcdef', 6)).toBe('abcdef');
  });
});

describe('sla_breach', () => {
  const created = new Date('2026-12-01T10:00:00Z');
  const target = { firstResponseS: 3600, resolutionS: 86_400 };
  it('a contact still waiting past its first-response target breaches it', () => {
    expect(slaBreachOf({ createdAt: created, firstResponseAt: null, firstSolvedAt: null }, target, new Date('2026-12-01T11:00:01Z')))
      .toEqual({ kind: 'first_response', targetS: 3600, elapsedS: 3601 });
    expect(slaBreachOf({ createdAt: created, firstResponseAt: null, firstSolvedAt: null }, target, new Date('2026-12-01T11:00:00Z'))).toBeNull();
  });
  it('a late first answer or resolution is a breach; in time is none', () => {
    expect(slaBreachOf({ createdAt: created, firstResponseAt: new Date('2026-12-01T12:00:00Z'), firstSolvedAt: null }, target, new Date('2026-12-01T12:30:00Z')))
      .toEqual({ kind: 'first_response', targetS: 3600, elapsedS: 7200 });
    expect(slaBreachOf({ createdAt: created, firstResponseAt: new Date('2026-12-01T10:30:00Z'), firstSolvedAt: null }, target, new Date('2026-12-02T10:00:01Z')))
      .toEqual({ kind: 'resolution', targetS: 86_400, elapsedS: 86_401 });
    expect(slaBreachOf({ createdAt: created, firstResponseAt: new Date('2026-12-01T10:30:00Z'), firstSolvedAt: new Date('2026-12-01T20:00:00Z') }, target, new Date('2026-12-09T00:00:00Z'))).toBeNull();
  });
  it('no target, no breach', () => {
    expect(slaBreachOf({ createdAt: created, firstResponseAt: null, firstSolvedAt: null }, { firstResponseS: null, resolutionS: null }, new Date('2027-01-01T00:00:00Z'))).toBeNull();
  });
});

describe('metric_drop', () => {
  it('periods are whole days of the organisation, aligned on multiples of the period', () => {
    // 2026-12-01 is day 20788 since 1970-01-01; 20788 = 2969 * 7 + 5 -> the running period began on day 20783 (2026-11-26)
    const p = dropPeriods('2026-12-01', 7);
    expect(p.current).toEqual({ from: '2026-11-19', to: '2026-11-25' });
    expect(p.previous).toEqual({ from: '2026-11-12', to: '2026-11-18' });
    expect(p.key).toBe('2026-11-19');
    // the next day of the same running period gives the same key; day 20790 (2026-12-03) starts the next one
    expect(dropPeriods('2026-12-02', 7).key).toBe('2026-11-19');
    expect(dropPeriods('2026-12-03', 7).key).toBe('2026-11-26');
    expect(dropPeriods('2026-12-01', 1)).toEqual({ current: { from: '2026-11-30', to: '2026-11-30' }, previous: { from: '2026-11-29', to: '2026-11-29' }, key: '2026-11-30' });
  });

  it('the organisation\'s today decides: at 2026-12-02T12:00Z Auckland (UTC+13) is already in the next period', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    expect(dropPeriods(orgToday('UTC', now), 7).key).toBe('2026-11-19');
    // 01:00 on 3 December in Auckland: day 20790 = 2970 * 7, so 26 Nov - 2 Dec has just completed
    expect(dropPeriods(orgToday('Pacific/Auckland', now), 7).current).toEqual({ from: '2026-11-26', to: '2026-12-02' });
  });

  const npsQ = { key: 'nps', type: 'nps', metric: 'nps', required: true, text: {} } as unknown as QuestionDef;
  it('a large NPS fall on 40 answers a side is significant (adjusted-Wald z)', () => {
    // current: 30 detractors, 10 promoters (NPS -50); previous: 10 detractors, 30 promoters (NPS +50)
    const v = metricDrop(npsQ, { 0: 30, 10: 10 }, { 0: 10, 10: 30 })!;
    expect(v.current.value).toBe(-50);
    expect(v.previous.value).toBe(50);
    expect(v.change.diff).toBe(-100);
    expect(v.change.test).toBe('adjusted_wald_z');
    expect(v.drop).toBe(true);
  });
  it('the same fall on 10 answers a side is not significant (small sample); a rise is never a drop', () => {
    expect(metricDrop(npsQ, { 0: 7, 10: 3 }, { 0: 3, 10: 7 })!.drop).toBe(false);
    expect(metricDrop(npsQ, { 0: 10, 10: 30 }, { 0: 30, 10: 10 })!.drop).toBe(false);
    expect(metricDrop(npsQ, { 0: 20, 10: 20 }, { 0: 20, 10: 20 })!.drop).toBe(false);
  });
  it('a CSAT fall uses the share test; an effort scale drops when its mean rises', () => {
    const csatQ = { ...npsQ, type: 'rating', metric: 'csat', scale: { min: 1, max: 5 } } as QuestionDef;
    const v = metricDrop(csatQ, { 1: 30, 5: 10 }, { 1: 5, 5: 35 })!;
    expect(v.change.test).toBe('two_proportion_z');
    expect(v.drop).toBe(true);
    const effort = { ...npsQ, type: 'rating', metric: 'ces', scale: { min: 1, max: 5 }, direction: 'lower_is_easier' } as QuestionDef;
    expect(metricDrop(effort, { 5: 30, 4: 10 }, { 1: 30, 2: 10 })!.drop).toBe(true);
    expect(metricDrop(effort, { 1: 30, 2: 10 }, { 5: 30, 4: 10 })!.drop).toBe(false);
  });
  it('finds the question of the metric', () => {
    const qs = [{ key: 'c', ...csat5 }, { key: 'n', ...nps }] as unknown as (ScoredQuestion & { key: string })[];
    expect(dropQuestion('nps', qs)?.key).toBe('n');
    expect(dropQuestion('ces', qs)).toBeNull();
  });
});

describe('scope, quiet period, recipients', () => {
  const any = { surveyId: null, locationPath: null, channel: null, segment: null };
  const event = { surveyId: 's1', locationPath: '/r1/m1/', channel: 'email', hidden: { tier: 'gold', ref: 'a:b' } };
  it('null scope matches everything', () => expect(inScope(any, event)).toBe(true));
  it('survey, location subtree, channel, segment', () => {
    expect(inScope({ ...any, surveyId: 's2' }, event)).toBe(false);
    expect(inScope({ ...any, locationPath: '/r1/' }, event)).toBe(true);
    expect(inScope({ ...any, locationPath: '/r1/m1/' }, event)).toBe(true);
    expect(inScope({ ...any, locationPath: '/r2/' }, event)).toBe(false);
    expect(inScope({ ...any, locationPath: '/r1/' }, { ...event, locationPath: null })).toBe(false);
    expect(inScope({ ...any, channel: 'kiosk' }, event)).toBe(false);
    expect(inScope({ ...any, segment: 'tier:gold' }, event)).toBe(true);
    expect(inScope({ ...any, segment: 'tier:silver' }, event)).toBe(false);
    expect(inScope({ ...any, segment: 'ref:a:b' }, event)).toBe(true);
    expect(inScope({ ...any, segment: 'tier:gold' }, { ...event, hidden: null })).toBe(false);
    expect(inScope({ ...any, surveyId: 's1' }, { ...event, surveyId: null })).toBe(false);
  });
  it('parses segments', () => {
    expect(parseSegment('a:b:c')).toEqual({ key: 'a', value: 'b:c' });
    expect(parseSegment(':b')).toBeNull();
    expect(parseSegment('a:')).toBeNull();
    expect(parseSegment('ab')).toBeNull();
  });
  it('quiet period', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(deliverAfterQuiet(60, null, now)).toBe(true);
    expect(deliverAfterQuiet(60, new Date('2026-12-01T11:00:01Z'), now)).toBe(false);
    expect(deliverAfterQuiet(60, new Date('2026-12-01T11:00:00Z'), now)).toBe(true);
    expect(deliverAfterQuiet(0, new Date('2026-12-01T11:59:59Z'), now)).toBe(true);
  });
  it('location roles reach the managers of the location and of its ancestors only', () => {
    const users = [
      { id: 'store', role: 'location_manager', locationPaths: ['/r1/m1/'] },
      { id: 'region', role: 'location_manager', locationPaths: ['/r1/'] },
      { id: 'other', role: 'location_manager', locationPaths: ['/r2/m3/'] },
      { id: 'none', role: 'location_manager', locationPaths: [] },
      { id: 'admin', role: 'admin', locationPaths: null },
    ];
    expect(roleRecipients(['location_manager'], users, '/r1/m1/')).toEqual(['store', 'region']);
    expect(roleRecipients(['location_manager', 'admin'], users, '/r1/m1/')).toEqual(['store', 'region', 'admin']);
    expect(roleRecipients(['location_manager'], users, null)).toEqual([]);
    expect(roleRecipients([], users, '/r1/m1/')).toEqual([]);
  });
});

describe('rule contract', () => {
  it('takes each trigger with its own params and names the bad field', () => {
    const ok = CreateAlertRuleSchema.safeParse({ name: 'Detractors', trigger: 'low_score', params: { metric: 'nps' } });
    expect(ok.success).toBe(true);
    expect(ok.data).toMatchObject({ quietMinutes: 60, opensCase: false, recipients: { userIds: [], emails: [], webhook: false } });
    const bad = CreateAlertRuleSchema.safeParse({ name: 'x', trigger: 'metric_drop', params: { metric: 'nps', periodDays: 0, by: 'location' } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(['params', 'periodDays']);
    expect(CreateAlertRuleSchema.safeParse({ name: 'x', trigger: 'low_score', params: { metric: 'nps', maxRating: 2 } }).success).toBe(false);
    expect(CreateAlertRuleSchema.safeParse({ name: 'x', trigger: 'low_score', params: { metric: 'nps' }, segment: 'no-colon' }).success).toBe(false);
    expect(LowScoreParamsSchema.safeParse({ metric: 'mood' }).success).toBe(false);
  });
});
