/** Persian of messages.ts (same keys as its English messages). */
import type { Translation } from '../../core/i18n/messages.ts';
import type { referralsEn } from './messages.ts';

export const referralsFa: Translation<keyof typeof referralsEn> = {
  'rf.title': 'TODO',
};
