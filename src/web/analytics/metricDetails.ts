/**
 * The lines a metric shows under its value besides n and the interval (METRICS.md): NPS respondents
 * who skipped the question, the CSAT mean, and the CES share of "easy" answers with the direction of
 * the scale. Pure (formatters passed in), so every language's wording is unit-tested in Node.
 */
import type { MessageVars } from '../../core/i18n/catalogue.ts';
import type { MessageKey } from '../messages/en.ts';
import type { MetricResult } from './types.ts';

export interface DetailFormatters {
  t(key: MessageKey, vars?: MessageVars): string;
  num(value: number | null | undefined, digits?: number, fixed?: boolean): string;
  pct(value: number | null | undefined, digits?: number, fixed?: boolean): string;
}

export interface MetricDetailText {
  /** Stable name for tests and styling: skipped, mean, agree, direction. */
  kind: 'skipped' | 'mean' | 'agree' | 'direction';
  text: string;
}

/** Decimals of a metric's figures: 2 for means (mean, CES, CSI), 1 for the rest (NPS, CSAT, shares). */
export function metricDigits(m: Pick<MetricResult, 'metric'> | null | undefined): number {
  return m && (m.metric === 'mean' || m.metric === 'ces' || m.metric === 'csi') ? 2 : 1;
}

/**
 * One metric figure (its value, an interval bound, a difference) as the dashboard shows it: at most
 * metricDigits decimals, trailing zeros dropped. One rule for the value and its interval, so a tile never
 * reads "-100" beside "95% CI -100.0 … -87.4".
 */
export function metricFigure(m: Pick<MetricResult, 'metric'> | null | undefined, v: number | null | undefined, f: Pick<DetailFormatters, 'num'>): string {
  return f.num(v, metricDigits(m));
}

/** The "95% CI lo … hi" text of a metric (or of a difference of it), figures as metricFigure. */
export function metricInterval(m: Pick<MetricResult, 'metric'> | null | undefined, ci: readonly [number, number], f: Pick<DetailFormatters, 'num' | 't'>): string {
  return f.t('an.metric.ci', { lo: metricFigure(m, ci[0], f), hi: metricFigure(m, ci[1], f) });
}

const numberOf = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The extra lines of `result`, in display order; none for metrics without such details. */
export function metricDetailTexts(result: MetricResult | null | undefined, f: DetailFormatters): MetricDetailText[] {
  if (!result) return [];
  const d = result.details ?? {};
  const out: MetricDetailText[] = [];
  if (result.metric === 'nps') {
    // null = unknown (some responses never saw the question); 0 is not worth a line.
    const skipped = numberOf(d.skipped);
    if (skipped !== null && skipped > 0) out.push({ kind: 'skipped', text: f.t('an.kpi.skipped', { n: skipped }) });
  }
  if (result.metric === 'csat') {
    const mean = numberOf(d.mean);
    if (mean !== null) out.push({ kind: 'mean', text: f.t('an.kpi.mean', { mean: f.num(mean, 2, true) }) });
  }
  if (result.metric === 'ces') {
    const pctAgree = numberOf(d.pctAgree);
    const from = numberOf(d.agreeFrom);
    const to = numberOf(d.agreeTo);
    const lowerIsEasier = d.direction === 'lower_is_easier';
    if (pctAgree !== null && from !== null && to !== null) {
      const range = from === to ? f.num(from, 0) : `${f.num(from, 0)}–${f.num(to, 0)}`;
      out.push({ kind: 'agree', text: f.t(lowerIsEasier ? 'an.kpi.lowEffort' : 'an.kpi.agree', { pct: f.pct(pctAgree), range }) });
    }
    if (d.direction === 'higher_is_easier' || d.direction === 'lower_is_easier') {
      out.push({ kind: 'direction', text: f.t(`an.kpi.direction.${d.direction}`) });
    }
  }
  return out;
}
