/** All strings of the analytics pages and charts, in en, ru and fa (one file per language). */
import { defineMessages } from '../../core/i18n/messages.ts';
import { en } from './messages/en.ts';
import { ru } from './messages/ru.ts';
import { fa } from './messages/fa.ts';

export const analyticsMessages = defineMessages({ en, ru, fa });
