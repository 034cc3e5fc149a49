/**
 * English messages of the channel, contact, review, text-analytics and support pages: a chunk of its own, loaded
 * by those pages (lazyPage's `pageMessages`) so that the first view does not download them.
 */
import { combineTranslations } from '../../core/i18n/messages.ts';
import { jobsEn } from '../admin/messages/jobs.ts';
import { integrationsEn } from '../admin/messages/integrations.ts';
import { kiosksEn } from '../admin/messages/kiosks.ts';
import { widgetEn } from '../admin/messages/widget.ts';
import { invitesEn } from '../admin/messages/invites.ts';
import { channelsEn } from '../admin/messages/channels.ts';
import { contactsEn } from '../admin/contacts/messages.ts';
import { textEn } from '../analytics/messages/text.ts';
import { reviewsEn } from '../reviews/messages.ts';
import { supportEn } from '../support/messages.ts';
import { supportImportEn } from '../support/importMessages.ts';
import { alertsEn } from '../alerts/messages.ts';
import { lettersEn } from '../letters/messages.ts';
import { casesEn } from '../cases/messages.ts';
import { caseOpsEn } from '../caseops/messages.ts';
import { caseReportsEn } from '../caseReports/messages.ts';
import { checklistsEn } from '../checklists/messages.ts';
import { auditVisitsEn } from '../auditVisits/messages.ts';
import { auditorEn } from '../auditor/messages.ts';
import { auditResultsEn } from '../auditResults/messages.ts';
import { qaEn } from '../qa/messages.ts';
import { quizzesEn } from '../quizzes/messages.ts';
import { staffPagesEn } from '../shell/staffPagesMessages.ts';
import { staffVoiceEn } from '../staffVoice/messages.ts';
import { perceptionEn } from '../staffVoice/perceptionMessages.ts';
import { focusGroupsEn } from '../focusGroups/messages.ts';
import { funnelEn } from '../funnel/messages.ts';
import { storeImportsEn } from '../storeImports/messages.ts';
import { loyaltyEn } from '../loyalty/messages.ts';
import { referralsEn } from '../referrals/messages.ts';
import { homeEn } from '../home/messages.ts';
import { sharingEn } from '../sharing/messages.ts';
import { reportsEn } from '../reports/messages.ts';

export const enPages = combineTranslations(jobsEn, channelsEn, contactsEn, kiosksEn, widgetEn, invitesEn, integrationsEn, reviewsEn, textEn, supportEn, supportImportEn, alertsEn, lettersEn, casesEn, caseOpsEn, caseReportsEn, checklistsEn, auditVisitsEn, auditorEn, auditResultsEn, qaEn, quizzesEn, staffPagesEn, staffVoiceEn, perceptionEn, focusGroupsEn, funnelEn, storeImportsEn, loyaltyEn, referralsEn, homeEn, sharingEn, reportsEn);

