/**
 * The dashboard's English messages: every area's set as one. English is the reference (its keys are
 * MessageKey) and the fallback, so it ships with the app; ru.ts and fa.ts are chunks loaded on demand.
 */
import { combineTranslations } from '../../core/i18n/messages.ts';
import { shellEn } from '../shell/messages.ts';
import { accountEn, peopleEn } from '../shell/accountMessages.ts';
import { en as adminEn } from '../admin/messages/en.ts';
import { lifecycleEn } from '../admin/messages/lifecycle.ts';
import { jobsEn } from '../admin/messages/jobs.ts';
import { integrationsEn } from '../admin/messages/integrations.ts';
import { kiosksEn } from '../admin/messages/kiosks.ts';
import { widgetEn } from '../admin/messages/widget.ts';
import { invitesEn } from '../admin/messages/invites.ts';
import { channelsEn } from '../admin/messages/channels.ts';
import { en as analyticsEn } from '../analytics/messages/en.ts';
import { contactsEn } from '../admin/contacts/messages.ts';
import { responsesEn } from '../responses/messages.ts';
import { textEn } from '../analytics/messages/text.ts';
import { reviewsEn } from '../reviews/messages.ts';

export const en = combineTranslations(shellEn, accountEn, peopleEn, adminEn, lifecycleEn, jobsEn, channelsEn, analyticsEn, responsesEn, contactsEn, kiosksEn, widgetEn, invitesEn, integrationsEn, reviewsEn, textEn);

/** Every message key of the dashboard. */
export type MessageKey = keyof typeof en;
