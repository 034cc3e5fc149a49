/** Strings of the staff results and perception gap pages, in English (ru / fa in messages.ru.ts / messages.fa.ts). */
export const staffVoiceEn = {
  'sv.title': 'TODO',
};
