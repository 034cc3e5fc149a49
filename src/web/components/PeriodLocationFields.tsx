/**
 * The period (last 30 / 90 days, 12 months, or custom dates) and location filters of a report page kept in the
 * address (`period`, `from`, `to`, `location`): the Support page and the closed-loop report. Labels come from the
 * page's own messages (`<prefix>.period`, `<prefix>.period.30d`...), test ids are `<prefix>-filter-period` and
 * `<prefix>-filter-location`.
 */
import { useI18n, type MessageKey } from '../i18n.tsx';
import { presetRange, type RollingPreset } from '../../core/time/orgCalendar.ts';
import type { LocationsAnswer } from '../../core/api/locations.ts';

export const PERIOD_PRESETS = ['30d', '90d', '12m'] as const;

type PeriodKey = 'period' | 'from' | 'to' | 'location';

/** The preset in the address (90 days by default) and the days it stands for on `today`. */
export function periodOf(f: { period?: string; from?: string; to?: string }, today: string): { preset: RollingPreset | 'custom'; range: { from?: string; to?: string } } {
  const preset: RollingPreset | 'custom' = f.period === 'custom' ? 'custom' : PERIOD_PRESETS.find((p) => p === f.period) ?? '90d';
  return { preset, range: preset === 'custom' ? { from: f.from, to: f.to } : presetRange(preset, today) };
}

export function PeriodLocationFields({ prefix, f, preset, range, locations, setFilter }: {
  prefix: 'sp' | 'clr' | 'ar' | 'rf' | 'fn' | 'pg';
  f: Partial<Record<PeriodKey, string>>;
  preset: RollingPreset | 'custom';
  range: { from?: string; to?: string };
  locations: LocationsAnswer['locations'];
  setFilter(next: Partial<Record<PeriodKey, string | undefined>>): void;
}) {
  const { t } = useI18n();
  const k = (key: string) => `${prefix}.${key}` as MessageKey;
  return (
    <>
      <label className="field">
        {t(k('period'))}
        <select value={preset} onChange={(e) => setFilter({ period: e.target.value, from: e.target.value === 'custom' ? range.from : undefined, to: e.target.value === 'custom' ? range.to : undefined })} data-testid={`${prefix}-filter-period`}>
          {PERIOD_PRESETS.map((p) => <option key={p} value={p}>{t(k(`period.${p}`))}</option>)}
          <option value="custom">{t(k('period.custom'))}</option>
        </select>
      </label>
      {preset === 'custom' && (
        <>
          <label className="field">
            {t(k('from'))}
            <input type="date" value={f.from ?? ''} max={f.to} onChange={(e) => setFilter({ from: e.target.value || undefined })} data-testid={`${prefix}-filter-from`} />
          </label>
          <label className="field">
            {t(k('to'))}
            <input type="date" value={f.to ?? ''} min={f.from} onChange={(e) => setFilter({ to: e.target.value || undefined })} data-testid={`${prefix}-filter-to`} />
          </label>
        </>
      )}
      <label className="field">
        {t(k('location'))}
        <select value={f.location ?? ''} onChange={(e) => setFilter({ location: e.target.value || undefined })} data-testid={`${prefix}-filter-location`}>
          <option value="">{t(k('anyLocation'))}</option>
          {locations.map((l) => <option key={l.id} value={l.id}>{'\u00a0'.repeat(l.depth * 2)}{l.name}</option>)}
        </select>
      </label>
    </>
  );
}
