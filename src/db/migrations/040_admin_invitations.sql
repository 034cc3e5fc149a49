-- Admin area: invitations and outbox details.

-- One pending invitation per e-mail and organisation: inviting again replaces the pending one,
-- and the constraint (not a check-then-insert) decides between two concurrent invitations.
create unique index invitations_pending_email on invitations(org_id, lower(email)) where accepted_at is null;

-- The inviter's interface language: the e-mail is written in it and the new user starts with it.
alter table invitations add column locale text not null default 'en';

-- Who caused a message, so location-scoped admins see only their own messages in the outbox.
alter table outbox add column sender_id uuid;
create index outbox_recent on outbox(org_id, created_at desc);
