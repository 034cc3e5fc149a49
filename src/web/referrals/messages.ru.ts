/** Russian of messages.ts (same keys as its English messages). */
import type { Translation } from '../../core/i18n/messages.ts';
import type { referralsEn } from './messages.ts';

export const referralsRu: Translation<keyof typeof referralsEn> = {
  'rf.title': 'TODO',
};
