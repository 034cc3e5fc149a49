/** Persian of messages.ts (same keys as its English messages). */
import type { Translation } from '../../core/i18n/messages.ts';
import type { storeImportsEn } from './messages.ts';

export const storeImportsFa: Translation<keyof typeof storeImportsEn> = {
  'sti.title': 'TODO',
};
