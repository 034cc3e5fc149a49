/** Every visible string of the admin area, in en / ru / fa (one file per language under messages/). */
import type { MessageBundle } from '../i18n.tsx';
import { en } from './messages/en.ts';
import { ru } from './messages/ru.ts';
import { fa } from './messages/fa.ts';
import { lifecycleMessages } from './messages/lifecycle.ts';
import { jobsMessages } from './messages/jobs.ts';

export const adminMessages: MessageBundle = {
  en: { ...en, ...lifecycleMessages.en, ...jobsMessages.en },
  ru: { ...ru, ...lifecycleMessages.ru, ...jobsMessages.ru },
  fa: { ...fa, ...lifecycleMessages.fa, ...jobsMessages.fa },
};
