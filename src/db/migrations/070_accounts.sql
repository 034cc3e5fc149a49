-- Accounts (issue 8): password resets, optional TOTP sign-in, pending sign-in challenges, throttles.

-- One-time password reset links ("forgot password", an admin's reset, `sarafan users reset-password`).
-- Only the SHA-256 of the token is stored; a used or expired row no longer works.
create table password_resets (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  token_hash text not null unique,
  -- who asked for it: null for the user themselves or the command line
  created_by uuid,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, user_id) references users(org_id, id) on delete cascade
);

-- TOTP: the secret while enrolling (pending) and once confirmed; the last accepted time step
-- (a code is accepted once). Secrets are AES-GCM encrypted when SARAFAN_SECRET is set (docs/api.md).
alter table users
  add column totp_secret text,
  add column totp_pending_secret text,
  add column totp_enabled_at timestamptz,
  add column totp_last_step bigint;

create table totp_recovery_codes (
  org_id uuid not null,
  user_id uuid not null,
  code_hash text not null,
  used_at timestamptz,
  primary key (org_id, user_id, code_hash),
  foreign key (org_id, user_id) references users(org_id, id) on delete cascade
);

-- Owners and admins can require two-factor sign-in for everybody in the organisation.
alter table orgs add column require_totp boolean not null default false;

-- A password that was right, waiting for the second factor (or for enrolment when it is required).
-- Not a session: it opens nothing but the two-factor endpoints, for 10 minutes.
create table login_challenges (
  token_hash text primary key,
  org_id uuid not null,
  user_id uuid not null,
  purpose text not null check (purpose in ('verify', 'enrol')),
  next_path text not null default '/app',
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  foreign key (org_id, user_id) references users(org_id, id) on delete cascade
);

-- Attempt counters (src/core/accounts/throttle.ts): sign-in failures per account, address and pair,
-- wrong two-factor codes, "forgot password" requests.
create table auth_throttle (
  key text primary key,
  hits integer not null,
  window_started_at timestamptz not null,
  locked_until timestamptz
);

-- Reset links mailed to owners are shown in the outbox to owners only: an admin reading them could
-- otherwise ask "forgot password" for an owner and take over the account.
alter table outbox add column owners_only boolean not null default false;
