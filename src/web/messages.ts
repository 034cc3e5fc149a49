/**
 * The dashboard's message catalogue: the areas' message sets (shell, admin, analytics, responses) as
 * one, on the shared translation layer (src/core/i18n). A key the catalogue lacks is a type error.
 */
import { combineMessages, type KeyOf } from '../core/i18n/messages.ts';
import { createCatalogue } from '../core/i18n/catalogue.ts';
import { shellMessages } from './shell/messages.ts';
import { adminMessages } from './admin/messages.ts';
import { analyticsMessages } from './analytics/messages.ts';
import { responsesMessages } from './responses/messages.ts';

const dashboardMessages = combineMessages(shellMessages, adminMessages, analyticsMessages, responsesMessages);

/** Every message key of the dashboard. */
export type MessageKey = KeyOf<typeof dashboardMessages>;

/** Numbers like num(): grouped, and isolated (FSI…PDI) in Persian. */
export const dashboardCatalogue = createCatalogue('dashboard', dashboardMessages, { isolateRtlNumbers: true });
