/** Number formats of the funnel page. */
import type { useI18n } from '../i18n.tsx';

/** A share 0..1 in percent for the interface language, or a dash when it cannot be measured. */
export const share = (i: ReturnType<typeof useI18n>, v: number | null) => (v === null ? '—' : i.pct(v * 100));
