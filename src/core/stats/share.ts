/** @module Shares with Wilson score intervals (METRICS.md: CSAT "Confidence interval for a share", Response rate). */
import { DomainError } from '../errors.ts';
import { buildResult, emptyResult, Z95, type MetricResult } from './result.ts';

/**
 * Wilson score interval for a proportion, as fractions in [0, 1] (METRICS.md, CSAT).
 * Always contains successes / n; null when n = 0.
 * @throws DomainError `validation` unless 0 <= successes <= n.
 */
export function wilsonInterval(successes: number, n: number, z = Z95): [number, number] | null {
  assertShareInput(successes, n);
  if (n === 0) return null;
  const p = successes / n;
  const z2n = (z * z) / n;
  const center = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  // Guard the exact end points against rounding so the interval always contains p.
  const low = successes === 0 ? 0 : Math.min(p, Math.max(0, center - half));
  const high = successes === n ? 1 : Math.max(p, Math.min(1, center + half));
  return [low, high];
}

function assertShareInput(successes: number, n: number): void {
  if (!Number.isFinite(successes) || !Number.isFinite(n) || successes < 0 || n < 0 || successes > n) {
    throw new DomainError('validation', `share needs 0 <= successes <= n, got ${successes} of ${n}`);
  }
}

function shareResult(metric: 'share' | 'response_rate', successes: number, n: number): MetricResult {
  const definition = `${metric}.v1`;
  assertShareInput(successes, n);
  if (n === 0) return emptyResult(metric, definition, 'wilson', { successes: 0 });
  const p = successes / n;
  const [low, high] = wilsonInterval(successes, n) as [number, number];
  return buildResult({
    metric,
    definition,
    value: 100 * p,
    n,
    se: 100 * Math.sqrt((p * (1 - p)) / n),
    ci95: [100 * low, 100 * high],
    ci95Method: 'wilson',
    details: { successes },
  });
}

/**
 * A share in percent with a 95% Wilson interval (in percent); se is the Wald SE sqrt(p(1-p)/n) in points.
 * @throws DomainError `validation` unless 0 <= successes <= n.
 */
export function computeShare(successes: number, n: number): MetricResult {
  return shareResult('share', successes, n);
}

/**
 * Response rate = responses / invitations delivered, bounces already excluded (METRICS.md, Response rate),
 * in percent with a Wilson interval. n is the number delivered.
 * @throws DomainError `validation` when responses > delivered or inputs are negative.
 */
export function responseRate(responses: number, delivered: number): MetricResult {
  return shareResult('response_rate', responses, delivered);
}
