/** The dashboard's Persian messages, a chunk of their own that the app loads when the interface is in Persian. */
import { combineTranslations, type Translation } from '../../core/i18n/messages.ts';
import type { MessageKey } from './en.ts';
import { shellFa } from '../shell/messages.fa.ts';
import { accountFa, peopleFa } from '../shell/accountMessages.fa.ts';
import { fa as adminFa } from '../admin/messages/fa.ts';
import { lifecycleFa } from '../admin/messages/lifecycle.fa.ts';
import { jobsFa } from '../admin/messages/jobs.fa.ts';
import { integrationsFa } from '../admin/messages/integrations.fa.ts';
import { kiosksFa } from '../admin/messages/kiosks.fa.ts';
import { widgetFa } from '../admin/messages/widget.fa.ts';
import { invitesFa } from '../admin/messages/invites.fa.ts';
import { channelsFa } from '../admin/messages/channels.fa.ts';
import { fa as analyticsFa } from '../analytics/messages/fa.ts';
import { contactsFa } from '../admin/contacts/messages.fa.ts';
import { responsesFa } from '../responses/messages.fa.ts';
import { textFa } from '../analytics/messages/text.fa.ts';
import { reviewsFa } from '../reviews/messages.fa.ts';
import { supportFa } from '../support/messages.fa.ts';
import { supportImportFa } from '../support/importMessages.fa.ts';
import { bellFa } from '../alerts/bellMessages.fa.ts';
import { alertsFa } from '../alerts/messages.fa.ts';
import { lettersFa } from '../letters/messages.fa.ts';
import { casesFa } from '../cases/messages.fa.ts';
import { caseOpsFa } from '../caseops/messages.fa.ts';
import { caseReportsFa } from '../caseReports/messages.fa.ts';
import { checklistsFa } from '../checklists/messages.fa.ts';
import { auditVisitsFa } from '../auditVisits/messages.fa.ts';
import { auditorFa } from '../auditor/messages.fa.ts';
import { auditResultsFa } from '../auditResults/messages.fa.ts';
import { qaFa } from '../qa/messages.fa.ts';
import { quizzesFa } from '../quizzes/messages.fa.ts';
import { staffPagesFa } from '../shell/staffPagesMessages.fa.ts';
import { staffVoiceFa } from '../staffVoice/messages.fa.ts';
import { perceptionFa } from '../staffVoice/perceptionMessages.fa.ts';
import { focusGroupsFa } from '../focusGroups/messages.fa.ts';
import { funnelFa } from '../funnel/messages.fa.ts';
import { storeImportsFa } from '../storeImports/messages.fa.ts';
import { loyaltyFa } from '../loyalty/messages.fa.ts';
import { referralsFa } from '../referrals/messages.fa.ts';

export const fa: Translation<MessageKey> = combineTranslations(shellFa, accountFa, peopleFa, adminFa, lifecycleFa, jobsFa, channelsFa, analyticsFa, responsesFa, contactsFa, kiosksFa, widgetFa, invitesFa, integrationsFa, reviewsFa, textFa, supportFa, supportImportFa, bellFa, alertsFa, lettersFa, casesFa, caseOpsFa, caseReportsFa, checklistsFa, auditVisitsFa, auditorFa, auditResultsFa, qaFa, quizzesFa, staffPagesFa, staffVoiceFa, perceptionFa, focusGroupsFa, funnelFa, storeImportsFa, loyaltyFa, referralsFa);




