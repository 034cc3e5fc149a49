/** Persian of messages.ts (same keys as its English messages). */
import type { Translation } from '../../core/i18n/messages.ts';
import type { auditResultsEn } from './messages.ts';

export const auditResultsFa: Translation<keyof typeof auditResultsEn> = {
  'ar.title': 'نتایج ممیزی',
};
