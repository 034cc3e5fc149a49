-- The funnel's day rollup (docs/store-economics.md "The funnel"): per location and organisation-local day, the
-- paired sums of footfall_hours and store_hour_sales under the funnel's pairing rules
-- (src/core/economics/funnel.ts), computed in the organisation's time zone `time_zone`. Kept equal by the
-- store imports (the days an import touched, in its transaction) and the demo loader (src/db/store/funnelDays.ts);
-- rebuilt for the whole organisation when its time zone is no longer the rows' zone.
create table store_funnel_days (
  org_id uuid not null,
  location_id uuid not null,
  day date not null,
  time_zone text not null,
  footfall_hours integer not null,
  passers_by_hours integer not null,
  passers_by bigint not null,
  captured_visitors bigint not null,
  visitors bigint not null,
  sales_hours integer not null,
  transactions bigint not null,
  revenue numeric(18, 2) not null,
  items bigint,
  -- the conversion pair: visitors and transactions of the footfall hours of a day with at least one sale
  converted_visitors bigint not null,
  converted_transactions bigint not null,
  primary key (org_id, location_id, day),
  foreign key (org_id, location_id) references locations(org_id, id) on delete cascade
);
create index store_funnel_days_day on store_funnel_days(org_id, day);

-- Existing hourly data, rolled up in each organisation's zone.
insert into store_funnel_days
select o.id, d.loc, d.day, o.timezone,
       count(d.visitors), count(d.passers_by), coalesce(sum(d.passers_by), 0), coalesce(sum(d.visitors) filter (where d.passers_by is not null), 0),
       coalesce(sum(d.visitors), 0), count(d.transactions), coalesce(sum(d.transactions), 0), coalesce(sum(d.revenue), 0), sum(d.items),
       case when bool_or(d.transactions is not null) then coalesce(sum(d.visitors), 0) else 0 end,
       case when bool_or(d.transactions is not null) then coalesce(sum(d.transactions) filter (where d.visitors is not null), 0) else 0 end
  from orgs o
  join lateral (
    select coalesce(f.location_id, s.location_id) as loc, (coalesce(f.hour, s.hour) at time zone o.timezone)::date as day,
           f.visitors, f.passers_by, s.transactions, s.revenue, s.items
      from (select * from footfall_hours where org_id = o.id) f
      full join (select * from store_hour_sales where org_id = o.id) s on s.location_id = f.location_id and s.hour = f.hour
  ) d on true
 group by o.id, d.loc, d.day, o.timezone;
