/** Persian of messages.ts (same keys as its English messages). */
import type { Translation } from '../../core/i18n/messages.ts';
import type { quizzesEn } from './messages.ts';

export const quizzesFa: Translation<keyof typeof quizzesEn> = {
  'qz.title': 'آزمون‌های دانش',
};
