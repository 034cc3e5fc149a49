/**
 * @module The demo's case operations (docs/closed-loop.md): business hours (head office Mon-Fri
 * 09:00-18:00; Moscow, St Petersburg and Kazan stores every day 10:00-22:00; Tehran Sat-Wed), a Moscow
 * regional manager above the stores (escalations go to her), two teams and routing rules, compensation
 * limits (a location manager settles up to 3,000 RUB on the spot), and the recovery answers of
 * resolved detractor cases. Pure: the inserts are src/db/demo/insertDemoCaseOps.ts.
 */
import type { Rng } from './random.ts';

export const DEMO_ORG_HOURS = 'Mon-Fri 09:00-18:00';
/** Location key -> its own business hours (the stores inherit them from their region). */
export const DEMO_LOCATION_HOURS: Readonly<Record<string, string>> = {
  MSK: 'Mon-Sun 10:00-22:00',
  SPB: 'Mon-Sun 10:00-22:00',
  KZN: 'Mon-Sun 10:00-22:00',
  THR: 'Sat-Wed 10:00-22:00',
  CC: 'Mon-Sun 08:00-22:00',
};

export const DEMO_REGION_MANAGER = { email: 'moscow@sarafan.local', name: 'Ольга Миронова (Москва)', region: 'MSK', locale: 'ru' } as const;

export const DEMO_CASE_TEAMS = [
  { key: 'hotline', name: 'Горячая линия', members: ['analyst'] },
  { key: 'quality', name: 'Отдел качества', members: ['owner', 'analyst'] },
] as const;

/** In order: phone complaints to the hotline, the call center's cases to quality, urgent Tehran cases to the owner. */
export const DEMO_ROUTING_RULES: readonly { location?: string; channel?: string; priority?: string; team?: string; user?: 'owner' }[] = [
  { channel: 'phone', team: 'hotline' },
  { location: 'CC', team: 'quality' },
  { location: 'THR', priority: 'urgent', user: 'owner' },
];

export const DEMO_CURRENCY = 'RUB';
export const DEMO_COMPENSATION_LIMITS: Readonly<Record<string, number>> = { location_manager: 3000, admin: 15000, owner: 50000 };

/**
 * The 0..10 answer a detractor (trigger score 0..6) gives to "how likely now?" after the case: about
 * 55% answer 7 or more (recovered), the rest stay detractors, a little above where they were.
 */
export function demoRecoveryScore(rng: Rng, triggerScore: number): number {
  if (rng.chance(0.55)) return rng.chance(0.4) ? rng.int(9, 10) : rng.int(7, 8);
  return Math.min(6, triggerScore + rng.int(0, 2));
}
