/** Response shapes of the users API: fields listed explicitly, never a row. */
import type { InvitationView, OutboxAnswer, UserView } from '../../core/api/users.ts';
import type { OutboxMessage } from '../../db/mail/outbox.ts';
import type { InvitationRow, UserRow } from '../../db/users/listUsers.ts';

/** A user as GET /users and PATCH /users/:id show it (no password hash, no locale). */
export const presentUser = (u: UserRow): UserView => ({
  id: u.id, email: u.email, name: u.name, role: u.role, locationIds: u.locationIds, disabled: u.disabled, createdAt: u.createdAt.toISOString(),
});

/** An invitation without its token hash. */
export const presentInvitation = (i: InvitationRow): InvitationView => ({
  id: i.id, email: i.email, role: i.role, locationIds: i.locationIds, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString(),
  acceptedAt: i.acceptedAt?.toISOString() ?? null,
});

/** A kept message as GET /outbox shows it. */
export const presentOutboxMessage = (m: OutboxMessage): OutboxAnswer['messages'][number] => ({
  id: m.id, to: m.to, subject: m.subject, body: m.body, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null,
});
