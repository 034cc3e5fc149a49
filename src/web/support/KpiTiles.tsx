/**
 * The support KPI tiles: each with its value, the change against the previous period of equal length
 * (better / worse by the metric's direction; none when either value is unknown or the previous period has
 * no contacts; `data-previous` says whether that period has loaded and has data) and a sparkline of the trend. The sparkline is decorative
 * (its numbers are the trend's, in the tile's text and the other panels).
 */
import { useI18n } from '../i18n.tsx';
import type { Loaded } from '../components/useLoad.ts';
import { Skeleton } from '../analytics/ui.tsx';
import type { SupportKpis, SupportKpisAnswer, SupportTrendAnswer } from '../../core/api/supportKpis.ts';
import { duration, share } from './format.ts';
import { fresh } from './load.tsx';

type Kind = 'count' | 'time' | 'share';
type I18n = ReturnType<typeof useI18n>;

interface TileDef {
  id: string;
  label: (i18n: I18n, k: SupportKpis) => string;
  value: (k: SupportKpis) => number | null;
  kind: Kind;
  /** Whether a higher value is better (null: neither, like the number of contacts). */
  higherIsBetter: boolean | null;
  detail?: (i18n: I18n, k: SupportKpis) => string | null;
}

const TILES: TileDef[] = [
  { id: 'contacts', label: ({ t }) => t('sp.kpi.contacts'), value: (k) => k.contacts, kind: 'count', higherIsBetter: null },
  {
    id: 'first-response', label: ({ t }) => t('sp.kpi.firstResponse'), value: (k) => k.first_response_median_s, kind: 'time', higherIsBetter: false,
    detail: (i, k) => (k.first_response_p90_s === null ? null : `${i.t('sp.kpi.p90', { value: duration(i, k.first_response_p90_s) })}${i.t('shell.sep')}${i.t('sp.kpi.mean', { value: duration(i, k.first_response_mean_s) })}`),
  },
  {
    id: 'resolution', label: ({ t }) => t('sp.kpi.resolution'), value: (k) => k.first_resolution_median_s, kind: 'time', higherIsBetter: false,
    detail: (i, k) => (k.first_resolution_p90_s === null ? null : `${i.t('sp.kpi.p90', { value: duration(i, k.first_resolution_p90_s) })}${i.t('shell.sep')}${i.t('sp.kpi.mean', { value: duration(i, k.first_resolution_mean_s) })}`),
  },
  {
    id: 'full-resolution', label: ({ t }) => t('sp.kpi.fullResolution'), value: (k) => k.resolution_median_s, kind: 'time', higherIsBetter: false,
    detail: (i, k) => (k.resolution_p90_s === null ? null : `${i.t('sp.kpi.p90', { value: duration(i, k.resolution_p90_s) })}${i.t('shell.sep')}${i.t('sp.kpi.mean', { value: duration(i, k.resolution_mean_s) })}`),
  },
  {
    id: 'reopen', label: ({ t }) => t('sp.kpi.reopen'), value: (k) => k.reopen_rate, kind: 'share', higherIsBetter: false,
    detail: (i, k) => i.t('sp.kpi.ofSolved', { part: k.reopened, whole: k.solved }),
  },
  {
    id: 'one-touch', label: ({ t }) => t('sp.kpi.oneTouch'), value: (k) => k.one_touch_rate, kind: 'share', higherIsBetter: true,
    detail: (i, k) => i.t('sp.kpi.ofSolved', { part: k.one_touch, whole: k.solved }),
  },
  {
    id: 'repeat', label: ({ t }, k) => t('sp.kpi.repeat', { days: k.repeat_window_s / 86_400 }), value: (k) => k.repeat_contact_rate, kind: 'share', higherIsBetter: false,
    detail: (i, k) => i.t('sp.kpi.ofCustomers', { part: k.repeats, whole: k.repeat_base }),
  },
  { id: 'complaints', label: ({ t }) => t('sp.kpi.complaints'), value: (k) => k.complaints, kind: 'count', higherIsBetter: false },
  {
    id: 'sla', label: ({ t }) => t('sp.kpi.sla'), value: (k) => k.sla_attainment, kind: 'share', higherIsBetter: true,
    detail: (i, k) => i.t('sp.kpi.ofSla', { part: k.sla_met, whole: k.sla_judged }),
  },
];

