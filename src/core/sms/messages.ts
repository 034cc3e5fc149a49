/** The SMS texts of invitations (en, ru, fa): short, the personal link and the opt-out link in plain text. */
import { createCatalogue } from '../i18n/catalogue.ts';
import { defineMessages } from '../i18n/messages.ts';

export const smsCatalogue = createCatalogue('sms', defineMessages({
  en: {
    invite: '{org}: how was your experience? Answer in a minute: {link}',
    reminder: '{org}: a reminder, your opinion matters to us: {link}',
    optOut: 'Opt out: {link}',
  },
  ru: {
    invite: '{org}: как вам у нас? Ответьте за минуту: {link}',
    reminder: '{org}: напоминаем, нам важно ваше мнение: {link}',
    optOut: 'Отписаться: {link}',
  },
  fa: {
    invite: '{org}: تجربهٔ شما چطور بود؟ در یک دقیقه پاسخ دهید: {link}',
    reminder: '{org}: یادآوری، نظر شما برای ما مهم است: {link}',
    optOut: 'لغو اشتراک: {link}',
  },
}));

/** The SMS of an invitation (seq 0) or a reminder (seq > 0), with the opt-out link on its own line. */
export function smsInvitationText(lang: string, m: { seq: number; orgName: string; link: string; unsubscribeUrl: string }): string {
  const main = smsCatalogue.formatMessage(lang, m.seq === 0 ? 'invite' : 'reminder', { org: m.orgName, link: m.link });
  return m.unsubscribeUrl ? `${main}\n${smsCatalogue.formatMessage(lang, 'optOut', { link: m.unsubscribeUrl })}` : main;
}
