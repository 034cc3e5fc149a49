/**
 * The demo's alert rules and the alerts they fired over the demo's last weeks (src/core/demo/alerts.ts), with
 * the bell's notifications for the store managers and the others each rule names (read when older than a
 * week). Cases are the cases demo's part; linkDemoAlertsToCases links the alerts to them afterwards.
 */
import type { PoolClient } from '../connection.ts';
import { DEMO_ALERT_RULES, demoResponseAlerts } from '../../core/demo/alerts.ts';
import { dropPeriods, metricDrop, roleRecipients } from '../../core/closedLoop/alertRules.ts';
import { histogramOf } from '../../core/analytics/metrics.ts';
import { effectiveLocationPaths, isRole } from '../../core/access/index.ts';
import type { QuestionDef } from '../../core/surveys/types.ts';
import { DEMO_TIMEZONE } from '../../core/demo/structure.ts';
import { addDays, orgToday } from '../../core/time/orgCalendar.ts';
import { listRecipientUsers } from '../alerts/alerts.ts';
import { periodHistograms } from '../alerts/sources.ts';
import { insertNotifications } from '../cases/notifications.ts';
import type { DemoIds } from './insertDemoStructure.ts';
import { commentAnswerSql } from '../text/commentAnswers.ts';

const DAY_MS = 86_400_000;

