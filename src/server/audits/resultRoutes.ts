/** /api/v1/audits/*: results by standard, section, item, location, employee, period; worst items, autofails, benchmark, customer link (docs/audits.md). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { z } from 'zod';
import { scopeOf, type Principal } from '../../core/access/index.ts';
import {
  AuditCustomerLinkQuery, AuditResultsQuery, AuditTrendQuery,
  type AuditAutofailsAnswer, type AuditBenchmarkAnswer, type AuditByEmployeeAnswer, type AuditByLocationAnswer, type AuditCustomerLinkAnswer,
  type AuditItemsAnswer, type AuditResultOptionsAnswer, type AuditResultsQueryT, type AuditSummaryAnswer, type AuditToFixAnswer, type AuditTrendAnswer, type PooledScore, type VisitFigures,
} from '../../core/api/auditResults.ts';
import { textIn, type LocalizedText } from '../../core/audits/checklist.ts';
import { changeOf, pooled, pooledCsat, ratePercent, standardCorrelations, worstItems } from '../../core/audits/results.ts';
import { histogramOf, metricForQuestion } from '../../core/analytics/metrics.ts';
import type { Language } from '../../core/i18n/languages.ts';
import { computeNps } from '../../core/stats/nps.ts';
import { MIN_CORRELATION_N } from '../../core/stats/correlation.ts';
import { previousPeriod } from '../../core/time/orgCalendar.ts';
import type { QuestionDef } from '../../core/surveys/types.ts';
import {
  getAutofailRows, getCompetitorRows, getEmployeeRows, getItemRows, getLatestFailedRows, getLocationRows, getLocationStandardRows, getSectionRows,
  getResultOptions, getStandardRows, getTrendRows, getVisitTotals, type AuditResultFilter, type PooledRow, type VisitWithItems,
} from '../../db/audits/results.ts';
import { getLocationHistograms } from '../../db/queries/getLocationHistograms.ts';
import { listSurveyMetricQuestions } from '../../db/queries/listSurveyMetricQuestions.ts';
import { rollupsAwaitRebuild } from '../../db/rollups/rollupJobs.ts';
import { getOrgSettings } from '../../db/users/orgSettings.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse } from '../../http/validate.ts';
import { locationPath } from '../analytics/context.ts';

/** Said by the customer-link answer and its page. */
export const OBSERVATIONAL_CAVEAT = 'Observational: correlation, not cause. Locations differ in many ways besides their audit scores.';

const AUTOFAIL_LIMIT = 200;

