/** Russian of messages.ts (same keys as its English messages). */
import type { Translation } from '../../core/i18n/messages.ts';
import type { auditorEn } from './messages.ts';

export const auditorRu: Translation<keyof typeof auditorEn> = {
  'am.title': 'Мои проверки',
};
