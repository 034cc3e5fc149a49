/** Strings of the checklists pages, in English (ru / fa in messages.ru.ts / messages.fa.ts). */
export const checklistsEn = {
  'ck.title': 'Checklists',
};
