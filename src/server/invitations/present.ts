/** Waves and invitations as the API shows them (src/core/api/invitations.ts). */
import type { InvitationCounts, InvitationView, WaveView } from '../../core/api/invitations.ts';
import { formatMinute } from '../../core/invitations/sendWindow.ts';
import type { WaveInvitationRow } from '../../db/invitations/stats.ts';
import type { WaveRow } from '../../db/invitations/waves.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentWave(w: WaveRow, counts: InvitationCounts): WaveView {
  return {
    id: w.id, name: w.name, surveyId: w.surveyId, surveyName: w.surveyName, channel: w.channel, status: w.status,
    reminderDays: w.reminderDays, window: { start: formatMinute(w.windowStart), end: formatMinute(w.windowEnd) },
    sendAt: w.sendAfter.toISOString(), createdAt: w.createdAt.toISOString(), counts,
  };
}

export function presentInvitation(r: WaveInvitationRow): InvitationView {
  return {
    id: r.id, contactId: r.contactId, contact: r.contact, contactName: r.contactName, status: r.status as InvitationView['status'],
    skipReason: r.skipReason, sendAfter: r.sendAfter.toISOString(), sentAt: iso(r.sentAt), openedAt: iso(r.openedAt),
    respondedAt: iso(r.respondedAt), remindersSent: r.remindersSent, nextReminderAt: iso(r.nextReminderAt), lastError: r.lastError,
  };
}
