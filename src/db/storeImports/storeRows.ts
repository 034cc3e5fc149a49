/**
 * @module Storing imported footfall, transactions and shifts (docs/store-economics.md "Imports: footfall,
 * transactions, shifts"), inside the caller's transaction: rows are staged with COPY (a file of a million rows
 * streams through bounded memory), their location labels resolved once each (an id, a code, or the only location
 * with that name) and checked against the caller's locations, then stored with one upsert; for transactions the
 * hourly table store_hour_sales is recomputed for exactly the (location, hour)s the import touched, and for footfall and
 * transactions the funnel's day rollup for exactly the local days they touched (src/db/store/funnelDays.ts).
 */
import type { Scope } from '../../core/access/index.ts';
import type { StoreImportKind } from '../../core/storeImports/fields.ts';
import type { FootfallRow, ShiftRow, StoreRow, TransactionRow } from '../../core/storeImports/rows.ts';
import type { PoolClient, Queryable } from '../connection.ts';
import { copyRows, type CopyValue } from '../demo/copyRows.ts';
import { refreshFunnelDays } from '../store/funnelDays.ts';
import { locationMatchSql } from '../support/matching.ts';
import { bumpLoyaltyData } from '../loyalty/snapshots.ts';

/** A row waiting in the stage, with its line in the file. */
export interface StagedStoreRow {
  line: number;
  row: StoreRow;
}

const STAGES: Record<StoreImportKind, { table: string; columns: readonly string[]; ddl: string }> = {
  footfall: {
    table: 'store_stage_footfall',
    columns: ['line', 'label', 'hour', 'visitors', 'passers_by'],
    ddl: 'line integer not null, label text not null, hour timestamptz not null, visitors integer not null, passers_by integer',
  },
  transactions: {
    table: 'store_stage_sales',
    columns: ['line', 'label', 'receipt_id', 'at', 'amount', 'customer_key', 'items', 'referral_code'],
    ddl: 'line integer not null, label text not null, receipt_id text, at timestamptz not null, amount numeric(14, 2) not null, customer_key text, items integer, referral_code text',
  },
  shifts: {
    table: 'store_stage_shifts',
    columns: ['line', 'label', 'shift_key', 'employee_code', 'starts_at', 'ends_at'],
    ddl: 'line integer not null, label text not null, shift_key text not null, employee_code text, starts_at timestamptz not null, ends_at timestamptz not null',
  },
};

function stageValues(kind: StoreImportKind, s: StagedStoreRow): CopyValue[] {
  if (kind === 'footfall') {
    const r = s.row as FootfallRow;
    return [s.line, r.location, r.hour, r.visitors, r.passersBy];
  }
  if (kind === 'transactions') {
    const r = s.row as TransactionRow;
    return [s.line, r.location, r.receiptId, r.at, r.amount, r.customerKey, r.items, r.referralCode];
  }
  const r = s.row as ShiftRow;
  return [s.line, r.location, r.shiftKey, r.employee, r.startsAt, r.endsAt];
}

async function* stageRows(kind: StoreImportKind, rows: AsyncIterable<StagedStoreRow> | Iterable<StagedStoreRow>): AsyncGenerator<CopyValue[]> {
  for await (const s of rows) yield stageValues(kind, s);
}

/** Creates this transaction's empty stage for `kind` (dropped at commit or rollback) and streams `rows` into it. @returns rows staged */
export async function stageStoreRows(tx: PoolClient, kind: StoreImportKind, rows: AsyncIterable<StagedStoreRow> | Iterable<StagedStoreRow>): Promise<number> {
  const { table, columns, ddl } = STAGES[kind];
  await tx.query(`/* stageStoreRows */ create temporary table if not exists ${table} (${ddl}) on commit drop;
    create temporary table if not exists store_stage_labels (label text primary key, location_id uuid, reason text) on commit drop;
    truncate ${table}, store_stage_labels`);
  return copyRows(tx, table, columns, stageRows(kind, rows));
}

