/** Strings of the store funnel pages, in English (ru / fa in messages.ru.ts / messages.fa.ts). */
export const funnelEn = {
  'fn.title': 'TODO',
};
