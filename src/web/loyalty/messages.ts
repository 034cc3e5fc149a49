/** Strings of the loyalty economics pages, in English (ru / fa in messages.ru.ts / messages.fa.ts). */
export const loyaltyEn = {
  'ly.title': 'TODO',
};
