/** Russian of messages.ts (same keys as its English messages). */
import type { Translation } from '../../core/i18n/messages.ts';
import type { qaEn } from './messages.ts';

export const qaRu: Translation<keyof typeof qaEn> = {
  'qa.title': 'Оценка качества',
};
