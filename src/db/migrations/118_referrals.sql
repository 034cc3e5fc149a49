-- "Bring a friend" (issue 15, docs/store-economics.md): one code per response (a retried submission finds
-- the code of the first), and the visits of the referral link, counted at most once per address, code and day.
create unique index referral_codes_one_per_response on referral_codes(org_id, response_id) where response_id is not null;

-- A visit of /r/<code>: `visitor` is the SHA-256 (hex) of the address with the code, never the address itself;
-- `day` is the organisation's calendar day. referral_codes.clicks counts these rows.
create table referral_visits (
  org_id uuid not null,
  code text not null,
  day date not null,
  visitor text not null,
  primary key (org_id, code, day, visitor),
  foreign key (org_id, code) references referral_codes(org_id, code) on delete cascade
);
create index referral_visits_day on referral_visits(org_id, day);

-- The report finds the customers whose till receipt carries a code (the first such receipt refers them).
create index sales_transactions_referral on sales_transactions(org_id, customer_key, at) where referral_code is not null;
