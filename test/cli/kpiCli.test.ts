/**
 * `sarafan kpi FILE` end to end: the real command in a child process. A small hand-made CSV with
 * expected KPIs worked out by hand, the table in en/ru/fa, --by, --sla, unusable input (exit 2); and the
 * UCI incident log (../shared/data) with the servicenow preset against figures computed here, from the
 * raw rows, without the code under test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sharedDataDir } from '../../bench/textData.ts';
import { runCommand } from '../helpers/cli.ts';

const sarafan = (args: string[], locale = 'C') => runCommand(['kpi', ...args], { locale });

// Each run starts the command from the TypeScript sources (seconds on a loaded machine).
vi.setConfig({ testTimeout: 180_000 });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-kpi-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Line numbers on the right; line 2-3 is one record (a quoted multi-line subject), line 7 has a stray CR.
const HAND = [
  'ticket_id,customer_id,at,event,channel,agent,team,priority,subject,is_complaint', // 1
  'T1,C1,2024-03-01T09:00:00Z,created,email,,L1,high,"Refund', //                       2
  'please",true', //                                                                   3
  'T1,C1,2024-03-01T09:01:00Z,auto_reply,,,,,,', //                                     4
  'T1,C1,2024-03-01T10:00:00Z,agent_reply,,ann,,,,', //                                 5
  'T1,C1,2024-03-01T11:00:00Z,solved,,ann,,,,', //                                      6
  'T2,C1,2024-03-03T09:00:00Z,created,phone\r,,L2,low,,', //                            7
  'T2,C1,2024-03-03T13:00:00Z,agent_reply,,bob,,,,', //                                 8
  'T2,C1,2024-03-03T15:00:00Z,solved,,bob,,,,', //                                      9
  'T2,C1,2024-03-04T09:00:00Z,reopened,,,,,,', //                                       10
  'T2,C1,2024-03-04T10:00:00Z,agent_reply,,bob,,,,', //                                 11
  'T2,C1,2024-03-04T21:00:00Z,solved,,bob,,,,', //                                      12
  'T3,,2024-03-05T08:00:00Z,created,chat,,L2,high,,', //                                13
  'T3,,2024-03-05T08:30:00Z,agent_reply,,cy,,,,', //                                    14
  'T5,C3,yesterday,created,,,,,,', //                                                   15
  'T4,C2,2024-03-20T09:00:00Z,created,email,,L1,high,,false', //                        16
  'T4,C2,2024-03-20T10:00:00Z,reply,,,,,,', //                                          17
  'T4,C2,2024-03-21T09:00:00Z,closed,,dan,,,,', //                                      18
].join('\r\n');
const handFile = path.join(dir, 'hand.csv');
fs.writeFileSync(handFile, `${HAND}\r\n`);

/*
 * By hand (h = 3600 s). Contacts T1, T2, T3, T4 (T5 has only a refused row).
 * First response: T1 1 h (the auto reply at 09:01 is none), T2 4 h, T3 0.5 h, T4 none -> [1800, 3600, 14400]:
 *   median 3600; p90 at 0.9 * 2 = 1.8 -> 3600 + 0.8 * 10800 = 12240; mean 19800 / 3 = 6600.
 * Solved at least once: T1, T2, T4 (closed without a solve) -> 3.
 * First resolution: T1 2 h, T2 6 h, T4 24 h -> [7200, 21600, 86400]: median 21600, p90 21600 + 0.8 * 64800 = 73440, mean 38400.
 * Full resolution: T1 2 h, T2 36 h, T4 24 h -> [7200, 86400, 129600]: median 86400, p90 86400 + 0.8 * 43200 = 120960, mean 74400.
 * Reopened: T2 -> 1/3. One agent reply: T1 only (T2 has 2, T4 none) -> 1/3.
 * Repeat within 7 d: C1's T1 is followed by T2 two days later (yes), T2 by nothing, C2's T4 no; T3 has no customer -> 1/3.
 * Complaints: T1 -> 1.
 */
