/** Strings of the audit results pages, in English (ru / fa in messages.ru.ts / messages.fa.ts). */
export const auditResultsEn = {
  'ar.title': 'Audit results',
};
