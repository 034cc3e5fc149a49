/**
 * @module The demo's saved progress of the main NPS survey (docs/api.md "Partial responses"), so that its drop-off
 * view has a story: most respondents finish; of those who leave, most leave at the comment. Pure and seeded.
 */
import { createRng } from './random.ts';
import { DEMO_LOCATIONS } from './structure.ts';

/** One respondent's progress row. */
export interface DemoProgress {
  storeKey: string;
  finished: boolean;
  answers: Record<string, { score?: number; text?: string; choice?: string }>;
  atKey: string;
  times: Record<string, number>;
  startedAt: Date;
}

/** The `demo-nps` questions in order, with the range of seconds spent on each and the weight of leaving there. */
const STEPS = [
  { key: 'nps', seconds: [3, 9], leave: 2 },
  { key: 'why', seconds: [10, 45], leave: 5 },
  { key: 'staff', seconds: [2, 6], leave: 1 },
  { key: 'checkout', seconds: [2, 6], leave: 1 },
  { key: 'purchase', seconds: [3, 8], leave: 1 },
] as const;
const DAY_MS = 86_400_000;

function answerTo(key: string, rng: ReturnType<typeof createRng>): DemoProgress['answers'][string] | null {
  if (key === 'nps') return { score: Math.max(0, Math.min(10, Math.round(rng.normal(8, 2.2)))) };
  if (key === 'why') return rng.chance(0.6) ? { text: 'demo' } : null;
  if (key === 'purchase') return { choice: rng.pick(['clothing', 'shoes', 'home', 'return', 'browsing']) };
  return { score: rng.int(2, 5) };
}

/** `count` respondents of the 30 days before `now`. */
export function demoProgress(seed: number, now: Date, count = 160): DemoProgress[] {
  const rng = createRng(seed);
  const stores = DEMO_LOCATIONS.filter((l) => l.kind === 'store').map((l) => l.key);
  const leaveWeights = Object.fromEntries(STEPS.map((s) => [s.key, s.leave])) as Record<string, number>;
  const out: DemoProgress[] = [];
  for (let i = 0; i < count; i++) {
    const finished = rng.chance(0.72);
    const atKey = finished ? STEPS[STEPS.length - 1].key : rng.weighted(leaveWeights);
    const answers: DemoProgress['answers'] = {};
    const times: Record<string, number> = {};
    for (const step of STEPS) {
      // An unfinished respondent's last screen: seen, neither answered nor timed.
      if (!finished && step.key === atKey) break;
      const answer = answerTo(step.key, rng);
      if (answer) answers[step.key] = answer;
      times[step.key] = rng.int(step.seconds[0] * 1000, step.seconds[1] * 1000);
    }
    out.push({ storeKey: rng.pick(stores), finished, answers, atKey, times, startedAt: new Date(now.getTime() - rng.int(1, 30 * DAY_MS)) });
  }
  return out;
}
