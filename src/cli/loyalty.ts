/**
 * @module `sarafan loyalty FILE [--period month] [--json] [--skip-bad-rows]`: loyalty economics of a
 * canonical transaction file without a server (docs/store-economics.md "The `sarafan loyalty` command").
 * Columns `customer_id`, `at`, `amount` (`location`, `order_id`, `quantity` may be there and are not
 * needed); CSV (delimiter detected), XLSX or JSON lines by extension (src/server/files/tableRows.ts),
 * streamed into the accumulator of src/core/economics/loyalty.ts, which keeps one small record per customer.
 *
 * Exports: `registerLoyaltyCommand`.
 *
 * Output: a table in the operator's language, or with --json one object (full precision). A bad row stops
 * the command with `line N: reason` and exit code 1 unless --skip-bad-rows (then they are counted and the
 * first ten listed on stderr). Exit code 2 when the file cannot be used at all.
 */
import { Command, Option } from 'commander';
import { LOYALTY_PERIODS, LoyaltyAccumulator, transactionOf, type LoyaltyPeriod } from '../core/economics/loyalty.ts';
import { columnKey } from '../core/support/presets.ts';
import { readRows, TabularFileError, tabularFormat } from '../server/files/readRows.ts';
import { cliText } from './messages.ts';
import { table } from './table.ts';

const REQUIRED = ['customer_id', 'at', 'amount'] as const;
const SHOWN_BAD_ROWS = 10;

interface LoyaltyOptions {
  period: LoyaltyPeriod;
  json?: boolean;
  skipBadRows?: boolean;
}

class BadRow extends Error {}

function checkHeader(keys: readonly string[]): void {
  const missing = REQUIRED.filter((k) => !keys.includes(k));
  if (missing.length) throw new TabularFileError(`the file has no column ${missing.join(', ')} (it needs ${REQUIRED.join(', ')})`);
}

/** Reads the file into an accumulator. @throws TabularFileError, BadRow (without --skip-bad-rows) */
async function accumulate(file: string, skipBadRows: boolean): Promise<{ acc: LoyaltyAccumulator; skipped: number; shown: string[] }> {
  const acc = new LoyaltyAccumulator();
  const shown: string[] = [];
  let skipped = 0;
  const format = tabularFormat(file) ?? 'csv';
  for await (const row of readRows(file, { format, keyOf: columnKey, onHeader: format === 'jsonl' ? undefined : checkHeader })) {
    const t = 'error' in row ? row.error : transactionOf({ customer_id: row.cells.get('customer_id'), at: row.cells.get('at'), amount: row.cells.get('amount') });
    if (typeof t === 'string') {
      const problem = `line ${row.line}: ${t}`;
      if (!skipBadRows) throw new BadRow(problem);
      skipped += 1;
      if (shown.length < SHOWN_BAD_ROWS) shown.push(problem);
      continue;
    }
    acc.add(t.customer, t.day, t.amount);
  }
  return { acc, skipped, shown };
}

const number = (value: number | null) => (value === null ? cliText('loyalty.none') : cliText('loyalty.number', { value }));
const percent = (rate: number | null) => (rate === null ? cliText('loyalty.none') : cliText('loyalty.percent', { rate }));

/** Registers `sarafan loyalty`. */
export function registerLoyaltyCommand(program: Command): void {
  program
    .command('loyalty')
    .argument('<file>', 'canonical transaction file: customer_id,at,amount (CSV, XLSX or JSON lines; docs/store-economics.md)')
    .description('Loyalty economics of a transaction file: revenue concentration, repeat purchases, retention')
    .addOption(new Option('--period <period>', 'retention period (weeks are ISO weeks)').choices(LOYALTY_PERIODS).default('month'))
    .option('--json', 'print one JSON object (full precision)')
    .option('--skip-bad-rows', 'leave out rows that cannot be read (they are counted and the first listed)')
    .action(async (file: string, opts: LoyaltyOptions) => {
      let result: Awaited<ReturnType<typeof accumulate>>;
      try {
        result = await accumulate(file, opts.skipBadRows === true);
      } catch (err) {
        if (err instanceof BadRow) {
          console.error(`sarafan: ${err.message} (use --skip-bad-rows to leave such rows out)`);
          process.exitCode = 1;
          return;
        }
        if (err instanceof TabularFileError) {
          console.error(`sarafan: ${err.message}`);
          process.exitCode = 2;
          return;
        }
        throw err;
      }
      const { acc, skipped, shown } = result;
      const s = acc.summary(opts.period);
      if (skipped > 0) {
        console.error(cliText('loyalty.skipped', { count: skipped }));
        for (const p of shown) console.error(`  ${p}`);
      }
      const revenuePerCustomer = s.customers ? s.revenue / s.customers : null;
      if (opts.json) {
        console.log(JSON.stringify({ period: opts.period, ...s, revenue_per_customer: revenuePerCustomer, skipped_rows: skipped }));
        return;
      }
      const name = file.split(/[\\/]/).pop() ?? file;
      const out = [
        cliText('loyalty.heading', { file: name, period: opts.period }),
        '',
        table([
          [cliText('loyalty.customers'), number(s.customers)],
          [cliText('loyalty.transactions'), number(s.transactions)],
          [cliText('loyalty.revenue'), number(s.revenue)],
          [cliText('loyalty.revenuePerCustomer'), number(revenuePerCustomer)],
          [cliText('loyalty.top20'), percent(s.top20_revenue_share)],
          [cliText('loyalty.repeat'), percent(s.repeat_customer_rate)],
        ]),
        cliText('loyalty.retention'),
        s.retention.length
          ? table([
            [cliText('loyalty.period'), cliText('loyalty.active'), cliText('loyalty.retained'), cliText('loyalty.rate')],
            ...s.retention.map((r) => [r.period, number(r.active), number(r.retained), percent(r.rate)]),
          ])
          : `${cliText('loyalty.noRetention')}\n`,
      ];
      process.stdout.write(out.join('\n'));
    });
}
