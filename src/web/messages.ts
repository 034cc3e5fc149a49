/**
 * The dashboard's message catalogue in every language at once, on the shared translation layer
 * (src/core/i18n): for tests and checks. The app itself loads one language at a time (src/web/i18n.tsx,
 * src/web/messages/{en,ru,fa}.ts). A key the catalogue lacks is a type error.
 */
import { defineMessages } from '../core/i18n/messages.ts';
import { createCatalogue } from '../core/i18n/catalogue.ts';
import { en, type MessageKey } from './messages/en.ts';
import { ru } from './messages/ru.ts';
import { fa } from './messages/fa.ts';

export type { MessageKey };

/** Numbers like num(): grouped, and isolated (FSI…PDI) in Persian. */
export const dashboardCatalogue = createCatalogue('dashboard', defineMessages({ en, ru, fa }), { isolateRtlNumbers: true });