export async function insertDemoAlerts(tx: PoolClient, ids: DemoIds, opts: { now: Date; surveySlug: string; weeks?: number }): Promise<number> {
  const weeks = opts.weeks ?? 8;
  const survey = ids.surveys.get(opts.surveySlug);
  const npsQuestion = survey?.questions.get('nps');
  if (!survey || !npsQuestion) return 0;
  const since = new Date(opts.now.getTime() - 14 * DAY_MS);
  const ruleIds = new Map<string, string>();
  for (const r of DEMO_ALERT_RULES) {
    const { rows } = await tx.query(
      `/* insertDemoAlertRule */ insert into alert_rules(org_id, name, trigger, params, recipients, quiet_minutes, opens_case, case_priority, survey_id, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) returning id`,
      [ids.orgId, r.name, r.trigger, JSON.stringify(r.params), JSON.stringify(r.recipients), r.quietMinutes, r.opensCase, r.casePriority,
        r.trigger === 'metric_drop' ? survey.id : null, new Date(opts.now.getTime() - (weeks + 1) * 7 * DAY_MS)],
    );
    ruleIds.set(r.key, rows[0].id);
  }
  // The last two weeks' NPS answers with the response's comments.
  const { rows: facts } = await tx.query(
    `/* demoAlertFacts */ select r.id as response_id, r.location_id, r.submitted_at, a.score,
            (select string_agg(t.text, ' ') from answers t where t.org_id = r.org_id and t.response_id = r.id and t.text is not null and ${commentAnswerSql('t')}) as text
       from responses r join answers a on a.org_id = r.org_id and a.response_id = r.id and a.question_id = $3
      where r.org_id = $1 and r.survey_id = $2 and r.submitted_at >= $4 and r.submitted_at <= $5 and not r.excluded`,
    [ids.orgId, survey.id, npsQuestion, since, opts.now],
  );
  const alerts = demoResponseAlerts(facts.map((f) => ({ responseId: f.response_id, locationId: f.location_id, submittedAt: f.submitted_at, score: f.score, text: f.text })), 'NPS');
  const metricAlerts: typeof alerts = [];
  // NPS drops per store, week by week (the daily job's periods).
  const q = { key: 'nps', type: 'nps', metric: 'nps', required: true, text: {} } as QuestionDef;
  for (let w = weeks - 1; w >= 0; w--) {
    const periods = dropPeriods(orgToday(DEMO_TIMEZONE, new Date(opts.now.getTime() - w * 7 * DAY_MS)), 7);
    const rows = await periodHistograms(tx, ids.orgId, { questionId: npsQuestion, by: 'location', segmentKeys: [] }, periods, DEMO_TIMEZONE);
    for (const g of new Set(rows.map((r) => r.group))) {
      const h = (p: string) => histogramOf(rows.filter((r) => r.group === g && r.period === p));
      const v = metricDrop(q, h('current'), h('previous'));
      if (!v?.drop) continue;
      metricAlerts.push({
        rule: 'drop', responseId: `${survey.id}|location:${g}|${periods.key}`, locationId: g, firedAt: new Date(`${addDays(periods.current.to, 1)}T04:00:00Z`), delivered: true,
        summary: { metric: 'nps', survey: 'NPS', current: Math.round(v.current.value! * 10) / 10, previous: Math.round(v.previous.value! * 10) / 10, currentN: v.current.n, previousN: v.previous.n,
          diff: Math.round(v.change.diff! * 10) / 10, pValue: Number(v.change.pValue!.toPrecision(2)), test: v.change.test, currentFrom: periods.current.from,
          currentTo: periods.current.to, previousFrom: periods.previous.from },
      });
    }
  }
  const users = (await listRecipientUsers(tx, ids.orgId)).map((u) => ({ ...u, locationPaths: isRole(u.role) ? effectiveLocationPaths(u.role, u.grantedPaths) : [] }));
  const paths = new Map((await tx.query('select id, path, name from locations where org_id = $1', [ids.orgId])).rows.map((r) => [r.id, r]));
  let n = 0;
  for (const a of [...alerts, ...metricAlerts]) {
    const rule = DEMO_ALERT_RULES.find((r) => r.key === a.rule)!;
    const { rows } = await tx.query(
      `/* insertDemoAlert */ insert into alerts(org_id, rule_id, source_kind, source_id, location_id, summary, delivered, fired_at, notified_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $8) on conflict do nothing returning id`,
      [ids.orgId, ruleIds.get(a.rule), a.rule === 'drop' ? 'metric' : 'response', a.responseId, a.locationId, JSON.stringify(a.summary), a.delivered, a.firedAt],
    );
    if (!rows[0]) continue;
    n++;
    if (!a.delivered) continue;
    const loc = a.locationId ? paths.get(a.locationId) : null;
    const to = roleRecipients(rule.recipients.locationRoles, users, loc?.path ?? null);
    const body = { ruleId: ruleIds.get(a.rule), ruleName: rule.name, trigger: rule.trigger, location: loc?.name ?? null, summary: a.summary, sourceKind: a.rule === 'drop' ? 'metric' : 'response', sourceId: a.responseId, caseNumber: null };
    const count = await insertNotifications(tx, ids.orgId, to, { kind: 'alert', alertId: rows[0].id, body });
    if (count) {
      await tx.query(
        `/* demoAlertNotificationTimes */ update notifications set created_at = $3::timestamptz, read_at = case when $3::timestamptz < $4::timestamptz then $3::timestamptz end where org_id = $1 and alert_id = $2`,
        [ids.orgId, rows[0].id, a.firedAt, new Date(opts.now.getTime() - 7 * DAY_MS)],
      );
    }
  }
  return n;
}

/**
 * Links the case-opening rule's alerts to the demo cases opened from the same answers (both ways: the alert
 * shows its case, the case its rule), once the cases demo has written them.
 * @returns how many alerts were linked
 */
export async function linkDemoAlertsToCases(tx: PoolClient, orgId: string): Promise<number> {
  const { rows } = await tx.query(
    `/* linkDemoAlertsToCases */ with linked as (
       update alerts a set case_id = c.id from cases c, alert_rules r
        where a.org_id = $1 and c.org_id = a.org_id and r.org_id = a.org_id and r.id = a.rule_id and r.opens_case
          and a.source_kind = 'response' and c.response_id::text = a.source_id and a.case_id is null
       returning a.rule_id, a.case_id)
     update cases c set alert_rule_id = l.rule_id from linked l where c.org_id = $1 and c.id = l.case_id returning c.id`,
    [orgId],
  );
  return rows.length;
}
