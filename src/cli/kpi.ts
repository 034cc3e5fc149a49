/**
 * @module `sarafan kpi FILE`: support KPIs of an event file without a server (docs/support.md
 * "Command line"). Reads the file with a preset (src/server/support/readEventFile.ts), summarises each
 * contact (src/core/support/contactEvents.ts) and aggregates (src/core/support/kpis.ts).
 *
 * Exports: `registerKpiCommand`.
 *
 * Output: a table in the operator's language; with --json one object (SupportKpis) or, with --by, an
 * array of objects, one per group, each with `group` first (GroupKpis). Refused rows: their count and
 * the first ten (line: reason) on stderr. Exit code 2 when the input is unusable (unknown preset or
 * format, missing required columns, broken CSV, bad --tz/--date-format/--repeat-window/--sla/--business-hours).
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { summariseContact, type ContactSummary, type SupportEvent } from '../core/support/contactEvents.ts';
import { KPI_GROUPS, parseDuration, REPEAT_WINDOW_MAX_DAYS, repeatFlags, repeatWindowProblem, roundSeconds, supportKpis, supportKpisByGroup, type KpiGroup, type SlaTarget, type SupportKpis } from '../core/support/kpis.ts';
import { PRESET_NAMES } from '../core/support/presets.ts';
import { businessSeconds, parseBusinessHours } from '../core/support/businessHours.ts';
import { EventFileError, eventFileFormat, readEventFile, type EventFileFormat } from '../server/support/readEventFile.ts';
import { cliText } from './messages.ts';
import { table } from './table.ts';

const SHOWN_BAD_ROWS = 10;
const FORMATS: readonly string[] = ['csv', 'xlsx', 'jsonl'];
const DAY = 86_400;

interface KpiOptions {
  preset: string;
  format?: EventFileFormat;
  repeatWindow: string;
  by?: KpiGroup;
  json?: boolean;
  tz: string;
  dateFormat?: string;
  sla: string[];
  businessHours?: string;
}

class UsageError extends Error {}

type EventAttributes = Omit<SupportEvent, 'ticketId' | 'at' | 'kind'>;
const ATTRIBUTE_KEYS = ['customerId', 'channel', 'agent', 'team', 'location', 'priority', 'category', 'subject', 'isComplaint'] as const;

/** An event as kept until the file is read: its attributes shared with the other events that have the same. */
interface KeptEvent {
  kind: SupportEvent['kind'];
  at: number;
  attrs: EventAttributes;
}

/**
 * The events of a file by ticket, kept small: a file repeats a ticket's customer, agent, team and subject
 * on every row, so equal attribute sets are stored once (docs/support.md "Command line": memory).
 */
class EventStore {
  readonly tickets = new Map<string, KeptEvent[]>();
  private readonly attributeSets = new Map<string, EventAttributes>();

  add(e: SupportEvent): void {
    const key = ATTRIBUTE_KEYS.map((k) => String(e[k] ?? '')).join('\u0000');
    let attrs = this.attributeSets.get(key);
    if (!attrs) {
      attrs = Object.fromEntries(ATTRIBUTE_KEYS.map((k) => [k, e[k] ?? null])) as EventAttributes;
      this.attributeSets.set(key, attrs);
    }
    const kept = { kind: e.kind, at: e.at.getTime(), attrs };
    const list = this.tickets.get(e.ticketId);
    if (list) list.push(kept);
    else this.tickets.set(e.ticketId, [kept]);
  }

  /** Each ticket's summary (summariseContact), its events rebuilt one ticket at a time and dropped once summarised. */
  summaries(): ContactSummary[] {
    const out: ContactSummary[] = [];
    for (const [ticketId, kept] of this.tickets) {
      out.push(summariseContact(kept.map((k) => ({ ...k.attrs, ticketId, at: new Date(k.at), kind: k.kind }))));
      this.tickets.delete(ticketId);
    }
    this.attributeSets.clear();
    return out;
  }
}

/** `PRIORITY=FIRST_RESPONSE/RESOLUTION` (durations such as 30m, 4h, 2d; `-` for none). */
function parseSla(text: string): SlaTarget {
  const m = /^(.+)=([^=/]*)\/([^=/]*)$/.exec(text);
  const duration = (s: string) => (s.trim() === '-' || s.trim() === '' ? null : parseDuration(s, null));
  if (m) {
    const firstResponseS = duration(m[2]);
    const resolutionS = duration(m[3]);
    const given = (s: string, v: number | null) => v !== null || s.trim() === '-' || s.trim() === '';
    if (given(m[2], firstResponseS) && given(m[3], resolutionS) && (firstResponseS !== null || resolutionS !== null)) {
      return { priority: m[1].trim(), firstResponseS, resolutionS };
    }
  }
  throw new UsageError(`--sla "${text}": write PRIORITY=FIRST_RESPONSE/RESOLUTION, e.g. "1 - Critical=1h/8h" or "High=30m/-"`);
}

