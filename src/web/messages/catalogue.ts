/** The dashboard's catalogue over a set of its messages: all languages (tests) or those loaded so far (the app). */
import { createCatalogue } from '../../core/i18n/catalogue.ts';
import type { MessageSet } from '../../core/i18n/messages.ts';
import type { MessageKey } from './en.ts';

/** Numbers like num(): grouped, and isolated (FSI…PDI) in Persian. */
export function dashboardCatalogueOf(messages: MessageSet<MessageKey>) {
  return createCatalogue('dashboard', messages, { isolateRtlNumbers: true });
}