/**
 * Resolves the staged location labels (a location id, a code, else the only location with that name) and refuses
 * the rows whose location is unknown or, for a caller limited to locations, not one of theirs. Removes the refused
 * rows from the stage.
 * @returns the refused lines, in line order
 */
export async function refuseStoreRows(tx: Queryable, kind: StoreImportKind, scope: Scope): Promise<{ line: number; reason: string }[]> {
  const { table } = STAGES[kind];
  await tx.query(
    `/* refuseStoreRows:labels */ insert into store_stage_labels (label, location_id)
      select d.label, coalesce((select l.id from locations l where l.org_id = $1 and l.id::text = lower(d.label)), ${locationMatchSql('$1', 'd.label')})
        from (select distinct label from ${table}) d`,
    [scope.orgId],
  );
  await tx.query(
    `/* refuseStoreRows:reasons */ update store_stage_labels lb set reason = case
        when lb.location_id is null then 'location: no location has this id, code or name'
        when $2::text[] is not null and not exists (select 1 from locations l where l.org_id = $1 and l.id = lb.location_id and l.path like any($2::text[]))
          then 'location: not one of your locations' end`,
    [scope.orgId, scope.locationPaths === null ? null : scope.locationPaths.map((p) => `${p}%`)],
  );
  const { rows } = await tx.query<{ line: number; reason: string }>(
    `/* refuseStoreRows:refused */ delete from ${table} s using store_stage_labels lb where lb.reason is not null and s.label = lb.label
      returning s.line, lb.reason as reason`,
  );
  return rows.sort((a, b) => a.line - b.line);
}

const WORK_MEM = '128MB';
const HOUR = `date_trunc('hour', st.at, 'UTC')`;

/**
 * Stores the staged rows (after refuseStoreRows): footfall summed per location and hour and replacing the stored
 * hour; transactions and shifts upserted by their key (the last row of the file wins for a repeated key).
 * Transactions without a receipt id get a derived one: location, time, amount, customer and the occurrence number
 * among identical rows, so the same rows again store nothing new.
 * @returns rows written (inserted or changed)
 */
