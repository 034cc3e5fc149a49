/**
 * Demo e-mail invitations (seeded, pure): customers of the demo stores as contacts, and three waves of
 * the NPS survey over the demo months with deliveries, bounces, opt-outs, reminders, opens, answers
 * and frequency-limit skips, so the waves pages and the response rate have a story to show:
 * - "Loyalty members, September" (75 days ago): silver and gold customers, reminders after 3 and 7 days;
 * - "Customers, November" (30 days ago): basic and silver customers, one reminder after 4 days;
 * - "MSK-04 follow-up" (12 days ago): the declining store's customers; those asked in November are
 *   skipped by the 30-day frequency limit, the gold members (last asked in September) are invited.
 */
import { createRng, deriveSeed, type Rng } from './random.ts';
import { demoStores } from './structure.ts';

export interface DemoContact {
  id: string;
  name: string;
  email: string;
  language: 'ru' | 'fa' | 'en';
  timeZone: string;
  storeCode: string;
  segment: 'basic' | 'silver' | 'gold';
  unsubscribedDaysAgo: number | null;
}

export interface DemoWave {
  key: string;
  name: string;
  daysAgo: number;
  reminderDays: number[];
  /** Which contacts: a segment list, a store, or all. */
  segments?: DemoContact['segment'][];
  storeCode?: string;
}

export const DEMO_WAVES: readonly DemoWave[] = [
  { key: 'loyalty', name: 'Loyalty members, September', daysAgo: 75, reminderDays: [3, 7], segments: ['silver', 'gold'] },
  { key: 'november', name: 'Customers, November', daysAgo: 30, reminderDays: [4], segments: ['basic', 'silver'] },
  { key: 'msk04', name: 'MSK-04 follow-up', daysAgo: 12, reminderDays: [3], storeCode: 'MSK-04' },
];

/** The e-mail domain of the demo contacts (example.com: never a real mailbox). */
const DOMAIN = 'demo.example.com';
const RU_NAMES = ['Анна', 'Борис', 'Виктория', 'Григорий', 'Дарья', 'Евгений', 'Жанна', 'Ирина', 'Константин', 'Людмила', 'Михаил', 'Наталья', 'Олег', 'Полина', 'Роман', 'Светлана'];
const FA_NAMES = ['سارا', 'علی', 'مریم', 'رضا', 'زهرا', 'حسین', 'نگار', 'امیر', 'فاطمه', 'محمد'];
const EN_NAMES = ['Alex', 'Emma', 'James', 'Olivia', 'Daniel', 'Sophie'];

export const DEMO_CONTACT_COUNT = 360;

export function demoContacts(seed: number): DemoContact[] {
  const rng = createRng(deriveSeed(seed, 1010));
  const stores = demoStores();
  const out: DemoContact[] = [];
  for (let i = 0; i < DEMO_CONTACT_COUNT; i++) {
    const store = stores[i % stores.length];
    const tehran = store.code!.startsWith('THR');
    const language = tehran ? (rng.chance(0.9) ? 'fa' : 'en') : rng.chance(0.93) ? 'ru' : 'en';
    const name = rng.pick(language === 'fa' ? FA_NAMES : language === 'ru' ? RU_NAMES : EN_NAMES);
    out.push({
      id: rng.uuid(),
      name,
      email: `customer${String(i + 1).padStart(4, '0')}@${DOMAIN}`,
      language,
      timeZone: tehran ? 'Asia/Tehran' : 'Europe/Moscow',
      storeCode: store.code!,
      segment: rng.weighted({ basic: 5, silver: 3, gold: 2 }),
      unsubscribedDaysAgo: rng.chance(0.03) ? rng.int(40, 170) : null,
    });
  }
  return out;
}

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
    const audience = contacts.filter((c) => (!wave.segments || wave.segments.includes(c.segment)) && (!wave.storeCode || c.storeCode === wave.storeCode));
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