const HAND_KPIS = {
  contacts: 4, solved: 3,
  first_response_median_s: 3600, first_response_p90_s: 12240, first_response_mean_s: 6600,
  first_resolution_median_s: 21600, first_resolution_p90_s: 73440, first_resolution_mean_s: 38400,
  resolution_median_s: 86400, resolution_p90_s: 120960, resolution_mean_s: 74400,
  reopen_rate: 1 / 3, one_touch_rate: 1 / 3, repeat_contact_rate: 1 / 3, repeat_window_s: 604800, complaints: 1, sla: null,
};

describe('sarafan kpi on a hand-made CSV', () => {
  it('--json prints one object with the hand-computed figures; refused rows on stderr with their lines', async () => {
    const r = await sarafan([handFile, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(Object.keys(HAND_KPIS));
    for (const [k, v] of Object.entries(HAND_KPIS)) {
      if (typeof v === 'number') expect(out[k], k).toBeCloseTo(v, 6);
      else expect(out[k], k).toEqual(v);
    }
    expect(r.stderr).toBe(
      '2 rows were refused; the first:\n' +
      '  line 15: at: "yesterday" is not a date in the format ISO 8601\n' +
      '  line 17: event "reply" is none of created, agent_reply, customer_reply, auto_reply, solved, reopened, closed, assigned\n',
    );
  });

  it('--repeat-window: 48h keeps the two-day return (inclusive), 1 (a day) does not; --sla per priority', async () => {
    expect(JSON.parse((await sarafan([handFile, '--json', '--repeat-window', '48h'])).stdout)).toMatchObject({ repeat_contact_rate: 1 / 3, repeat_window_s: 172800 });
    // high: T1 (response 1 h <= 2 h, resolution 2 h <= 30 h: met), T3 (response 0.5 h; unsolved 15 days before the last event: breached),
    // T4 (no response, 24 h old at the last event > 2 h: breached) -> 1 of 3; low: T2 response 4 h > 2 h -> 0 of 1.
    const r = await sarafan([handFile, '--json', '--repeat-window', '1', '--sla', 'high=2h/30h', '--sla', 'low=2h/-']);
    expect(JSON.parse(r.stdout)).toMatchObject({
      repeat_contact_rate: 0, repeat_window_s: 86400,
      sla: [{ priority: 'high', judged: 3, met: 1, attainment: 1 / 3 }, { priority: 'low', judged: 1, met: 0, attainment: 0 }],
    });
  });

  it('--business-hours: times in working hours of the --tz zone, and the calendar in the output', async () => {
    // Mon-Fri 09:00-18:00 UTC: T1 Fri 09:00 -> 10:00 = 1 h; T2 is created and answered on Sunday, T3 answered on Tuesday
    // at 08:30 before opening: 0 and 0 -> [0, 0, 3600]: median 0, p90 0 + 0.8 * 3600 = 2880, mean 1200.
    const r = await sarafan([handFile, '--json', '--business-hours', 'Mon-Fri 09:00-18:00']);
    expect(JSON.parse(r.stdout)).toMatchObject({ first_response_median_s: 0, first_response_p90_s: 2880, first_response_mean_s: 1200, business_hours: 'Mon-Fri 09:00-18:00 UTC' });
    const bad = await sarafan([handFile, '--business-hours', 'weekdays']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--business-hours: business hours "weekdays": write days and hours/);
  });

  it('--by team --json: one object per group, most contacts first', async () => {
    const r = await sarafan([handFile, '--json', '--by', 'team']);
    expect(r.code).toBe(0);
    const groups = JSON.parse(r.stdout) as Record<string, unknown>[];
    // L1: T1, T4; L2: T2, T3 (first responses 4 h and 0.5 h -> median 2.25 h)
    expect(groups.map((g) => [g.group, g.contacts, g.first_response_median_s, g.solved])).toEqual([['L1', 2, 3600, 2], ['L2', 2, 8100, 1]]);
    expect(Object.keys(groups[0])[0]).toBe('group');
  });

  it('a table in the operator language (en, ru, fa)', async () => {
    const en = await sarafan([handFile]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain(`Support KPIs of ${handFile}`);
    expect(en.stdout).toMatch(/^Contacts +4$/m);
    expect(en.stdout).toMatch(/^First response \(median \/ p90 \/ mean\) +1\.0 h \/ 3\.4 h \/ 1\.8 h$/m);
    expect(en.stdout).toMatch(/^Full resolution \(median \/ p90 \/ mean\) +24\.0 h \/ 33\.6 h \/ 20\.7 h$/m);
    expect(en.stdout).toMatch(/^Repeat contacts within 7 days +33\.3%$/m);
    expect(en.stdout).toMatch(/^Complaints +1$/m);
    const ru = await sarafan([handFile, '--repeat-window', '1'], 'ru_RU.UTF-8');
    expect(ru.stdout).toMatch(/^Повторные обращения в течение 1 дня +0,0\s?%$/m);
    expect(ru.stdout).toMatch(/^Первый ответ \(медиана \/ p90 \/ среднее\) +1,0 ч \/ 3,4 ч \/ 1,8 ч$/m);
    expect(ru.stderr).toMatch(/^2 строки отклонены; первые:$/m);
    const fa = await sarafan([handFile, '--by', 'team'], 'fa_IR.UTF-8');
    expect(fa.stdout.split('\n')[0]).toMatch(/^گروه +مراجعه‌ها/);
    expect(fa.stdout).toContain('۱٫۰ ساعت');
  });

  it('exit code 2 on unusable input, with the reason', async () => {
    const cases: [string[], RegExp][] = [
      [[handFile, '--preset', 'jira'], /unknown preset "jira"/],
      [[handFile, '--preset', 'servicenow'], /the file has no column number, incident_state, opened_at, sys_updated_at/],
      [[handFile, '--repeat-window', 'soon'], /--repeat-window "soon"/],
      [[handFile, '--repeat-window', '91d'], /--repeat-window "91d": at most 90d/],
      [[handFile, '--repeat-window', '13w'], /--repeat-window "13w": at most 90d/],
      [[handFile, '--repeat-window', '2161h'], /--repeat-window "2161h": at most 90d/],
      [[handFile, '--tz', 'Mars/Base'], /unknown time zone/],
      [[handFile, '--by', 'colour'], /--by "colour"/],
      [[handFile, '--sla', 'high'], /--sla "high"/],
      [[path.join(dir, 'absent.csv')], /no such file/],
    ];
    for (const [args, message] of cases) {
      const r = await sarafan(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });
});

const INCIDENTS = path.join(sharedDataDir(), 'en_it_incident_event_log.csv');
const haveData = fs.existsSync(INCIDENTS);
if (!haveData) console.warn(`kpiCli: ${INCIDENTS} is absent: the incident log test is skipped (see ../shared/data/README.md)`);

/** The quantile the way the docs define it, written here again: p * (n - 1), linear between neighbours. */
function quantile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const h = (v.length - 1) * p;
  const i = Math.floor(h);
  return i + 1 < v.length ? v[i] + (h - i) * (v[i + 1] - v[i]) : v[i];
}
const avg = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

/** Everything from the raw rows (docs/import-formats.md "servicenow"), without the code under test. */
function incidentFigures(text: string, windowDays: number) {
  expect(text.includes('"')).toBe(false); // no quoting in this file: a split is a CSV parser
  const [head, ...lines] = text.trim().split(/\r?\n/);
  const cols = head.split(',');
  const col = (name: string) => cols.indexOf(name);
  const time = (s: string) => {
    const m = /^(\d\d)-(\d\d)-(\d{4}) (\d\d):(\d\d)$/.exec(s)!;
    return Date.UTC(+m[3], +m[2] - 1, +m[1], +m[4], +m[5]) / 1000;
  };
  const byTicket = new Map<string, string[][]>();
  for (const line of lines) {
    const r = line.split(',');
    byTicket.set(r[col('number')], [...(byTicket.get(r[col('number')]) ?? []), r]);
  }
  const tickets = [...byTicket.values()].map((rows) => {
    const opened = time(rows[0][col('opened_at')]);
    let prev = '';
    let reopenCount = 0;
    let responded = false;
    let firstResponse: number | null = null;
    let replies = 0;
    let firstSolved: number | null = null;
    let lastSolved: number | null = null;
    let resolvedNow = false;
    let reopens = 0;
    for (const r of rows) {
      const state = r[col('incident_state')];
      const t = time(r[col('sys_updated_at')]);
      const acted = (!responded && state !== 'New') || (responded && state === 'Awaiting User Info' && prev !== 'Awaiting User Info');
      if (acted) {
        replies += 1;
        if (firstResponse === null && t >= opened) firstResponse = t;
      }
      responded ||= state !== 'New';
      if (+r[col('reopen_count')] > reopenCount && resolvedNow) {
        reopens += 1;
        resolvedNow = false;
        lastSolved = null;
      }
      reopenCount = Math.max(reopenCount, +r[col('reopen_count')]);
      if (state === 'Resolved' && prev !== 'Resolved') {
        firstSolved ??= t;
        lastSolved = t;
        resolvedNow = true;
      }
      prev = state;
    }
    return { number: rows[0][col('number')], caller: rows[0][col('caller_id')], opened, firstResponse, replies, firstSolved, lastSolved, reopens };
  });
  // every incident of this file is resolved at least once: no closed-without-resolve case to handle here
  expect(tickets.every((t) => t.firstSolved !== null)).toBe(true);
  const solved = tickets.filter((t) => t.firstSolved !== null);
  const fr = tickets.filter((t) => t.firstResponse !== null).map((t) => t.firstResponse! - t.opened);
  const firstRes = solved.map((t) => t.firstSolved! - t.opened);
  const fullRes = tickets.filter((t) => t.lastSolved !== null).map((t) => t.lastSolved! - t.opened);
  const byCaller = new Map<string, typeof tickets>();
  for (const t of tickets.filter((x) => x.caller !== '?')) byCaller.set(t.caller, [...(byCaller.get(t.caller) ?? []), t]);
  let repeated = 0;
  let known = 0;
  for (const list of byCaller.values()) {
    list.sort((a, b) => a.opened - b.opened || a.number.localeCompare(b.number));
    list.forEach((t, i) => {
      known += 1;
      if (i + 1 < list.length && list[i + 1].opened - t.opened <= windowDays * 86_400) repeated += 1;
    });
  }
  return {
    contacts: tickets.length, solved: solved.length,
    first_response_median_s: quantile(fr, 0.5), first_response_p90_s: quantile(fr, 0.9), first_response_mean_s: avg(fr),
    first_resolution_median_s: quantile(firstRes, 0.5), first_resolution_p90_s: quantile(firstRes, 0.9), first_resolution_mean_s: avg(firstRes),
    resolution_median_s: quantile(fullRes, 0.5), resolution_p90_s: quantile(fullRes, 0.9), resolution_mean_s: avg(fullRes),
    reopen_rate: solved.filter((t) => t.reopens > 0).length / solved.length,
    one_touch_rate: solved.filter((t) => t.replies === 1).length / solved.length,
    repeat_contact_rate: repeated / known,
  };
}

describe.skipIf(!haveData)('sarafan kpi on the UCI incident event log (servicenow preset)', () => {
  it('agrees with figures computed independently from the raw rows', async () => {
    const expected = incidentFigures(fs.readFileSync(INCIDENTS, 'utf8'), 7);
    const r = await sarafan([INCIDENTS, '--preset', 'servicenow', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.contacts).toBe(890);
    for (const [k, v] of Object.entries(expected)) expect(out[k], k).toBeCloseTo(v!, 2);
    expect(out.complaints).toBeNull(); // the log says nothing about complaints
    expect(out.repeat_window_s).toBe(604_800);
  });

  it('--repeat-window 14 (days) and --by location agree with the same computation', async () => {
    const expected = incidentFigures(fs.readFileSync(INCIDENTS, 'utf8'), 14);
    const out = JSON.parse((await sarafan([INCIDENTS, '--preset', 'servicenow', '--json', '--repeat-window', '14'])).stdout);
    expect(out.repeat_contact_rate).toBeCloseTo(expected.repeat_contact_rate, 10);
    const groups = JSON.parse((await sarafan([INCIDENTS, '--preset', 'servicenow', '--json', '--by', 'location'])).stdout) as { contacts: number }[];
    expect(groups.reduce((a, g) => a + g.contacts, 0)).toBe(890);
  });
});
