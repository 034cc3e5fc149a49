/** Strings of the audit visits pages, in English (ru / fa in messages.ru.ts / messages.fa.ts). */
export const auditVisitsEn = {
  'av.title': 'Audit visits',
};