export async function applyStagedStoreRows(tx: PoolClient, kind: StoreImportKind, orgId: string, importId: string | null): Promise<number> {
  await tx.query(`set local work_mem = '${WORK_MEM}'`);
  const { table } = STAGES[kind];
  await tx.query(`analyze ${table}`);
  if (kind === 'footfall') {
    const r = await tx.query(
      `/* applyStagedStoreRows:footfall */ insert into footfall_hours (org_id, location_id, hour, visitors, passers_by, import_id)
        select $1, lb.location_id, s.hour, sum(s.visitors), sum(s.passers_by), $2
          from store_stage_footfall s join store_stage_labels lb on lb.label = s.label
         group by lb.location_id, s.hour
        on conflict (org_id, location_id, hour) do update set visitors = excluded.visitors, passers_by = excluded.passers_by, import_id = excluded.import_id`,
      [orgId, importId],
    );
    await refreshFunnelDays(tx, orgId, 'select distinct lb.location_id, s.hour from store_stage_footfall s join store_stage_labels lb on lb.label = s.label');
    return r.rowCount ?? 0;
  }
  if (kind === 'shifts') {
    const r = await tx.query(
      `/* applyStagedStoreRows:shifts */ insert into staff_shifts (org_id, location_id, shift_key, employee_code, starts_at, ends_at, import_id)
        select distinct on (lb.location_id, s.shift_key) $1, lb.location_id, s.shift_key, s.employee_code, s.starts_at, s.ends_at, $2
          from store_stage_shifts s join store_stage_labels lb on lb.label = s.label
         order by lb.location_id, s.shift_key, s.line desc
        on conflict (org_id, location_id, shift_key) do update set employee_code = excluded.employee_code, starts_at = excluded.starts_at,
          ends_at = excluded.ends_at, import_id = excluded.import_id`,
      [orgId, importId],
    );
    return r.rowCount ?? 0;
  }
  await tx.query(
    `/* applyStagedStoreRows:derivedKeys */ update store_stage_sales s set receipt_id = d.key
      from (select x.line, '~' || md5(concat_ws(chr(31), lb.location_id::text, extract(epoch from x.at)::text, x.amount::text, coalesce(x.customer_key, ''),
                    (row_number() over (partition by lb.location_id, x.at, x.amount, x.customer_key order by x.line))::text)) as key
              from store_stage_sales x join store_stage_labels lb on lb.label = x.label where x.receipt_id is null) d
     where s.line = d.line`,
  );
  // The hours the import touches: those of its rows, and those its receipts had before (a corrected time moves a receipt).
  await tx.query(
    `/* applyStagedStoreRows:touched */ create temporary table store_touched_hours on commit drop as
      select distinct lb.location_id, date_trunc('hour', s.at, 'UTC') as hour
        from store_stage_sales s join store_stage_labels lb on lb.label = s.label
      union
      select st.location_id, ${HOUR}
        from store_stage_sales s join store_stage_labels lb on lb.label = s.label
        join sales_transactions st on st.org_id = $1 and st.location_id = lb.location_id and st.receipt_id = s.receipt_id`,
    [orgId],
  );
  const stored = await tx.query(
    `/* applyStagedStoreRows:transactions */ insert into sales_transactions (org_id, location_id, receipt_id, at, amount, customer_key, items, referral_code, import_id)
      select distinct on (lb.location_id, s.receipt_id) $1, lb.location_id, s.receipt_id, s.at, s.amount, s.customer_key, s.items, s.referral_code, $2
        from store_stage_sales s join store_stage_labels lb on lb.label = s.label
       order by lb.location_id, s.receipt_id, s.line desc
      on conflict (org_id, location_id, receipt_id) do update set at = excluded.at, amount = excluded.amount, customer_key = excluded.customer_key,
        items = excluded.items, referral_code = excluded.referral_code, import_id = excluded.import_id
      where (sales_transactions.at, sales_transactions.amount, sales_transactions.customer_key, sales_transactions.items, sales_transactions.referral_code)
        is distinct from (excluded.at, excluded.amount, excluded.customer_key, excluded.items, excluded.referral_code)`,
    [orgId, importId],
  );
  await rollUpTouchedHours(tx, orgId);
  await refreshFunnelDays(tx, orgId, 'select location_id, hour from store_touched_hours');
  await bumpLoyaltyData(tx, orgId);
  // A referred customer is first seen on a purchase carrying a known code.
  await tx.query(
    `/* applyStagedStoreRows:referrals */ insert into referral_claims (org_id, customer_key, code, claimed_at)
      select distinct on (s.customer_key) $1, s.customer_key, rc.code, s.at
        from store_stage_sales s join referral_codes rc on rc.org_id = $1 and rc.code = s.referral_code
       where s.customer_key is not null and s.referral_code is not null
       order by s.customer_key, s.at
      on conflict (org_id, customer_key) do nothing`,
    [orgId],
  );
  return stored.rowCount ?? 0;
}

/** store_hour_sales of the touched (location, hour)s made equal to their transactions again. */
async function rollUpTouchedHours(tx: Queryable, orgId: string): Promise<void> {
  await tx.query('analyze store_touched_hours');
  await tx.query(
    `/* rollUpTouchedHours:delete */ delete from store_hour_sales h using store_touched_hours t
      where h.org_id = $1 and h.location_id = t.location_id and h.hour = t.hour`,
    [orgId],
  );
  await tx.query(
    `/* rollUpTouchedHours:insert */ insert into store_hour_sales (org_id, location_id, hour, transactions, revenue, items)
      select $1, st.location_id, ${HOUR}, count(*), sum(st.amount), sum(st.items)
        from sales_transactions st join store_touched_hours t on t.location_id = st.location_id and t.hour = ${HOUR}
       where st.org_id = $1
       group by st.location_id, ${HOUR}`,
    [orgId],
  );
}
