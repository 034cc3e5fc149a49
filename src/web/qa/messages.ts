/** Strings of the quality reviews pages, in English (ru / fa in messages.ru.ts / messages.fa.ts). */
export const qaEn = {
  'qa.title': 'Quality reviews',
};
