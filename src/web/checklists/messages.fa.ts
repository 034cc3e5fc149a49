/** Persian of messages.ts (same keys as its English messages). */
import type { Translation } from '../../core/i18n/messages.ts';
import type { checklistsEn } from './messages.ts';

export const checklistsFa: Translation<keyof typeof checklistsEn> = {
  'ck.title': 'چک‌لیست‌ها',
};
