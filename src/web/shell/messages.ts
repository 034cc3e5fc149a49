/** Strings of the dashboard shell (navigation, language, errors), English; ru/fa in messages.ru.ts / messages.fa.ts. */
export const shellEn = {
  'app.name': 'Sarafan',
  'nav.overview': 'Overview',
  'nav.surveys': 'Surveys',
  'nav.locations': 'Locations',
  'nav.users': 'Users',
  'nav.validation': 'Data quality',
  'nav.contacts': 'Contacts',
  'nav.waves': 'Invitations',
  'rv.nav': 'Reviews',
  'sp.nav': 'Support',
  'nav.main': 'Main navigation',
  'shell.language': 'Language',
  'shell.signOut': 'Sign out',
  'shell.loading': 'Loading…',
  'shell.error': 'Something went wrong: {message}',
  'shell.notFound': 'This page does not exist.',
  'shell.notFoundTitle': 'Page not found',
  'shell.backToOverview': 'Go to the overview',
  'shell.skip': 'Skip to content',
  // Separator between short facts ("Passive · 8").
  'shell.sep': ' · ',
};
