/** Strings of the "bring a friend" referral pages, in English (ru / fa in messages.ru.ts / messages.fa.ts). */
export const referralsEn = {
  'rf.title': 'TODO',
};
