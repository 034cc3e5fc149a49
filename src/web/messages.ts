/**
 * The dashboard's message catalogue in every language at once, on the shared translation layer
 * (src/core/i18n): for tests and checks. The app itself loads one language at a time (src/web/i18n.tsx,
 * src/web/messages/{en,ru,fa}.ts). A key the catalogue lacks is a type error.
 */
import { defineMessages } from '../core/i18n/messages.ts';
import { en } from './messages/en.ts';
import { ru } from './messages/ru.ts';
import { fa } from './messages/fa.ts';
import { dashboardCatalogueOf } from './messages/catalogue.ts';

export const dashboardCatalogue = dashboardCatalogueOf(defineMessages({ en, ru, fa }));
