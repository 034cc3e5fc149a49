/** Small building blocks shared by the analytics pages: metric display, skeletons, errors, panels. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n.tsx';
import type { MetricResult } from './types.ts';
import { metricDigits, metricFigure, metricInterval } from './metricDetails.ts';
import type { Loaded } from '../components/useLoad.ts';
import { ApiError } from '../api.ts';

/** A metric as the product must show it: value, n, 95% interval, definition version, small-sample mark. */
export function MetricValue({ result, size = 'normal' }: { result: MetricResult | null | undefined; size?: 'normal' | 'large' }) {
  const i18n = useI18n();
  const { t, num, pct } = i18n;
  if (!result || result.value === null) {
    return <span className="metric-value muted">{t('an.metric.noData')}{result ? `${t('shell.sep')}n = ${num(result.n, 0)}` : ''}</span>;
  }
  const d = metricDigits(result);
  const percent = result.metric === 'csat' || result.metric === 'share';
  return (
    <span className={`metric-value ${size}`}>
      <span className="metric-number" data-testid="metric-number">{percent ? pct(result.value, d) : metricFigure(result, result.value, i18n)}</span>
      <span className="metric-meta">
        <span>n = {num(result.n, 0)}</span>
        {result.ci95 && (
          <span title={t('an.metric.ciTitle')}>
            {metricInterval(result, result.ci95, i18n)}
          </span>
        )}
        <span className="badge definition" title={t('an.metric.definitionTitle')}>{result.definition}</span>
        {result.smallSample && <span className="badge small-sample" title={t('an.metric.smallSampleTitle')}>{t('an.metric.smallSample')}</span>}
      </span>
    </span>
  );
}

/** A fixed-height placeholder, so content does not jump when data arrives. */
export function Skeleton({ height = 120, label }: { height?: number; label?: string }) {
  const { t } = useI18n();
  return (
    <div className="skeleton" style={{ blockSize: height }} role="status" aria-live="polite">
      <span className="visually-hidden">{label ?? t('an.loading')}</span>
    </div>
  );
}

/** An inline error with a retry button. */
export function ErrorBox({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  // Anything but an API answer is a failed fetch: the browser's own text ("Failed to fetch") means nothing to people.
  const offline = !(error instanceof ApiError);
  return (
    <div className="an-error" role="alert" data-testid={offline ? 'offline' : undefined}>
      <span>{offline ? t('an.offline') : t('an.error', { message: error.message })}</span>
      {onRetry && <button type="button" className="secondary small" onClick={onRetry}>{t('an.retry')}</button>}
    </div>
  );
}

/**
 * Renders a loading skeleton, an error with retry, or the content; while reloading, the old content
 * stays and is marked busy.
 */
export function Loadable<T>({ state, height, children }: { state: Loaded<T>; height: number; children: (data: T) => ReactNode }) {
  if (state.error && !state.loading) return <ErrorBox error={state.error} onRetry={state.reload} />;
  if (state.data === null) return <Skeleton height={height} />;
  return <div aria-busy={state.loading} className={state.loading ? 'an-reloading' : undefined}>{children(state.data)}</div>;
}

/** A titled dashboard section. */
export function Panel({ title, id, actions, children }: { title: string; id: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="card an-panel" aria-labelledby={`${id}-title`}>
      <div className="an-panel-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {actions && <div className="an-panel-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
