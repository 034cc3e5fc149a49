/**
 * The dashboard's English messages: every area's set as one. English is the reference (its keys are
 * MessageKey) and the fallback. The app ships enFirstView.ts in its entry and loads enPages.ts with the
 * pages that need it (src/web/i18n.tsx); ru.ts and fa.ts are chunks loaded on demand.
 */
import { combineTranslations } from '../../core/i18n/messages.ts';
import { enFirstView } from './enFirstView.ts';
import { enPages } from './enPages.ts';

export const en = combineTranslations(enFirstView, enPages);

/** Every message key of the dashboard. */
export type MessageKey = keyof typeof en;
