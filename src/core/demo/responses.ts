/**
 * @module Demo responses: who answered which survey where and when. Volumes follow a weekly rhythm
 * (busy weekends) and grow slightly towards today; moods follow each location's profile and trend,
 * the weekend crowds and the November-December rush. A small share are speeders, straight-liners
 * and duplicate submissions so the data-quality view has something to show.
 */
import type { AnswerMap } from '../surveys/types.ts';
import { createRng, type Rng } from './random.ts';
import { demoStores, demoTeams, type DemoLocation } from './structure.ts';
import { generateAnswers } from './answers.ts';
import type { DemoSurveySlug } from './surveys.ts';
import type { CommentLanguage } from './comments.ts';
import { demoKioskAnswers, demoKioskChannel } from './kiosks.ts';
import { asWidgetResponse } from './widget.ts';

export interface DemoResponse {
  id: string;
  survey: DemoSurveySlug;
  /** Key of the location (store code or team code). */
  location: string;
  channel: string;
  language: CommentLanguage;
  hidden: Record<string, string>;
  contactKey: string | null;
  startedAt: Date;
  submittedAt: Date;
  durationMs: number;
  answers: AnswerMap;
}

export interface GenerateOptions {
  seed: number;
  count: number;
  /** The last moment of the period (usually now). */
  now: Date;
  days: number;
}

const DAY_MS = 86_400_000;
/** Moscow has been UTC+3 all year since 2014; the demo's local hours are Moscow hours. */
const MOSCOW_OFFSET_MS = 3 * 3_600_000;
const WEEKDAY_TRAFFIC = [1.3, 0.8, 0.85, 0.9, 0.95, 1.2, 1.5]; // Sunday .. Saturday
const SURVEY_MIX: Record<DemoSurveySlug, number> = { 'demo-nps': 48, 'demo-csat': 30, 'demo-ces': 16, 'demo-csi': 6 };
const CHANNELS: Record<DemoSurveySlug, Record<string, number>> = {
  'demo-nps': { email: 30, link: 15, qr: 20, receipt: 20, kiosk: 15, widget: 10 },
  'demo-csat': { receipt: 50, email: 30, link: 20, widget: 10 },
  'demo-ces': {},
  'demo-csi': { qr: 50, kiosk: 50 },
};
const TEAM_CHANNEL: Record<string, string> = { 'CC-PHONE': 'phone', 'CC-CHAT': 'chat', 'CC-MAIL': 'email' };
const MEDIAN_DURATION_S: Record<DemoSurveySlug, number> = { 'demo-nps': 55, 'demo-csat': 20, 'demo-ces': 35, 'demo-csi': 95 };

function pickWeighted<T extends { profile?: { traffic: number } }>(rng: Rng, items: readonly T[]): T {
  const total = items.reduce((s, i) => s + (i.profile?.traffic ?? 1), 0);
  let r = rng.next() * total;
  for (const item of items) {
    r -= item.profile?.traffic ?? 1;
    if (r < 0) return item;
  }
  return items[items.length - 1];
}

/** A submission moment: busier weekends, a little growth towards today, shop hours in Moscow time. */
function pickMoment(rng: Rng, opts: GenerateOptions): { at: Date; fraction: number } {
  const localToday = Math.floor((opts.now.getTime() + MOSCOW_OFFSET_MS) / DAY_MS);
  for (;;) {
    const back = rng.int(0, opts.days - 1);
    const localDay = localToday - back;
    const weekday = (localDay + 4) % 7; // 1970-01-01 was a Thursday
    const fraction = 1 - back / opts.days;
    if (rng.next() * 1.6 * 1.2 > WEEKDAY_TRAFFIC[weekday] * (0.85 + 0.35 * fraction)) continue;
    const hour = Math.min(21.99, Math.max(10, rng.chance(0.5) ? rng.normal(13.5, 1.8) : rng.normal(19, 1.6)));
    const at = localDay * DAY_MS + hour * 3_600_000 - MOSCOW_OFFSET_MS;
    if (at > opts.now.getTime()) continue;
    return { at: new Date(at), fraction };
  }
}

/** Seasonal and weekday effects on mood: weekend crowds, the November-December rush. */
function timeEffect(at: Date): number {
  const local = new Date(at.getTime() + MOSCOW_OFFSET_MS);
  const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6 ? -0.25 : 0;
  const month = local.getUTCMonth();
  const rush = (month === 10 && local.getUTCDate() >= 20) || month === 11 ? -0.3 : 0;
  return weekend + rush;
}

