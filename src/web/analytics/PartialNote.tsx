/** Whether the survey's unfinished responses count in its metrics (countPartial), as the dashboard and drop-off view state it. */
import { useI18n } from '../i18n.tsx';
import { ABANDONED_AFTER_HOURS } from '../../core/surveys/progress.ts';

export function PartialNote({ counted }: { counted: boolean }) {
  const { t } = useI18n();
  return (
    <p className="muted small" data-testid="partial-note">
      {counted ? t('an.partial.counted', { hours: ABANDONED_AFTER_HOURS }) : t('an.partial.notCounted')}
    </p>
  );
}
