/**
 * @module The demo's alert rules and which of its events fire them (docs/closed-loop.md "Alerts"): a detractor
 * at any store opens a case, complaint words in ru / en / fa, an NPS drop per store. Pure: the demo loader
 * (src/db/demo/insertDemoAlerts.ts) feeds it the demo's answers and writes what it returns.
 */
import { compileKeywords, deliverAfterQuiet, excerpt, matchKeywords, textWords } from '../closedLoop/alertRules.ts';
import { NPS_GROUP_RANGES } from '../stats/nps.ts';

export interface DemoAlertRule {
  key: 'detractor' | 'words' | 'drop';
  name: string;
  trigger: 'low_score' | 'comment_match' | 'metric_drop';
  params: Record<string, unknown>;
  recipients: { userIds: string[]; locationRoles: string[]; emails: string[]; webhook: boolean };
  quietMinutes: number;
  opensCase: boolean;
  casePriority: 'low' | 'normal' | 'high' | 'urgent';
}

/** Keywords of the demo's complaint rule: the brief's three, and the words the demo's customers actually write. */
export const DEMO_KEYWORDS = ['ужасно', 'ужас*', 'lawyer', 'rude', 'شکایت', 'افتضاح'];

export const DEMO_ALERT_RULES: readonly DemoAlertRule[] = [
  {
    key: 'detractor', name: 'Критик в любом магазине → обращение', trigger: 'low_score', params: { metric: 'nps' },
    recipients: { userIds: [], locationRoles: ['location_manager'], emails: [], webhook: false }, quietMinutes: 60, opensCase: true, casePriority: 'high',
  },
  {
    key: 'words', name: 'Жалобы: «ужасно», lawyer, شکایت', trigger: 'comment_match', params: { keywords: DEMO_KEYWORDS, themes: [] },
    recipients: { userIds: [], locationRoles: ['location_manager', 'analyst'], emails: ['quality@sarafan.local'], webhook: false }, quietMinutes: 0, opensCase: false, casePriority: 'normal',
  },
  {
    key: 'drop', name: 'NPS магазина значимо упал за неделю', trigger: 'metric_drop', params: { metric: 'nps', periodDays: 7, by: 'location' },
    recipients: { userIds: [], locationRoles: ['location_manager', 'owner'], emails: [], webhook: false }, quietMinutes: 1440, opensCase: false, casePriority: 'normal',
  },
];

export interface DemoAnswerFact {
  responseId: string;
  locationId: string | null;
  submittedAt: Date;
  score: number | null;
  text: string | null;
}

export interface DemoAlert {
  rule: DemoAlertRule['key'];
  responseId: string;
  locationId: string | null;
  firedAt: Date;
  delivered: boolean;
  summary: Record<string, unknown>;
}

/**
 * The alerts the detractor and keyword rules fire on the demo's answers (oldest first), with the quiet
 * period applied per rule and location as the live evaluation would.
 */
export function demoResponseAlerts(facts: readonly DemoAnswerFact[], survey: string): DemoAlert[] {
  const compiled = compileKeywords(DEMO_KEYWORDS);
  const lastDelivered = new Map<string, Date>();
  const out: DemoAlert[] = [];
  const push = (rule: DemoAlertRule, f: DemoAnswerFact, summary: Record<string, unknown>) => {
    const key = `${rule.key}|${f.locationId}`;
    const delivered = deliverAfterQuiet(rule.quietMinutes, lastDelivered.get(key) ?? null, f.submittedAt);
    if (delivered) lastDelivered.set(key, f.submittedAt);
    out.push({ rule: rule.key, responseId: f.responseId, locationId: f.locationId, firedAt: f.submittedAt, delivered, summary });
  };
  const [detractor, words] = DEMO_ALERT_RULES;
  for (const f of [...facts].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())) {
    const text = f.text?.trim() ? excerpt(f.text) : null;
    if (f.score !== null && f.score <= NPS_GROUP_RANGES.detractor[1]) {
      push(detractor, f, { metric: 'nps', score: f.score, scale: { min: 0, max: 10 }, questionKey: 'nps', survey, ...(text ? { excerpt: text } : {}) });
    }
    if (f.text) {
      const found = matchKeywords(compiled, textWords(f.text));
      if (found.length) push(words, f, { keywords: found, themes: [], excerpt: text, survey });
    }
  }
  return out;
}
