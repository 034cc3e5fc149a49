/** Strings of the footfall, transaction and shift import pages, in English (ru / fa in messages.ru.ts / messages.fa.ts). */
export const storeImportsEn = {
  'sti.title': 'TODO',
};