/** Seconds as shown: milliseconds at most (the interpolation's float noise dropped). */
function roundTimes<T extends SupportKpis>(k: T): T {
  const out = { ...k } as Record<string, unknown>;
  for (const [key, v] of Object.entries(out)) if (key.endsWith('_s') && typeof v === 'number') out[key] = roundSeconds(v);
  return out as unknown as T;
}

const dash = '—';
const hours = (s: number | null) => (s === null ? dash : cliText('kpi.hours', { hours: s / 3600 }));
const percent = (r: number | null) => (r === null ? dash : cliText('kpi.percent', { rate: r }));

function windowLabel(seconds: number): string {
  return seconds % DAY === 0 ? cliText('kpi.days', { days: seconds / DAY }) : cliText('kpi.windowHours', { hours: Math.round((seconds / 3600) * 10) / 10 });
}

function overallTable(file: string, k: SupportKpis, businessHours: string | undefined): string {
  const times = (a: number | null, b: number | null, c: number | null) => `${hours(a)} / ${hours(b)} / ${hours(c)}`;
  const rows = [
    [cliText('kpi.contacts'), String(k.contacts)],
    [cliText('kpi.solved'), String(k.solved)],
    [cliText('kpi.firstResponse'), times(k.first_response_median_s, k.first_response_p90_s, k.first_response_mean_s)],
    [cliText('kpi.firstResolution'), times(k.first_resolution_median_s, k.first_resolution_p90_s, k.first_resolution_mean_s)],
    [cliText('kpi.fullResolution'), times(k.resolution_median_s, k.resolution_p90_s, k.resolution_mean_s)],
    [cliText('kpi.reopenRate'), percent(k.reopen_rate)],
    [cliText('kpi.oneTouchRate'), percent(k.one_touch_rate)],
    [cliText('kpi.repeatRate', { window: windowLabel(k.repeat_window_s) }), percent(k.repeat_contact_rate)],
    [cliText('kpi.complaints'), k.complaints === null ? dash : String(k.complaints)],
    ...(k.sla ?? []).map((s) => [cliText('kpi.sla', { priority: s.priority, met: s.met, judged: s.judged }), percent(s.attainment)]),
  ];
  const heading = cliText('kpi.heading', { file }) + (businessHours ? `\n${cliText('kpi.businessHours', { calendar: businessHours })}` : '');
  return `${heading}\n\n${table(rows)}`;
}

function groupTable(by: KpiGroup, groups: ReturnType<typeof supportKpisByGroup>): string {
  const header = [
    cliText('kpi.group', { by }), cliText('kpi.contacts'), cliText('kpi.frtMedian'), cliText('kpi.resolutionMedian'), cliText('kpi.reopenRate'),
    cliText('kpi.oneTouchRate'), cliText('kpi.repeatRate', { window: windowLabel(groups[0]?.repeat_window_s ?? 0) }), cliText('kpi.complaints'),
  ];
  return table([header, ...groups.map((g) => [
    g.group ?? dash, String(g.contacts), hours(g.first_response_median_s), hours(g.resolution_median_s), percent(g.reopen_rate),
    percent(g.one_touch_rate), percent(g.repeat_contact_rate), g.complaints === null ? dash : String(g.complaints),
  ])]);
}

