/** Every visible string of the admin area, in en / ru / fa (one file per language under messages/). */
import { combineMessages, defineMessages } from '../../core/i18n/messages.ts';
import { en } from './messages/en.ts';
import { ru } from './messages/ru.ts';
import { fa } from './messages/fa.ts';
import { lifecycleMessages } from './messages/lifecycle.ts';

export const adminMessages = combineMessages(defineMessages({ en, ru, fa }), lifecycleMessages);
