/**
 * Demo e-mail invitations (seeded, pure): three waves of the NPS survey to the demo contacts (the contacts
 * directory's, src/core/demo/contacts.ts) over the demo months with deliveries, bounces, opt-outs, reminders, opens, answers
 * and frequency-limit skips, so the waves pages and the response rate have a story to show:
 * - "Loyalty members, September" (75 days ago): silver and gold customers, reminders after 3 and 7 days;
 * - "Customers, November" (30 days ago): basic and silver customers, one reminder after 4 days;
 * - "Moscow stores follow-up" (12 days ago): customers of the Moscow stores (MSK-04 is declining); those
 *   asked in November are skipped by the 30-day frequency limit, the gold members (asked in September) are invited.
 */
import { createRng, deriveSeed, type Rng } from './random.ts';

/** What the waves need of a demo contact (the contacts directory's demo contacts, src/core/demo/contacts.ts). */
export interface DemoContact {
  id: string;
  storeCode: string | null;
  segment: string | null;
  /** Days since the contact opted out, or null. */
  unsubscribedDaysAgo: number | null;
}

export interface DemoWave {
  key: string;
  name: string;
  daysAgo: number;
  reminderDays: number[];
  /** Which contacts: segments, stores whose code starts with a prefix, or all. */
  segments?: string[];
  storePrefix?: string;
}

export const DEMO_WAVES: readonly DemoWave[] = [
  { key: 'loyalty', name: 'Loyalty members, September', daysAgo: 75, reminderDays: [3, 7], segments: ['silver', 'gold'] },
  { key: 'november', name: 'Customers, November', daysAgo: 30, reminderDays: [4], segments: ['basic', 'silver'] },
  { key: 'moscow', name: 'Moscow stores follow-up', daysAgo: 12, reminderDays: [3], storePrefix: 'MSK-' },
];

export interface DemoInvitation {
  id: string;
  waveKey: string;
  contactId: string;
  status: 'skipped' | 'delivered' | 'bounced';
  skipReason: 'unsubscribed' | 'contact_gap' | null;
  sentAt: Date | null;
  bouncedAt: Date | null;
  openedAt: Date | null;
  remindersSent: number;
  lastReminderAt: Date | null;
  /** When the contact answered (a demo response of their store near then is linked), or null. */
  answerAt: Date | null;
}

const DAY = 86_400_000;
const GAP_DAYS = 30;

/** A send time on the wave's day inside 09:00-20:00 Moscow (06:00-17:00 UTC). */
function sendTime(rng: Rng, now: Date, daysAgo: number): Date {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * DAY;
  return new Date(day + 6 * 3_600_000 + rng.int(0, 11 * 60 - 1) * 60_000);
}

export function demoInvitations(seed: number, contacts: readonly DemoContact[], now: Date): DemoInvitation[] {
  const rng = createRng(deriveSeed(seed, 1011));
  const lastSurveyed = new Map<string, Date>();
  const out: DemoInvitation[] = [];
  for (const wave of DEMO_WAVES) {
    const audience = contacts.filter((c) => (!wave.segments || (c.segment !== null && wave.segments.includes(c.segment))) && (!wave.storePrefix || (c.storeCode?.startsWith(wave.storePrefix) ?? false)));
    for (const c of audience) {
      const at = sendTime(rng, now, wave.daysAgo);
      const base = { id: rng.uuid(), waveKey: wave.key, contactId: c.id, sentAt: null, bouncedAt: null, openedAt: null, remindersSent: 0, lastReminderAt: null, answerAt: null };
      if (c.unsubscribedDaysAgo !== null && c.unsubscribedDaysAgo > wave.daysAgo) {
        out.push({ ...base, status: 'skipped', skipReason: 'unsubscribed' });
        continue;
      }
      const last = lastSurveyed.get(c.id);
      if (last && at.getTime() - last.getTime() < GAP_DAYS * DAY) {
        out.push({ ...base, status: 'skipped', skipReason: 'contact_gap' });
        continue;
      }
      if (rng.chance(0.04)) {
        out.push({ ...base, status: 'bounced', skipReason: null, bouncedAt: at });
        continue;
      }
      lastSurveyed.set(c.id, at);
      // Answers: most on the first day, some after each reminder; gold members answer more often.
      const p = c.segment === 'gold' ? 0.42 : c.segment === 'silver' ? 0.33 : 0.25;
      let answerAt: Date | null = null;
      let reminders = 0;
      let lastReminder: Date | null = null;
      if (rng.chance(p)) answerAt = new Date(at.getTime() + rng.int(10, 20 * 60) * 60_000);
      for (const d of wave.reminderDays) {
        if (answerAt) break;
        const reminderAt = new Date(at.getTime() + d * DAY);
        if (reminderAt > now) break;
        reminders++;
        lastReminder = reminderAt;
        if (rng.chance(p / 2)) answerAt = new Date(reminderAt.getTime() + rng.int(10, 8 * 60) * 60_000);
      }
      if (answerAt && answerAt > now) answerAt = null;
      const openedAt = answerAt ? new Date(answerAt.getTime() - rng.int(1, 5) * 60_000) : rng.chance(0.2) ? new Date(at.getTime() + rng.int(30, 600) * 60_000) : null;
      out.push({ ...base, status: 'delivered', skipReason: null, sentAt: at, openedAt: openedAt && openedAt > now ? null : openedAt, remindersSent: reminders, lastReminderAt: lastReminder, answerAt });
    }
  }
  return out;
}
