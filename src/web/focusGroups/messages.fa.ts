/** Persian of messages.ts (same keys as its English messages). */
import type { Translation } from '../../core/i18n/messages.ts';
import type { focusGroupsEn } from './messages.ts';

export const focusGroupsFa: Translation<keyof typeof focusGroupsEn> = {
  'fg.title': 'TODO',
};
