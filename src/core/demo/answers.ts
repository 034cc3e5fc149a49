/**
 * @module Answer generation per demo survey. Every score comes from a latent satisfaction value
 * (store quality, trend, weekday, season, segment) plus per-respondent noise; attribute ratings
 * share components with the outcome so key-driver analysis finds a real structure
 * (speed and politeness matter most).
 */
import type { AnswerMap } from '../surveys/types.ts';
import { scoreFromLatent, type Rng } from './random.ts';
import { npsGroup } from '../stats/nps.ts';
import { generateComment, ratingGroup, type CommentLanguage } from './comments.ts';
import type { DemoSurveySlug } from './surveys.ts';

/** What the answers of one response depend on. */
export interface AnswerContext {
  survey: DemoSurveySlug;
  /** Latent satisfaction: 0 is neutral, the chain's average is about +1.5. */
  mood: number;
  language: CommentLanguage;
  issues: readonly string[];
  /** Produce a straight-lined CSI response (every rating the same). */
  straightLine?: boolean;
}

const has = (ctx: AnswerContext, issue: string) => (ctx.issues.includes(issue) ? 1 : 0);

/** Weight of each CSI attribute in the overall score (the "true" drivers the demo hides in the data). */
export const CSI_TRUE_WEIGHTS: Readonly<Record<string, number>> = {
  speed: 0.45, politeness: 0.35, competence: 0.25, cleanliness: 0.12, assortment: 0.18,
};
const CSI_IMPORTANCE: Readonly<Record<string, number>> = { speed: 8.6, politeness: 8.1, competence: 7.4, cleanliness: 7.0, assortment: 8.0 };

function npsAnswers(rng: Rng, ctx: AnswerContext): AnswerMap {
  const staff = rng.normal() - 0.7 * has(ctx, 'rude_staff') - 0.4 * has(ctx, 'no_staff');
  const checkout = rng.normal() - 0.7 * has(ctx, 'queue');
  const nps = scoreFromLatent(ctx.mood + 0.75 * staff + 0.55 * checkout + rng.normal(0, 0.8), 0, 10);
  const group = npsGroup(nps);
  const a: AnswerMap = { nps: { score: nps } };
  if (rng.chance(group === 'detractor' ? 0.7 : group === 'passive' ? 0.45 : 0.38)) {
    a.why = { text: generateComment(rng, { language: ctx.language, group, context: 'store', issues: ctx.issues }) };
  }
  if (rng.chance(0.85)) a.staff = { score: scoreFromLatent(ctx.mood + 0.4 + 1.1 * staff + rng.normal(0, 0.5), 1, 5) };
  if (rng.chance(0.85)) a.checkout = { score: scoreFromLatent(ctx.mood + 0.2 + 1.1 * checkout + rng.normal(0, 0.5), 1, 5) };
  if (rng.chance(0.8)) {
    const purchase = rng.weighted({ clothing: 40, shoes: 20, home: 15, return: group === 'detractor' ? 20 : 8, browsing: 12 });
    a.purchase = { choice: purchase };
  }
  return a;
}

function csatAnswers(rng: Rng, ctx: AnswerContext): AnswerMap {
  const score = scoreFromLatent(ctx.mood + 0.3 + rng.normal(0, 1.3), 1, 5);
  const group = ratingGroup(score, 1, 5);
  const a: AnswerMap = { csat: { score } };
  if (rng.chance(group === 'detractor' ? 0.5 : 0.2)) {
    a.comment = { text: generateComment(rng, { language: ctx.language, group, context: 'store', issues: ctx.issues }) };
  }
  return a;
}

function cesAnswers(rng: Rng, ctx: AnswerContext): AnswerMap {
  const score = scoreFromLatent(ctx.mood - 0.3 + rng.normal(0, 1.4), 1, 7);
  const group = ratingGroup(score, 1, 7);
  const a: AnswerMap = { ces: { score } };
  if (rng.chance(0.8)) {
    const resolved = score >= 6 ? rng.weighted({ yes: 90, partly: 8, no: 2 }) : score >= 4 ? rng.weighted({ yes: 50, partly: 35, no: 15 }) : rng.weighted({ yes: 10, partly: 30, no: 60 });
    a.resolved = { choice: resolved };
  }
  if (rng.chance(group === 'detractor' ? 0.55 : 0.22)) {
    a.comment = { text: generateComment(rng, { language: ctx.language, group, context: 'support', issues: ctx.issues }) };
  }
  return a;
}

function csiAnswers(rng: Rng, ctx: AnswerContext): AnswerMap {
  const a: AnswerMap = {};
  if (ctx.straightLine) {
    const same = rng.pick([1, 5, 10, 10]);
    a.overall = { score: same };
    for (const k of Object.keys(CSI_TRUE_WEIGHTS)) {
      a[`sat_${k}`] = { score: same };
      a[`imp_${k}`] = { score: same };
    }
    return a;
  }
  const penalty: Record<string, number> = {
    speed: -0.3 - 0.8 * has(ctx, 'queue'),
    politeness: 0.2 - 0.9 * has(ctx, 'rude_staff'),
    competence: -0.4 * has(ctx, 'no_staff'),
    cleanliness: 0.3 - 0.9 * has(ctx, 'dirty_fitting'),
    assortment: -0.1 - 0.9 * has(ctx, 'out_of_stock'),
  };
  let overall = ctx.mood + rng.normal(0, 0.5);
  for (const [k, w] of Object.entries(CSI_TRUE_WEIGHTS)) {
    const experience = rng.normal(0, 1) + penalty[k];
    overall += w * experience;
    if (rng.chance(0.93)) a[`sat_${k}`] = { score: scoreFromLatent(ctx.mood * 0.8 + 0.9 * experience, 1, 10) };
    if (rng.chance(0.85)) {
      a[`imp_${k}`] = { score: Math.min(10, Math.max(1, Math.round(rng.normal(CSI_IMPORTANCE[k], 1.4)))) };
    }
  }
  a.overall = { score: scoreFromLatent(overall, 1, 10) };
  return a;
}

/** The answers (by question key) of one demo response. */
export function generateAnswers(rng: Rng, ctx: AnswerContext): AnswerMap {
  switch (ctx.survey) {
    case 'demo-nps':
      return npsAnswers(rng, ctx);
    case 'demo-csat':
      return csatAnswers(rng, ctx);
    case 'demo-ces':
      return cesAnswers(rng, ctx);
    case 'demo-csi':
      return csiAnswers(rng, ctx);
  }
}
