/** Russian of messages.ts (same keys as its English messages). */
import type { Translation } from '../../core/i18n/messages.ts';
import type { funnelEn } from './messages.ts';

export const funnelRu: Translation<keyof typeof funnelEn> = {
  'fn.title': 'TODO',
};
