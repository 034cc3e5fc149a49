/**
 * The English messages the first view needs (the shell, sign-in, the overview and the older pages):
 * they ship in the entry bundle. The pages added since (enPages.ts) load their English with their chunk.
 */
import { combineTranslations } from '../../core/i18n/messages.ts';
import { shellEn } from '../shell/messages.ts';
import { accountEn, peopleEn } from '../shell/accountMessages.ts';
import { en as adminEn } from '../admin/messages/en.ts';
import { lifecycleEn } from '../admin/messages/lifecycle.ts';
import { builderExtrasEn } from '../admin/builder/messages.ts';
import { availabilityEn } from '../admin/messages/availability.ts';
import { en as analyticsEn } from '../analytics/messages/en.ts';
import { responsesEn } from '../responses/messages.ts';
import { bellEn } from '../alerts/bellMessages.ts';

export const enFirstView = combineTranslations(shellEn, accountEn, peopleEn, adminEn, lifecycleEn, builderExtrasEn, availabilityEn, analyticsEn, responsesEn, bellEn);
