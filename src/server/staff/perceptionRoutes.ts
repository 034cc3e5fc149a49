/**
 * GET /api/v1/staff/perception (docs/staff.md "The perception gap"): the staff's estimate of the customers next to
 * the customers' actual answers, per location and team, in the caller's locations only (`metrics.read`). The
 * grouping and its anonymity rule are src/core/staff/perception.ts; individual staff answers never leave this handler.
 */
import type { FastifyInstance } from 'fastify';
import { scopeOf } from '../../core/access/index.ts';
import { isNpsQuestion, isScored } from '../../core/analytics/metrics.ts';
import { StaffPerceptionQuery, type StaffPerceptionAnswer } from '../../core/api/staffPerception.ts';
import { PERCEPTION_THRESHOLDS, perceptionGroups, type CsatScaleOf } from '../../core/staff/perception.ts';
import { STAFF_ROLES, type StaffRole } from '../../core/surveys/types.ts';
import {
  defaultCustomerSurveyId, getPerceptionSurvey, getThemeNames, listCustomerPerceptionStats, listPerceptionLocations, listPerceptionSurveys,
  listStaffPerceptionAnswers, type PerceptionFilter, type PerceptionQuestionRow, type PerceptionSurveyRow, type StaffQuestionIds,
} from '../../db/staff/perception.ts';
import { getOrgSettings } from '../../db/users/orgSettings.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse } from '../../http/validate.ts';
import { locationPath } from '../analytics/context.ts';

const ref = (s: PerceptionSurveyRow) => ({ id: s.id, name: s.name, status: s.status });

/** A rating question's scale with its box, for csat.v1; null for a question without a scale. */
function csatScale(q: PerceptionQuestionRow | undefined): CsatScaleOf | null {
  if (!q || q.scaleMin === null || q.scaleMax === null) return null;
  return { min: q.scaleMin, max: q.scaleMax, ...(q.boxMin === null ? {} : { box: q.boxMin }) };
}

/** The first current question of each staff role, of the type the role needs. */
function staffQuestions(questions: readonly PerceptionQuestionRow[]): Record<StaffRole, PerceptionQuestionRow | undefined> {
  const typeOf: Record<StaffRole, string> = { expected_nps: 'nps', expected_csat: 'rating', expected_complaints: 'multi', team: 'single' };
  return Object.fromEntries(STAFF_ROLES.map((role) => [role, questions.find((q) => q.staffRole === role && q.type === typeOf[role])])) as Record<StaffRole, PerceptionQuestionRow | undefined>;
}

export async function registerPerceptionRoutes(app: FastifyInstance, deps: AppDeps) {
  const reads = deps.readPool ?? deps.pool;

  app.get('/api/v1/staff/perception', async (request): Promise<StaffPerceptionAnswer> => {
    const principal = authorize(request, 'metrics.read');
    const query = parse(StaffPerceptionQuery, request.query ?? {});
    if (query.from && query.to && query.from > query.to) throw invalid('to: must not be before from', { field: 'to' });
    const orgId = principal.orgId;
    const [org, listed] = await Promise.all([getOrgSettings(reads, orgId), listPerceptionSurveys(reads, orgId)]);
    const surveys = { staff: listed.filter((s) => s.audience === 'staff').map(ref), customers: listed.filter((s) => s.audience === 'customers').map(ref) };

    const staffId = query.survey ?? surveys.staff[0]?.id;
    const customerId = query.customerSurvey ?? (await defaultCustomerSurveyId(reads, orgId));
    const [staff, customer] = await Promise.all([
      staffId ? getPerceptionSurvey(reads, orgId, staffId) : null,
      customerId ? getPerceptionSurvey(reads, orgId, customerId) : null,
    ]);
    if (staffId && !staff) throw notFound('Survey not found');
    if (customerId && !customer) throw notFound('Customer survey not found');
    if (staff && staff.audience !== 'staff') throw invalid('survey: must be a staff survey (answered by employees)', { field: 'survey' });
    if (customer && customer.audience !== 'customers') throw invalid('customerSurvey: must be a survey answered by customers', { field: 'customerSurvey' });
    const npsQuestion = customer?.questions.find((q) => isScored(q) && isNpsQuestion(q));
    const csatQuestion = customer?.questions.find((q) => q.type === 'rating' && q.metric === 'csat');
    if (customer && !npsQuestion && !csatQuestion) throw invalid('customerSurvey: the survey has no NPS or CSAT question', { field: 'customerSurvey' });

    const roles = staffQuestions(staff?.questions ?? []);
    const ids = Object.fromEntries(STAFF_ROLES.map((role) => [role, roles[role]?.id ?? null])) as StaffQuestionIds;
    const asks = { nps: !!roles.expected_nps, csat: !!roles.expected_csat, complaints: !!roles.expected_complaints, team: !!roles.team };
    const answer = { survey: staff ? ref(staff) : null, customerSurvey: customer ? ref(customer) : null, surveys, asks, thresholds: PERCEPTION_THRESHOLDS };
    if (!staff) return { ...answer, groups: [], hidden: 0 };

    const filter: PerceptionFilter = {
      scope: scopeOf(principal),
      locationPath: query.location ? await locationPath(reads, principal, query.location) : undefined,
      from: query.from,
      to: query.to,
      timezone: org.timezone,
    };
    const [locations, staffAnswers, customers] = await Promise.all([
      listPerceptionLocations(reads, filter),
      listStaffPerceptionAnswers(reads, staff.id, ids, filter),
      customer ? listCustomerPerceptionStats(reads, customer.id, { nps: npsQuestion?.id ?? null, csat: csatQuestion?.id ?? null }, filter) : [],
    ]);
    const result = perceptionGroups({
      locations,
      staff: staffAnswers,
      customers,
      staffCsatScale: csatScale(roles.expected_csat),
      customerCsatScale: csatScale(csatQuestion),
      asksComplaints: asks.complaints,
    });
    const names = await getThemeNames(reads, orgId, [...new Set(result.groups.flatMap((g) => g.complaints.map((c) => c.theme)))]);
    return {
      ...answer,
      groups: result.groups.map((g) => ({ ...g, complaints: g.complaints.map((c) => ({ ...c, name: names.get(c.theme) ?? {} })) })),
      hidden: result.hidden,
    };
  });
}