export async function registerAuditResultRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const reads = deps.readPool ?? deps.pool;

  const resultRequest = async <S extends z.ZodType<AuditResultsQueryT>>(request: FastifyRequest, schema: S) => {
    const principal = authorize(request, 'audit.read');
    const query = parse(schema, request.query ?? {});
    const { filter, dimensions } = await filterOf(reads, principal, query);
    return { principal, scope: scopeOf(principal), query, filter, dimensions };
  };

  app.get('/api/v1/audits/result-options', async (request): Promise<AuditResultOptionsAnswer> => {
    const principal = authorize(request, 'audit.read');
    return getResultOptions(reads, scopeOf(principal));
  });

  app.get('/api/v1/audits/summary', async (request): Promise<AuditSummaryAnswer> => {
    const { scope, query, filter } = await resultRequest(request, AuditResultsQuery);
    const prev = filter.from && filter.to ? previousPeriod(filter.from, filter.to) : null;
    // A caller limited to some locations also gets the whole organisation's mean as one benchmark number (no other store's details).
    const company = scope.locationPaths === null ? null : { orgId: scope.orgId, locationPaths: null };
    const [totals, previous, standards, sections, companyTotals] = await Promise.all([
      getVisitTotals(reads, scope, filter, 'own'),
      prev ? getVisitTotals(reads, scope, { ...filter, ...prev }, 'own') : null,
      getStandardRows(reads, scope, filter, 'own'),
      getSectionRows(reads, scope, filter),
      company ? getVisitTotals(reads, company, { ...filter, locationPath: undefined }, 'own') : null,
    ]);
    const current = figures(totals);
    return {
      from: filter.from ?? null,
      to: filter.to ?? null,
      ...current,
      previous: prev && previous ? { ...prev, ...figures(previous) } : null,
      change: previous ? changeOf(current.mean, previous.mean) : null,
      company: companyTotals ? { n: companyTotals.n, mean: companyTotals.mean } : null,
      standards: standards.map((s) => ({ key: s.standard, ...pooledOf(s) })),
      sections: sections.map((s) => ({ checklistId: s.checklistId, checklistName: s.checklistName, key: s.key, name: s.name === null ? s.key : textIn(s.name, query.lang), ...pooledOf(s) })),
    };
  });

  app.get('/api/v1/audits/by-location', async (request): Promise<AuditByLocationAnswer> => {
    const { scope, filter } = await resultRequest(request, AuditResultsQuery);
    const rows = await getLocationRows(reads, scope, filter);
    return { locations: rows.map((r) => ({ id: r.locationId, name: r.name, n: r.n, mean: r.mean, autofails: r.autofails, latest: r.latest })) };
  });

  app.get('/api/v1/audits/by-employee', async (request): Promise<AuditByEmployeeAnswer> => {
    const { scope, filter } = await resultRequest(request, AuditResultsQuery);
    return { employees: await getEmployeeRows(reads, scope, filter) };
  });

  app.get('/api/v1/audits/trend', async (request): Promise<AuditTrendAnswer> => {
    const { scope, query, filter } = await resultRequest(request, AuditTrendQuery);
    return { interval: query.interval, points: await getTrendRows(reads, scope, filter, query.interval) };
  });

  app.get('/api/v1/audits/items', async (request): Promise<AuditItemsAnswer> => {
    const { scope, query, filter } = await resultRequest(request, AuditResultsQuery);
    const rows = worstItems(await getItemRows(reads, scope, filter));
    return {
      items: rows.map((r) => ({
        checklistId: r.checklistId, checklistName: r.checklistName, key: r.key, text: textOf(r.text, r.key, query.lang), sectionKey: r.sectionKey,
        standard: r.standard, critical: r.critical, applicable: r.applicable, failed: r.failed, failRate: r.failRate, score: r.score, earned: r.earned, possible: r.possible,
      })),
    };
  });

  app.get('/api/v1/audits/autofails', async (request): Promise<AuditAutofailsAnswer> => {
    const { scope, query, filter } = await resultRequest(request, AuditResultsQuery);
    return { visits: (await getAutofailRows(reads, scope, filter, AUTOFAIL_LIMIT)).map((v) => visitOf(v, query.lang)) };
  });

  app.get('/api/v1/audits/to-fix', async (request): Promise<AuditToFixAnswer> => {
    const { scope, query, filter } = await resultRequest(request, AuditResultsQuery);
    return { visits: (await getLatestFailedRows(reads, scope, filter)).map((v) => visitOf(v, query.lang)) };
  });

  app.get('/api/v1/audits/benchmark', async (request): Promise<AuditBenchmarkAnswer> => {
    const { scope, filter } = await resultRequest(request, AuditResultsQuery);
    const [own, comp, ownStd, compStd, compLocations, compLocStd] = await Promise.all([
      getVisitTotals(reads, scope, filter, 'own'),
      getVisitTotals(reads, scope, filter, 'competitor'),
      getStandardRows(reads, scope, filter, 'own'),
      getStandardRows(reads, scope, filter, 'competitor'),
      getCompetitorRows(reads, scope, filter),
      getLocationStandardRows(reads, scope, filter, 'competitor'),
    ]);
    const keys = [...new Set([...ownStd, ...compStd].map((s) => s.standard))].sort();
    const side = (rows: ({ standard: string } & PooledRow)[], key: string) => pooledOf(rows.find((r) => r.standard === key) ?? { earned: 0, possible: 0, items: 0, visits: 0 });
    return {
      own: figures(own),
      competitors: figures(comp),
      standards: keys.map((key) => ({ key, own: side(ownStd, key), competitors: side(compStd, key) })),
      competitorLocations: compLocations.map((c) => ({
        id: c.locationId, name: c.name, n: c.n, mean: c.mean,
        standards: compLocStd.filter((s) => s.locationId === c.locationId).map((s) => ({ key: s.standard, ...pooledOf(s) })),
      })),
    };
  });

  app.get('/api/v1/audits/customer-link', async (request): Promise<AuditCustomerLinkAnswer> => {
    const { principal, scope, query, filter, dimensions } = await resultRequest(request, AuditCustomerLinkQuery);
    const [locations, locStd, questions, rollupsStale] = await Promise.all([
      getLocationRows(reads, scope, filter),
      getLocationStandardRows(reads, scope, filter, 'own'),
      customerQuestions(reads, principal, query.survey),
      rollupsAwaitRebuild(reads, principal.orgId),
    ]);
    const ids = [...questions.nps, ...questions.csat].map((q) => q.id!);
    const nodes = locations.map((l) => ({ id: l.locationId, name: l.name, kind: 'store', path: l.path, hasChildren: false }));
    const { rows: hist } = await getLocationHistograms(reads, {
      scope, timezone: filter.timeZone, dimensions, rollupsStale, filter: { from: filter.from, to: filter.to },
    }, ids, nodes, { leaf: true });
    const histOf = (locationId: string, q: QuestionDef) => histogramOf(hist.filter((h) => h.nodeId === locationId && h.questionId === q.id));
    const out = locations.map((l) => {
      const standards = locStd.filter((s) => s.locationId === l.locationId).map((s) => ({ key: s.standard, ...pooledOf(s) }));
      const npsHist = histogramOf(hist.filter((h) => h.nodeId === l.locationId && questions.nps.some((q) => q.id === h.questionId)));
      return {
        id: l.locationId, name: l.name, audit: { n: l.n, mean: l.mean }, standards,
        nps: computeNps(npsHist),
        csat: pooledCsat(questions.csat.map((q) => metricForQuestion(q, histOf(l.locationId, q))!)),
      };
    });
    const standardKeys = [...new Set(locStd.map((s) => s.standard))].sort();
    const correlations = standardCorrelations(standardKeys, out.map((l) => ({
      standards: Object.fromEntries(l.standards.map((s) => [s.key, s.score])),
      nps: l.nps.value,
      csat: l.csat.value,
    })));
    return { caveat: OBSERVATIONAL_CAVEAT, locations: out, correlations, minLocations: MIN_CORRELATION_N };
  });
}

