/** Persian of messages.ts (same keys as its English messages). */
import type { Translation } from '../../core/i18n/messages.ts';
import type { qaEn } from './messages.ts';

export const qaFa: Translation<keyof typeof qaEn> = {
  'qa.title': 'ارزیابی کیفیت',
};
