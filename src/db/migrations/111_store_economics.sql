-- The store funnel and loyalty economics (issue 15, docs/store-economics.md; ../shared/METRICS.md
-- "Store and loyalty economics"): door-counter footfall, till transactions and staff shifts imported
-- from files, the hourly store table the funnel reads, and the "bring a friend" referral loop.

-- One row per file import of footfall, transactions or shifts (like support_imports): the declared
-- reading (column mapping, zone, date format), progress for the bar, the outcome and refused rows.
create table store_imports (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('footfall', 'transactions', 'shifts')),
  file_name text,
  file_sha256 text,
  format text check (format in ('csv', 'xlsx', 'jsonl')),
  -- {"<field>": "<column in the file>"}: the file's columns for the canonical fields
  mapping jsonb not null default '{}',
  time_zone text,
  date_format text,
  skip_bad_rows boolean not null default false,
  location_paths text[],
  upload_path text,
  status text not null default 'running' check (status in ('running', 'done', 'failed')),
  rows_read integer not null default 0,
  rows_refused integer not null default 0,
  rows_stored integer not null default 0,
  bytes_read bigint not null default 0,
  bytes_total bigint,
  problems jsonb not null default '[]',
  job_id text,
  created_by uuid,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  primary key (org_id, id)
);
create unique index store_imports_file on store_imports(org_id, kind, file_sha256) where file_sha256 is not null and status <> 'failed';
create index store_imports_started on store_imports(org_id, started_at desc);

-- Door counters: per location and hour (the hour's start, UTC); passers-by where a counter measures them.
-- A re-import of the same hour replaces it (idempotent).
create table footfall_hours (
  org_id uuid not null,
  location_id uuid not null,
  hour timestamptz not null,
  visitors integer not null check (visitors >= 0),
  passers_by integer check (passers_by >= 0),
  import_id uuid,
  primary key (org_id, location_id, hour),
  foreign key (org_id, location_id) references locations(org_id, id) on delete cascade
);

-- Till transactions: one per receipt (receipt ids are unique per location); amount in the
-- organisation's currency; customer_key joins contacts.external_id; referral_code a referred
-- customer's code (referral_codes) on their purchase.
create table sales_transactions (
  org_id uuid not null,
  location_id uuid not null,
  receipt_id text not null,
  at timestamptz not null,
  amount numeric(14, 2) not null,
  customer_key text,
  items integer check (items >= 0),
  referral_code text,
  import_id uuid,
  primary key (org_id, location_id, receipt_id),
  foreign key (org_id, location_id) references locations(org_id, id) on delete cascade
);
create index sales_transactions_at on sales_transactions(org_id, at);
create index sales_transactions_customer on sales_transactions(org_id, customer_key, at) where customer_key is not null;

-- Sales per location and hour, kept equal to sales_transactions by every import (the funnel reads it).
create table store_hour_sales (
  org_id uuid not null,
  location_id uuid not null,
  hour timestamptz not null,
  transactions integer not null,
  revenue numeric(16, 2) not null,
  items integer,
  primary key (org_id, location_id, hour),
  foreign key (org_id, location_id) references locations(org_id, id) on delete cascade
);

-- Staff shifts (from a shift file): who worked where and when; shift_key is the file's shift id, or
-- the employee and start. Staff on shift per hour is counted from these.
create table staff_shifts (
  org_id uuid not null,
  location_id uuid not null,
  shift_key text not null,
  employee_code text,
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  import_id uuid,
  primary key (org_id, location_id, shift_key),
  foreign key (org_id, location_id) references locations(org_id, id) on delete cascade
);
create index staff_shifts_time on staff_shifts(org_id, location_id, starts_at);

-- "Bring a friend": a personal code for a promoter (an answer of 9-10), shown on the thank-you page.
create table referral_codes (
  org_id uuid not null references orgs(id) on delete cascade,
  code text not null unique check (code ~ '^[A-Z0-9]{4,16}$'),
  response_id uuid,
  survey_id uuid,
  location_id uuid,
  contact_id uuid,
  -- visits of the referral link /r/<code>
  clicks integer not null default 0,
  created_at timestamptz not null default now(),
  primary key (org_id, code),
  foreign key (org_id, location_id) references locations(org_id, id) on delete set null (location_id)
);
create index referral_codes_response on referral_codes(org_id, response_id);

-- A referred customer: the customer (customer_key) who came with a code, first seen on a transaction
-- carrying it or claimed through the API. Their first purchase is read from sales_transactions.
create table referral_claims (
  org_id uuid not null,
  customer_key text not null,
  code text not null,
  claimed_at timestamptz not null default now(),
  primary key (org_id, customer_key),
  foreign key (org_id, code) references referral_codes(org_id, code) on delete cascade
);
create index referral_claims_code on referral_claims(org_id, code);

-- Settings of the referral loop and the what-if defaults (src/core/economics/whatIf.ts): per organisation.
alter table orgs add column referrals_enabled boolean not null default false;