/** The NPS and CSAT questions the customer link reads: the survey's (404 when not the organisation's) or every survey's first ones. */
async function customerQuestions(db: pg.Pool, principal: Principal, surveyId: string | undefined): Promise<{ nps: QuestionDef[]; csat: QuestionDef[] }> {
  const surveys = await listSurveyMetricQuestions(db, principal.orgId);
  const chosen = surveyId === undefined ? surveys : surveys.filter((s) => s.id === surveyId);
  if (surveyId !== undefined && chosen.length === 0) throw notFound('Survey not found');
  return {
    nps: chosen.flatMap((s) => (s.questions.nps ? [s.questions.nps] : [])),
    csat: chosen.flatMap((s) => (s.questions.csat ? [s.questions.csat] : [])),
  };
}

function figures(t: { n: number; mean: number | null; autofails: number }): VisitFigures {
  return { n: t.n, mean: t.mean, autofails: t.autofails, autofailRate: ratePercent(t.autofails, t.n) };
}

function pooledOf(r: PooledRow): PooledScore {
  const p = pooled(r);
  return { score: p.score, earned: p.earned, possible: p.possible, items: p.items, visits: p.visits };
}

function textOf(text: LocalizedText | null, key: string, lang: Language): string {
  return text === null ? key : textIn(text, lang) || key;
}

function visitOf(v: VisitWithItems, lang: Language) {
  return {
    visitId: v.visitId, day: v.day, kind: v.kind, location: v.locationId && v.locationName !== null ? { id: v.locationId, name: v.locationName } : null,
    checklistId: v.checklistId, checklistName: v.checklistName, score: v.score, autofail: v.autofail,
    items: v.items.map((i) => ({ key: i.key, critical: i.critical, text: textOf(i.text, i.key, lang) })),
  };
}

/** The query's filters for SQL in the organisation's time zone. @throws validation, not_found (a location outside the scope) */
async function filterOf(db: pg.Pool, principal: Principal, q: AuditResultsQueryT): Promise<{ filter: AuditResultFilter; dimensions: readonly string[] }> {
  if (q.from && q.to && q.from > q.to) throw invalid('to: must not be before from', { field: 'to' });
  const [path, org] = await Promise.all([q.location ? locationPath(db, principal, q.location) : undefined, getOrgSettings(db, principal.orgId)]);
  return {
    filter: { from: q.from, to: q.to, locationPath: path, checklistId: q.checklistId, waveId: q.waveId, kind: q.kind, timeZone: org?.timezone ?? 'UTC' },
    dimensions: org?.dimensions ?? [],
  };
}


