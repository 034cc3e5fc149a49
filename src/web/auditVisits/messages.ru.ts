/** Russian of messages.ts (same keys as its English messages). */
import type { Translation } from '../../core/i18n/messages.ts';
import type { auditVisitsEn } from './messages.ts';

export const auditVisitsRu: Translation<keyof typeof auditVisitsEn> = {
  'av.title': 'Визиты аудита',
};