function formatValue(i18n: I18n, kind: Kind, v: number | null): string {
  if (kind === 'time') return duration(i18n, v);
  if (kind === 'share') return share(i18n, v);
  return v === null ? i18n.t('sp.noValue') : i18n.num(v, 0);
}

/** The change as text with its sign: a duration, percentage points or a count. */
function formatChange(i18n: I18n, kind: Kind, d: number): string {
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const abs = Math.abs(d);
  const text = kind === 'time' ? duration(i18n, abs) : kind === 'share' ? i18n.t('sp.pp', { n: i18n.num(abs * 100, 1) }) : i18n.num(abs, 0);
  return `${sign}${text}`;
}

export function KpiTiles({ current, previous, trend }: { current: Loaded<SupportKpisAnswer>; previous: Loaded<SupportKpisAnswer>; trend: Loaded<SupportTrendAnswer> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const now = fresh(current);
  const before = fresh(previous);
  const points = fresh(trend)?.points ?? [];
  if (current.error && !current.loading) return null;
  return (
    <section aria-labelledby="sp-kpi-title">
      <h2 id="sp-kpi-title" className="visually-hidden">{t('sp.kpi.title')}</h2>
      <ul className="an-kpis sp-kpis" aria-busy={now === null}>
        {TILES.map((tile) => {
          if (now === null) return <li key={tile.id} className="card an-kpi"><Skeleton height={90} /></li>;
          const v = tile.value(now.kpis);
          // A previous period without contacts has no data: a change against nothing is no change.
          const p = before && before.kpis.contacts > 0 ? tile.value(before.kpis) : null;
          const d = v !== null && p !== null ? v - p : null;
          const verdict = d === null || tile.higherIsBetter === null ? null : d === 0 ? 'same' : (d > 0) === tile.higherIsBetter ? 'better' : 'worse';
          const detail = tile.detail?.(i18n, now.kpis);
          return (
            <li key={tile.id} className="card an-kpi sp-kpi" data-testid={`sp-kpi-${tile.id}`} data-previous={before === null ? 'loading' : before.kpis.contacts > 0 ? 'data' : 'none'}>
              <span className="an-kpi-label">{tile.label(i18n, now.kpis)}</span>
              <span className="sp-kpi-value" data-testid="sp-kpi-value">{formatValue(i18n, tile.kind, v)}</span>
              {detail && <span className="muted sp-kpi-detail">{detail}</span>}
              {tile.id === 'repeat' && <span className="badge definition">{now.kpis.repeat_metric}</span>}
              {d !== null && (
                <span className={`sp-delta ${verdict ? `sp-${verdict}` : ''}`} data-testid="sp-kpi-delta" title={t('sp.kpi.previous', { value: formatValue(i18n, tile.kind, p) })}>
                  <bdi>{formatChange(i18n, tile.kind, d)}</bdi>
                  {verdict && <span className="sp-verdict">{t(`sp.kpi.${verdict}`)}</span>}
                  <span className="visually-hidden">{t('sp.kpi.previous', { value: formatValue(i18n, tile.kind, p) })}</span>
                </span>
              )}
              <Sparkline values={points.map((pt) => tile.value(pt.kpis))} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A small line of the trend's values (gaps where a period has none); drawn left to right, mirrored in right-to-left pages by CSS. */
function Sparkline({ values }: { values: (number | null)[] }) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const w = 120;
  const h = 28;
  const x = (i: number) => (values.length === 1 ? w / 2 : (i * w) / (values.length - 1));
  const y = (v: number) => (max === min ? h / 2 : h - 2 - ((v - min) * (h - 4)) / (max - min));
  const segments: string[] = [];
  let run: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length) segments.push(run.join(' '));
      run = [];
    } else run.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (run.length) segments.push(run.join(' '));
  return (
    <svg className="sp-spark" viewBox={`0 0 ${w} ${h}`} width={w} height={h} aria-hidden="true" focusable="false">
      {segments.map((pts, i) => (pts.includes(' ') ? <polyline key={i} points={pts} /> : <circle key={i} cx={pts.split(',')[0]} cy={pts.split(',')[1]} r="1.5" />))}
    </svg>
  );
}
