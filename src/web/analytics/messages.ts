/** All strings of the analytics pages and charts, in en, ru and fa (one file per language). */
import type { MessageBundle } from '../i18n.tsx';
import { en } from './messages/en.ts';
import { ru } from './messages/ru.ts';
import { fa } from './messages/fa.ts';

export const analyticsMessages: MessageBundle = { en, ru, fa };
