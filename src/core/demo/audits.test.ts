import { describe, expect, it } from 'vitest';
import { planDemoAudits, DEMO_CHECKLISTS, DEMO_QUIZ_QUESTIONS, type DemoAuditPlan, type DemoVisit } from './audits.ts';
import { scoreVisit } from '../audits/scoring.ts';
import { parseStoredAnswers, scoringAnswers } from '../audits/answers.ts';
import { parseChecklist } from '../audits/checklist.ts';

const now = new Date('2026-12-01T09:00:00Z');
const today = '2026-12-01';
const agents = [
  { name: 'Ольга Смирнова', teamKey: 'CC-PHONE' }, { name: 'Игорь Павлов', teamKey: 'CC-PHONE' },
  { name: 'Анна Белова', teamKey: 'CC-CHAT' }, { name: 'Sara Rahimi', teamKey: 'CC-CHAT' }, { name: 'Reza Karimi', teamKey: 'CC-MAIL' },
];
// 250 contacts over the last 125 days, the agents in turn.
const contacts = Array.from({ length: 250 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, agent: agents[i % agents.length].name, createdAt: new Date(now.getTime() - (125 - i / 2) * 86_400_000),
}));
const plan = (seed: number) => planDemoAudits({ seed, now, today, agents, contacts });

const storeDefinition = DEMO_CHECKLISTS.find((c) => c.key === 'store_visit')!.definition;
const storeVisits = (p: DemoAuditPlan) => p.waves.filter((w) => w.checklist === 'store_visit').flatMap((w) => w.assignments).flatMap((a) => (a.visit ? [a.visit] : []));
const score = (v: DemoVisit) => scoreVisit(storeDefinition, scoringAnswers(storeDefinition, v.answers)).score!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const at = (visits: DemoVisit[], stores: string[]) => visits.filter((v) => stores.includes(v.locationKey));
// a measured queue above 5 minutes fails the checkout-speed item (the starter's pass rule)
const queueFailShare = (visits: DemoVisit[]) => visits.filter((v) => v.answers.queue_minutes.measured! > 5).length / visits.length;

