/** Russian of messages.ts (same keys as its English messages). */
import type { Translation } from '../../core/i18n/messages.ts';
import type { loyaltyEn } from './messages.ts';

export const loyaltyRu: Translation<keyof typeof loyaltyEn> = {
  'ly.title': 'TODO',
};
