/**
 * Planning a wave (and its preview): which contacts of the audience get an invitation, which are
 * skipped and why, and when each is first sent (the wave's start moved into the contact's send window).
 */
import { decideSend, type SkipReason } from '../contacts/frequency.ts';
import { nextSendTime, type SendWindow } from './sendWindow.ts';

export type Channel = 'email' | 'sms' | 'telegram';

export interface PlanContact {
  id: string;
  email: string | null;
  phone: string | null;
  telegramChatId: string | null;
  timeZone: string | null;
  unsubscribedAt: Date | null;
  erasedAt: Date | null;
  lastSurveyedAt: Date | null;
}

export interface PlanSettings {
  channel: Channel;
  gapDays: number;
  window: SendWindow;
  /** The organisation's zone, for contacts without one (and for contacts whose zone is unknown). */
  orgTimeZone: string;
  /** When the wave starts (now, or a later instant). */
  startAt: Date;
  /** Zones this runtime knows (a contact's unknown zone falls back to the organisation's). */
  isTimeZone: (tz: string) => boolean;
}

export interface PlannedInvitation {
  contactId: string;
  status: 'queued' | 'skipped';
  skipReason: SkipReason | null;
  sendAfter: Date;
}

export function channelAddress(channel: Channel, c: Pick<PlanContact, 'email' | 'phone' | 'telegramChatId'>): string | null {
  return channel === 'email' ? c.email : channel === 'sms' ? c.phone : c.telegramChatId;
}

/** The zone of a contact's send window. */
export function contactZone(contactZone: string | null, orgZone: string, known: (tz: string) => boolean): string {
  if (contactZone && known(contactZone)) return contactZone;
  return known(orgZone) ? orgZone : 'UTC';
}

/** The policy as of `startAt` (it is checked again when each message is sent). */
export function planInvitations(contacts: PlanContact[], s: PlanSettings): PlannedInvitation[] {
  return contacts.map((c) => {
    const d = decideSend({ ...c, address: channelAddress(s.channel, c) }, s.gapDays, s.startAt);
    if (!d.send) return { contactId: c.id, status: 'skipped', skipReason: d.reason, sendAfter: s.startAt };
    return { contactId: c.id, status: 'queued', skipReason: null, sendAfter: nextSendTime(s.startAt, s.window, contactZone(c.timeZone, s.orgTimeZone, s.isTimeZone)) };
  });
}

export interface PlanSummary {
  total: number;
  toSend: number;
  skipped: Partial<Record<SkipReason, number>>;
  /** Of those to send, how many wait for their window to open. */
  delayedByWindow: number;
}

export function summarizePlan(plan: PlannedInvitation[], startAt: Date): PlanSummary {
  const summary: PlanSummary = { total: plan.length, toSend: 0, skipped: {}, delayedByWindow: 0 };
  for (const p of plan) {
    if (p.status === 'queued') {
      summary.toSend++;
      if (p.sendAfter.getTime() > startAt.getTime()) summary.delayedByWindow++;
    } else if (p.skipReason) summary.skipped[p.skipReason] = (summary.skipped[p.skipReason] ?? 0) + 1;
  }
  return summary;
}
