/** Persian of messages.ts (same keys as its English messages). */
import type { Translation } from '../../core/i18n/messages.ts';
import type { funnelEn } from './messages.ts';

export const funnelFa: Translation<keyof typeof funnelEn> = {
  'fn.title': 'TODO',
};
