/** A loading placeholder that reserves space, so content does not jump in when it arrives. */
import { useI18n } from '../i18n.tsx';

export function Loading({ lines = 3 }: { lines?: number }) {
  const { t } = useI18n();
  return (
    <div className="loading-block" role="status" aria-live="polite" style={{ minBlockSize: `${lines * 2.2}rem` }}>
      <span className="visually-hidden">{t('shell.loading')}</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton skeleton-line" aria-hidden="true" />
      ))}
    </div>
  );
}
