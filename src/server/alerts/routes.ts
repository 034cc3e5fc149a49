/**
 * Alert rules, fired alerts and the bell (docs/api.md "Alert rules", docs/closed-loop.md "Alerts"):
 * GET/POST /api/v1/alert-rules, GET/PATCH/DELETE /api/v1/alert-rules/:id (writes need alert.manage; a
 * principal limited to locations sees and writes only rules of its subtree), GET /api/v1/alerts (fired
 * alerts of the caller's locations), GET /api/v1/notifications and POST /api/v1/notifications/read (the
 * caller's own; sessions only).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pathInScope, scopeOf, type Principal } from '../../core/access/index.ts';
import {
  AlertsQuery, AlertTriggerSchema, CreateAlertRuleSchema, MarkReadSchema, NotificationsQuery, UpdateAlertRuleSchema,
  type AlertRule, type AlertRuleAnswer, type AlertRulesAnswer, type AlertsAnswer, type MarkReadAnswer, type NotificationsAnswer,
} from '../../core/api/alertRules.ts';
import type { OkAnswer } from '../../core/api/common.ts';
import {
  deleteAlertRule, existingUserIds, surveyExists, findAlertRule, insertAlertRule, listAlertRules, updateAlertRule, type AlertRuleInput, type AlertRuleRow,
} from '../../db/alerts/alertRules.ts';
import { listAlerts, locationOf } from '../../db/alerts/alerts.ts';
import { countUnread, listUserNotifications, markNotificationsRead } from '../../db/alerts/userNotifications.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize, requirePrincipal } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { DomainError } from '../../core/errors.ts';

function present(r: AlertRuleRow): AlertRule {
  return {
    id: r.id, name: r.name, enabled: r.enabled, trigger: r.trigger, params: r.params, surveyId: r.surveyId, locationId: r.locationId, channel: r.channel,
    segment: r.segment, recipients: r.recipients, quietMinutes: r.quietMinutes, opensCase: r.opensCase, casePriority: r.casePriority,
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), alertsLast30Days: r.alertsLast30Days,
  };
}

/** A rule is the principal's when its location lies in the principal's subtree (unrestricted principals: every rule). */
const ruleVisible = (p: Principal, r: AlertRuleRow) => p.locationPaths === null || (r.locationPath !== null && pathInScope(p, r.locationPath));

/** Sessions only: the bell is a user's own. */
function sessionPrincipal(request: FastifyRequest): Principal {
  const p = requirePrincipal(request);
  if (request.apiKey) throw new DomainError('forbidden', 'API keys have no notifications');
  return p;
}

