/** Persian of messages.ts (same keys as its English messages). */
import type { Translation } from '../../core/i18n/messages.ts';
import type { staffVoiceEn } from './messages.ts';

export const staffVoiceFa: Translation<keyof typeof staffVoiceEn> = {
  'sv.title': 'TODO',
};
