/** Strings of the my audits pages, in English (ru / fa in messages.ru.ts / messages.fa.ts). */
export const auditorEn = {
  'am.title': 'My audits',
};