export async function registerAlertRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  /** Checks the references of a rule (they must be the organisation's, and its location in the principal's subtree). */
  async function checkRule(p: Principal, input: AlertRuleInput) {
    if (input.surveyId && !(await surveyExists(pool, p.orgId, input.surveyId))) throw invalid('surveyId: no such survey', { field: 'surveyId' });
    if (input.locationId) {
      const loc = await locationOf(pool, p.orgId, input.locationId);
      if (!loc || !pathInScope(p, loc.path)) throw invalid('locationId: no such location', { field: 'locationId' });
    } else if (p.locationPaths !== null) {
      throw invalid('locationId: choose one of your locations', { field: 'locationId' });
    }
    const users = await existingUserIds(pool, p.orgId, input.recipients.userIds);
    if (users.length !== new Set(input.recipients.userIds).size) throw invalid('recipients.userIds: no such user', { field: 'recipients.userIds' });
  }

  async function visibleRule(p: Principal, id: string) {
    const rule = await findAlertRule(pool, p.orgId, id);
    if (!rule || !ruleVisible(p, rule)) throw notFound('Alert rule not found');
    return rule;
  }

  app.get('/api/v1/alert-rules', async (request): Promise<AlertRulesAnswer> => {
    const p = authorize(request, 'case.read');
    return { items: (await listAlertRules(pool, p.orgId)).filter((r) => ruleVisible(p, r)).map(present) };
  });

  app.get('/api/v1/alert-rules/:id', async (request): Promise<AlertRuleAnswer> => {
    const p = authorize(request, 'case.read');
    return { rule: present(await visibleRule(p, parseIdParam(request.params, 'Alert rule not found'))) };
  });

  app.post('/api/v1/alert-rules', async (request, reply) => {
    const p = authorize(request, 'alert.manage');
    const input = parse(CreateAlertRuleSchema, request.body ?? {}) as AlertRuleInput;
    await checkRule(p, input);
    const id = await insertAlertRule(pool, p.orgId, input, p.userId);
    app.responseEvents.alertRulesChanged(p.orgId);
    return reply.status(201).send({ rule: present((await findAlertRule(pool, p.orgId, id))!) } satisfies AlertRuleAnswer);
  });

  app.patch('/api/v1/alert-rules/:id', async (request): Promise<AlertRuleAnswer> => {
    const p = authorize(request, 'alert.manage');
    const id = parseIdParam(request.params, 'Alert rule not found');
    const change = parse(UpdateAlertRuleSchema, request.body ?? {});
    const rule = await visibleRule(p, id);
    const { trigger, params } = parse(AlertTriggerSchema, { trigger: change.trigger ?? rule.trigger, params: change.params ?? rule.params });
    const merged: AlertRuleInput = {
      name: change.name ?? rule.name, enabled: change.enabled ?? rule.enabled, trigger, params,
      surveyId: change.surveyId !== undefined ? change.surveyId : rule.surveyId,
      locationId: change.locationId !== undefined ? change.locationId : rule.locationId,
      channel: change.channel !== undefined ? change.channel : rule.channel,
      segment: change.segment !== undefined ? change.segment : rule.segment,
      recipients: change.recipients ?? rule.recipients, quietMinutes: change.quietMinutes ?? rule.quietMinutes,
      opensCase: change.opensCase ?? rule.opensCase, casePriority: change.casePriority ?? rule.casePriority,
    };
    await checkRule(p, merged);
    if (!(await updateAlertRule(pool, p.orgId, id, merged))) throw notFound('Alert rule not found');
    app.responseEvents.alertRulesChanged(p.orgId);
    return { rule: present((await findAlertRule(pool, p.orgId, id))!) };
  });

  app.delete('/api/v1/alert-rules/:id', async (request): Promise<OkAnswer> => {
    const p = authorize(request, 'alert.manage');
    const id = parseIdParam(request.params, 'Alert rule not found');
    await visibleRule(p, id);
    if (!(await deleteAlertRule(pool, p.orgId, id))) throw notFound('Alert rule not found');
    app.responseEvents.alertRulesChanged(p.orgId);
    return { ok: true };
  });

  app.get('/api/v1/alerts', async (request): Promise<AlertsAnswer> => {
    const p = authorize(request, 'case.read');
    const q = parse(AlertsQuery, request.query ?? {});
    const rows = await listAlerts(pool, scopeOf(p), { ruleId: q.ruleId, limit: q.limit });
    return { items: rows.map((a) => ({ ...a, firedAt: a.firedAt.toISOString() })) };
  });

  app.get('/api/v1/notifications', async (request): Promise<NotificationsAnswer> => {
    const p = sessionPrincipal(request);
    const q = parse(NotificationsQuery, request.query ?? {});
    const rows = await listUserNotifications(pool, p.orgId, p.userId, { unreadOnly: q.unread === 'true', limit: q.limit });
    return {
      items: rows.map((n) => ({ id: n.id, kind: n.kind, alertId: n.alertId, caseId: n.caseId, body: n.body, read: n.readAt !== null, createdAt: n.createdAt.toISOString() })),
      unread: await countUnread(pool, p.orgId, p.userId),
    };
  });

  app.post('/api/v1/notifications/read', async (request): Promise<MarkReadAnswer> => {
    const p = sessionPrincipal(request);
    const input = parse(MarkReadSchema, request.body ?? {});
    const marked = await markNotificationsRead(pool, p.orgId, p.userId, 'ids' in input ? input.ids : null);
    return { marked, unread: await countUnread(pool, p.orgId, p.userId) };
  });
}