function hiddenFields(rng: Rng, channel: string): Record<string, string> {
  const hidden: Record<string, string> = {
    customer_type: rng.chance(0.3) ? 'first_time' : 'returning',
    age_band: rng.weighted({ '18-24': 14, '25-34': 30, '35-44': 27, '45-54': 17, '55+': 12 }),
    segment: rng.weighted({ basic: 55, silver: 28, gold: 17 }),
  };
  if (channel === 'receipt') hidden.order_id = `R${rng.int(10_000_000, 99_999_999)}`;
  return hidden;
}

/**
 * Mostly one-off customers: the data-quality view counts any later response of the same contact as a
 * duplicate, so only 2 % of contacts come back (and the planted double submissions are on top).
 */
function contactKey(rng: Rng, customers: number): string {
  return rng.chance(0.02) ? `cust-${rng.int(1, Math.ceil(customers / 50))}` : `cust-${rng.uuid().slice(0, 13)}`;
}

const SEGMENT_EFFECT: Record<string, number> = { basic: -0.1, silver: 0.1, gold: 0.35 };

/** Builds one fresh response (not a duplicate). */
function freshResponse(rng: Rng, opts: GenerateOptions, stores: DemoLocation[], teams: DemoLocation[], customers: number): DemoResponse {
  const survey = rng.weighted(SURVEY_MIX);
  const place = survey === 'demo-ces' ? pickWeighted(rng, teams) : pickWeighted(rng, stores);
  const profile = place.profile!;
  const channel = survey === 'demo-ces' ? TEAM_CHANNEL[place.key] : rng.weighted(CHANNELS[survey]);
  const language = rng.weighted(profile.languages);
  const { at, fraction } = pickMoment(rng, opts);
  const hidden = hiddenFields(rng, channel);
  const mood = 1.5 + profile.base + profile.trend * (fraction - 0.5) + timeEffect(at) + SEGMENT_EFFECT[hidden.segment]
    + (hidden.customer_type === 'returning' ? 0.15 : -0.1) + (channel === 'kiosk' ? 0.1 : channel === 'email' ? -0.1 : 0);
  const speeder = rng.chance(0.015);
  const straightLine = survey === 'demo-csi' && rng.chance(0.05);
  const durationMs = speeder
    ? rng.int(1200, 3500)
    : Math.round(MEDIAN_DURATION_S[survey] * 1000 * Math.exp(rng.normal(0, 0.45)));
  return {
    id: rng.uuid(),
    survey,
    location: place.key,
    // Kiosk answers only where a demo kiosk stands (core/demo/kiosks.ts); the mood above keeps the drawn channel.
    channel: demoKioskChannel(survey, place.key, channel),
    language,
    hidden,
    contactKey: channel === 'email' || channel === 'receipt' || rng.chance(0.2) ? contactKey(rng, customers) : null,
    startedAt: new Date(at.getTime() - durationMs),
    submittedAt: at,
    durationMs,
    answers: demoKioskAnswers(survey, demoKioskChannel(survey, place.key, channel), generateAnswers(rng, { survey, mood, language, issues: profile.issues, straightLine })),
  };
}

/** A resubmission of `r` a few minutes later: same contact, same answers (the double-click / second e-mail case). */
function duplicateOf(rng: Rng, r: DemoResponse, now: Date): DemoResponse {
  const later = Math.min(now.getTime(), r.submittedAt.getTime() + rng.int(60_000, 20 * 60_000));
  return {
    ...r,
    id: rng.uuid(),
    contactKey: r.contactKey ?? `cust-dup-${r.id.slice(0, 8)}`,
    startedAt: new Date(later - r.durationMs),
    submittedAt: new Date(later),
  };
}

/**
 * Yields `count` demo responses; deterministic for a given seed and `now`.
 * @param opts seed, count, the period's end and its length in days
 */
export function* generateDemoResponses(opts: GenerateOptions): Generator<DemoResponse> {
  const rng = createRng(opts.seed);
  const stores = demoStores();
  const teams = demoTeams();
  const customers = Math.max(50, Math.round(opts.count / 3));
  let produced = 0;
  while (produced < opts.count) {
    const r = asWidgetResponse(rng, freshResponse(rng, opts, stores, teams, customers));
    const dup = produced + 1 < opts.count && rng.chance(0.008) ? duplicateOf(rng, r, opts.now) : null;
    if (dup) r.contactKey = dup.contactKey; // both halves of the pair share the contact
    yield r;
    produced++;
    if (dup) {
      yield dup;
      produced++;
    }
  }
}
