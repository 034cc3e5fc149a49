/** The dashboard's Russian messages, a chunk of their own that the app loads when the interface is in Russian. */
import { combineTranslations, type Translation } from '../../core/i18n/messages.ts';
import type { MessageKey } from './en.ts';
import { shellRu } from '../shell/messages.ru.ts';
import { accountRu, peopleRu } from '../shell/accountMessages.ru.ts';
import { ru as adminRu } from '../admin/messages/ru.ts';
import { lifecycleRu } from '../admin/messages/lifecycle.ru.ts';
import { jobsRu } from '../admin/messages/jobs.ru.ts';
import { integrationsRu } from '../admin/messages/integrations.ru.ts';
import { kiosksRu } from '../admin/messages/kiosks.ru.ts';
import { widgetRu } from '../admin/messages/widget.ru.ts';
import { invitesRu } from '../admin/messages/invites.ru.ts';
import { channelsRu } from '../admin/messages/channels.ru.ts';
import { ru as analyticsRu } from '../analytics/messages/ru.ts';
import { contactsRu } from '../admin/contacts/messages.ru.ts';
import { responsesRu } from '../responses/messages.ru.ts';
import { textRu } from '../analytics/messages/text.ru.ts';
import { reviewsRu } from '../reviews/messages.ru.ts';
import { supportRu } from '../support/messages.ru.ts';
import { supportImportRu } from '../support/importMessages.ru.ts';
import { bellRu } from '../alerts/bellMessages.ru.ts';
import { alertsRu } from '../alerts/messages.ru.ts';
import { lettersRu } from '../letters/messages.ru.ts';
import { casesRu } from '../cases/messages.ru.ts';
import { caseOpsRu } from '../caseops/messages.ru.ts';
import { caseReportsRu } from '../caseReports/messages.ru.ts';
import { checklistsRu } from '../checklists/messages.ru.ts';
import { auditVisitsRu } from '../auditVisits/messages.ru.ts';
import { auditorRu } from '../auditor/messages.ru.ts';
import { auditResultsRu } from '../auditResults/messages.ru.ts';
import { qaRu } from '../qa/messages.ru.ts';
import { quizzesRu } from '../quizzes/messages.ru.ts';
import { staffPagesRu } from '../shell/staffPagesMessages.ru.ts';
import { staffVoiceRu } from '../staffVoice/messages.ru.ts';
import { perceptionRu } from '../staffVoice/perceptionMessages.ru.ts';
import { focusGroupsRu } from '../focusGroups/messages.ru.ts';
import { funnelRu } from '../funnel/messages.ru.ts';
import { storeImportsRu } from '../storeImports/messages.ru.ts';
import { loyaltyRu } from '../loyalty/messages.ru.ts';
import { referralsRu } from '../referrals/messages.ru.ts';

export const ru: Translation<MessageKey> = combineTranslations(shellRu, accountRu, peopleRu, adminRu, lifecycleRu, jobsRu, channelsRu, analyticsRu, responsesRu, contactsRu, kiosksRu, widgetRu, invitesRu, integrationsRu, reviewsRu, textRu, supportRu, supportImportRu, bellRu, alertsRu, lettersRu, casesRu, caseOpsRu, caseReportsRu, checklistsRu, auditVisitsRu, auditorRu, auditResultsRu, qaRu, quizzesRu, staffPagesRu, staffVoiceRu, perceptionRu, focusGroupsRu, funnelRu, storeImportsRu, loyaltyRu, referralsRu);




