/** "Recalculating dashboards: 12 / 40 batches" with a native <progress>, while a rollup rebuild runs. */
import { useI18n } from '../../i18n.tsx';
import type { RollupJobView } from '../../../core/api/org.ts';

export function RollupProgress({ job }: { job: RollupJobView }) {
  const { t, num } = useI18n();
  if (job.status !== 'running') return null;
  const counted = job.total > 0;
  const values = { done: num(job.done, 0), total: job.total };
  return (
    <div className="rollup-progress card">
      {/* Without a value the bar is indeterminate while the rebuild counts its batches. */}
      <progress
        aria-label={t('settings.progressLabel')}
        aria-valuetext={counted ? t('settings.progressValue', values) : undefined}
        max={counted ? job.total : undefined}
        value={counted ? job.done : undefined}
      />
      <p className="rollup-progress-text">{counted ? t('settings.progress', values) : t('settings.progressStarting')}</p>
      <p className="muted">{t('settings.progressHint')}</p>
    </div>
  );
}