async function kpiCommand(file: string, opts: KpiOptions): Promise<void> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
  if (opts.format !== undefined && !FORMATS.includes(opts.format)) throw new UsageError(`--format "${opts.format}": one of ${FORMATS.join(', ')}`);
  if (opts.by !== undefined && !(KPI_GROUPS as readonly string[]).includes(opts.by)) throw new UsageError(`--by "${opts.by}": one of ${KPI_GROUPS.join(', ')}`);
  const format = opts.format ?? eventFileFormat(file);
  if (!format) throw new UsageError(`cannot tell the format of ${file} from its extension: give --format csv, xlsx or jsonl`);
  const windowS = parseDuration(opts.repeatWindow);
  if (windowS === null) throw new UsageError(`--repeat-window "${opts.repeatWindow}": write 7d, 48h or a number of days`);
  const windowProblem = repeatWindowProblem(windowS);
  if (windowProblem) throw new UsageError(`--repeat-window "${opts.repeatWindow}": ${windowProblem}`);
  const slaTargets = opts.sla.map(parseSla);
  const calendar = opts.businessHours === undefined ? null : parseBusinessHours(opts.businessHours, opts.tz);
  if (typeof calendar === 'string') throw new UsageError(`--business-hours: ${calendar}`);
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: 'kpi [{bar}] {percentage}% | {value}/{total} kB | {duration_formatted}', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic)
    : null;
  const store = new EventStore();
  const bad: { line: number; error: string }[] = [];
  let badCount = 0;
  let complaintsKnown = false;
  let asOf = 0;
  let started = false;
  try {
    const rows = readEventFile(file, {
      format, preset: opts.preset, timeZone: opts.tz, dateFormat: opts.dateFormat,
      onProgress: bar
        ? (read, total) => {
            if (!started) bar.start(Math.ceil(total / 1024), 0);
            started = true;
            bar.update(Math.ceil(read / 1024));
          }
        : undefined,
    });
    for await (const row of rows) {
      if ('error' in row) {
        badCount += 1;
        if (bad.length < SHOWN_BAD_ROWS) bad.push(row);
        continue;
      }
      for (const e of row.events) {
        store.add(e);
        if (e.isComplaint !== undefined && e.isComplaint !== null) complaintsKnown = true;
        asOf = Math.max(asOf, e.at.getTime());
      }
    }
  } catch (err) {
    if (err instanceof EventFileError) throw new UsageError(err.message);
    throw err;
  } finally {
    if (started) bar?.stop();
  }
  if (badCount > 0) {
    process.stderr.write(`${cliText('kpi.badRows', { count: badCount })}\n${bad.map((b) => `  line ${b.line}: ${b.error}\n`).join('')}`);
  }
  if (store.tickets.size === 0 && badCount > 0) throw new UsageError('no row of the file could be read');
  const contacts = store.summaries();
  const options = {
    repeats: repeatFlags(contacts, windowS), repeatWindowS: windowS, complaintsKnown, slaTargets, asOf: new Date(asOf),
    elapsed: calendar ? (from: Date, to: Date) => businessSeconds(from, to, calendar) : undefined,
  };
  const labelled = <T extends object>(k: T) => (calendar ? { ...k, business_hours: calendar.label } : k);
  if (opts.by) {
    const groups = supportKpisByGroup(contacts, opts.by, opts.tz, options).map(roundTimes).map(labelled);
    process.stdout.write(opts.json ? `${JSON.stringify(groups, null, 2)}\n` : groupTable(opts.by, groups));
  } else {
    const kpis = roundTimes(supportKpis(contacts, options));
    process.stdout.write(opts.json ? `${JSON.stringify(labelled(kpis), null, 2)}\n` : overallTable(file, kpis, calendar?.label));
  }
}

/** Registers `sarafan kpi`. */
export function registerKpiCommand(program: Command): void {
  program
    .command('kpi')
    .description('Support KPIs (first response, resolution, reopens, one-touch, repeat contacts, complaints, SLA) of an event file; see docs/support.md')
    .argument('<file>', 'event file: .csv, .xlsx or .jsonl (see docs/import-formats.md)')
    .option('--preset <name>', `column mapping: ${PRESET_NAMES.join(', ')}`, 'canonical')
    .option('--format <format>', 'file format: csv, xlsx or jsonl (default: from the extension)')
    .option('--repeat-window <window>', `repeat-contact window: 7d, 48h, or a number of days (at most ${REPEAT_WINDOW_MAX_DAYS}d)`, '7d')
    .option('--by <group>', `one result per group: ${KPI_GROUPS.join(', ')}`)
    .option('--json', 'JSON instead of a table')
    .option('--tz <zone>', 'IANA time zone of dates written without an offset (and of --by month)', 'UTC')
    .option('--date-format <format>', "date format, e.g. 'dd-mm-yyyy HH:MM' or 'iso' (default: the preset's)")
    .option('--business-hours <calendar>', 'count times in working hours only, e.g. "Mon-Fri 09:00-18:00" (in the --tz zone)')
    .option('--sla <target>', 'SLA target of a priority, PRIORITY=FIRST_RESPONSE/RESOLUTION (e.g. "High=1h/8h"); repeatable', (v: string, all: string[]) => [...all, v], [] as string[])
    .action(async (file: string, opts: KpiOptions) => {
      try {
        await kpiCommand(file, opts);
      } catch (err) {
        if (!(err instanceof UsageError)) throw err;
        process.stderr.write(`sarafan kpi: ${err.message}\n`);
        process.exitCode = 2;
      }
    });
}
