/** Strings of the focus groups and key-client debriefs pages, in English (ru / fa in messages.ru.ts / messages.fa.ts). */
export const focusGroupsEn = {
  'fg.title': 'TODO',
};
