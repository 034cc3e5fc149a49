-- The feedback mailbox reader (docs/closed-loop.md "Feedback mailbox"): what to do with a letter, the
-- reader's status and retry pause, and per letter what kind it was and what was left out.

-- open_cases: which letters open a case by themselves: every letter, negative ones only, or none.
alter table feedback_mailboxes add column open_cases text not null default 'negative' check (open_cases in ('all', 'negative', 'none'));
alter table feedback_mailboxes add column case_priority text not null default 'normal' check (case_priority in ('low', 'normal', 'high', 'urgent'));
-- letters stored since the mailbox was set up (feedback and replies; auto-replies skipped are counted apart)
alter table feedback_mailboxes add column letters_read integer not null default 0;
alter table feedback_mailboxes add column letters_skipped integer not null default 0;
-- failed reads in a row and the earliest next attempt (backoff: 1, 2, 4 ... up to 60 minutes)
alter table feedback_mailboxes add column failures integer not null default 0;
alter table feedback_mailboxes add column next_attempt_at timestamptz;
alter table feedback_mailboxes add column last_success_at timestamptz;

-- kind: feedback (a new item) or reply (an answer threaded to a case's conversation).
alter table feedback_messages add column kind text not null default 'feedback' check (kind in ('feedback', 'reply'));
alter table feedback_messages add column attachments integer not null default 0 check (attachments >= 0);
-- why the body is empty or cut: too_large (over 5 MB, not downloaded), truncated (text over 20,000 characters)
alter table feedback_messages add column note text check (note in ('too_large', 'truncated'));
create index feedback_messages_received on feedback_messages(org_id, received_at desc);