describe.each([20_260_101, 7])('planDemoAudits (seed %i)', (seed) => {
  const p = plan(seed);
  const visits = storeVisits(p);

  it('is deterministic for a seed', () => {
    expect(plan(seed)).toEqual(p);
    expect(plan(seed + 1)).not.toEqual(p);
  });

  it('plans six monthly store waves over 20 stores and 3 competitors, busy stores twice, plus a mystery-call wave', () => {
    const stores = p.waves.filter((w) => w.checklist === 'store_visit');
    expect(stores).toHaveLength(6);
    // 20 stores + 3 competitors, and a second visit at the 7 stores with traffic >= 1.2 (MSK-01..04, SPB-01, SPB-02, THR-02)
    for (const w of stores) expect(w.assignments).toHaveLength(30);
    expect(stores.filter((w) => w.status === 'open')).toHaveLength(1);
    expect(p.waves.filter((w) => w.checklist === 'phone_call').flatMap((w) => w.assignments)).toHaveLength(12);
    // every visit's answers are valid stored answers of its checklist, with every scored item answered
    for (const v of visits) expect(parseStoredAnswers(storeDefinition, v.answers)).toEqual(v.answers);
    expect(at(visits, ['CMP-MSK', 'CMP-SPB', 'CMP-KZN']).length).toBeGreaterThanOrEqual(15);
  });

  it('leaves the latest wave half done: open assignments for the auditor, a few visits waiting for review; older waves published', () => {
    const [latest, ...older] = [...p.waves.filter((w) => w.checklist === 'store_visit')].reverse();
    const open = latest.assignments.filter((a) => a.status === 'assigned');
    expect(open.length).toBeGreaterThanOrEqual(5);
    expect(open.every((a) => a.visit === null)).toBe(true);
    const waiting = latest.assignments.filter((a) => a.visit?.status === 'submitted');
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    expect(waiting.every((a) => a.visit!.publishedAt === null)).toBe(true);
    for (const w of older) for (const a of w.assignments) expect(a.visit?.status).toBe('published');
    for (const v of visits) expect(v.visitedAt.getTime()).toBeLessThan(now.getTime());
  });

  it('scores the weak stores lower, with slower checkouts where customers complain about queues and worse greetings where about rude staff', () => {
    // MSK-07 (base -0.4) and SPB-05 (-0.3) against SPB-01 (+0.5) and KZN-03 (+0.4), none with a trend
    expect(mean(at(visits, ['MSK-07', 'SPB-05']).map(score))).toBeLessThan(mean(at(visits, ['SPB-01', 'KZN-03']).map(score)) - 5);
    // queue complaints (MSK-02, SPB-02, THR-02) against stores without complaints (MSK-01, MSK-03, SPB-01, KZN-01, KZN-03, THR-01, THR-04)
    const calm = ['MSK-01', 'MSK-03', 'SPB-01', 'KZN-01', 'KZN-03', 'THR-01', 'THR-04'];
    expect(queueFailShare(at(visits, ['MSK-02', 'SPB-02', 'THR-02']))).toBeGreaterThan(queueFailShare(at(visits, calm)) + 0.2);
    const greetFails = (vs: DemoVisit[]) => vs.filter((v) => v.answers.greeted.value === 'no').length / vs.length;
    expect(greetFails(at(visits, ['MSK-04']))).toBeGreaterThan(greetFails(at(visits, calm)));
  });

  it('has a few autofails on a missing receipt', () => {
    const autofails = visits.filter((v) => v.answers.receipt.value === 'no');
    expect(autofails.length).toBeGreaterThanOrEqual(1);
    expect(autofails.length).toBeLessThan(visits.length / 10);
    for (const v of autofails) expect(score(v)).toBe(0);
  });

  it('lets KZN-02 improve and MSK-04 decline over the waves', () => {
    const early = (store: string) => mean(at(visits, [store]).filter((v) => v.visitedAt.getTime() < now.getTime() - 120 * 86_400_000).map(score));
    const late = (store: string) => mean(at(visits, [store]).filter((v) => v.visitedAt.getTime() > now.getTime() - 60 * 86_400_000).map(score));
    expect(late('KZN-02')).toBeGreaterThan(early('KZN-02'));
    expect(late('MSK-04')).toBeLessThan(early('MSK-04'));
  });

  it('reviews 60 support contacts by agent on the QA scorecard, and calibrates three reviewers on one more', () => {
    const qa = parseChecklist({ ...DEMO_CHECKLISTS.find((c) => c.key === 'qa')!.definition });
    expect(p.qaReviews).toHaveLength(60);
    const agentCodes = new Set(p.employees.filter((e) => e.agentName).map((e) => e.code));
    expect(new Set(p.qaReviews.map((r) => r.employee)).size).toBe(agents.length);
    for (const r of p.qaReviews) {
      expect(agentCodes.has(r.employee!)).toBe(true);
      expect(r.supportContactId).toMatch(/^00000000-/);
      expect(parseStoredAnswers(qa, r.answers)).toEqual(r.answers);
    }
    expect(new Set(p.qaReviews.map((r) => r.supportContactId)).size).toBe(60);
    const cal = p.calibration!;
    expect(cal.visits.map((v) => v.by)).toEqual(['qa', 'owner', 'analyst']);
    expect(cal.visits.every((v) => v.supportContactId === cal.supportContactId && v.status === 'submitted')).toBe(true);
    expect(p.qaReviews.some((r) => r.supportContactId === cal.supportContactId)).toBe(false);
    // they disagree on empathy: 2, 1, 1
    expect(cal.visits.map((v) => v.answers.empathy.value)).toEqual([2, 1, 1]);
  });

  it('has one decided and one pending appeal at MSK-01 on items answered "no", and coaching for two agents with one overdue follow-up', () => {
    const byRef = new Map(visits.map((v) => [v.ref, v]));
    expect(p.appeals).toHaveLength(2);
    expect(p.appeals.filter((a) => a.decision === null)).toHaveLength(1);
    for (const a of p.appeals) {
      const v = byRef.get(a.visitRef)!;
      expect(v.locationKey).toBe('MSK-01');
      expect(v.status).toBe('published');
      expect(v.answers[a.itemKey].value).toBe('no');
    }
    expect(p.coaching).toHaveLength(2);
    expect(p.coaching.filter((n) => n.followUpOn < today && n.doneAt === null)).toHaveLength(1);
    expect(new Set(p.coaching.map((n) => n.employee)).size).toBe(2);
  });

  it('has a quiz of six questions in en/ru/fa taken about forty times, better on repeats, with the returns question missed most', () => {
    for (const q of DEMO_QUIZ_QUESTIONS) {
      expect(Object.keys(q.text).sort()).toEqual(['en', 'fa', 'ru']);
      expect(q.options.map((o) => o.key)).toEqual(expect.arrayContaining(q.correct));
    }
    const attempts = p.quiz.attempts;
    expect(attempts.length).toBeGreaterThanOrEqual(35);
    expect(attempts.length).toBeLessThanOrEqual(48);
    expect(p.quiz.slug).toMatch(/^[a-z0-9-]{6,64}$/);
    for (const a of attempts) {
      expect(a.correct).toBe(a.perQuestion.filter((x) => x.correct).length);
      expect(a.total).toBe(6);
      expect(a.createdAt.getTime()).toBeGreaterThan(now.getTime() - 92 * 86_400_000);
    }
    const seen = new Set<string>();
    const first: number[] = [];
    const repeat: number[] = [];
    for (const a of attempts) {
      (seen.has(a.employee) ? repeat : first).push(a.correct);
      seen.add(a.employee);
    }
    expect(repeat.length).toBeGreaterThanOrEqual(10);
    expect(mean(repeat)).toBeGreaterThan(mean(first));
    const share = (key: string) => attempts.filter((a) => a.perQuestion.find((x) => x.key === key)!.correct).length / attempts.length;
    const shares = DEMO_QUIZ_QUESTIONS.map((q) => share(q.key));
    expect(share('return_days')).toBe(Math.min(...shares));
    expect(share('return_days')).toBeLessThan(0.5);
  });
});
