/** Texts of the e-mails the admin area sends, in every interface language (en, ru, fa). */

export const MAIL_LOCALES = ['en', 'ru', 'fa'] as const;
export type MailLocale = (typeof MAIL_LOCALES)[number];

export interface InvitationMailInput {
  orgName: string;
  inviterName: string;
  role: string;
  link: string;
  days: number;
}

const ROLE_NAMES: Record<MailLocale, Record<string, string>> = {
  en: { admin: 'administrator', analyst: 'analyst', location_manager: 'location manager', viewer: 'viewer' },
  ru: { admin: 'администратор', analyst: 'аналитик', location_manager: 'руководитель точки', viewer: 'наблюдатель' },
  fa: { admin: 'مدیر', analyst: 'تحلیلگر', location_manager: 'مدیر شعبه', viewer: 'بیننده' },
};

const TEMPLATES: Record<MailLocale, (i: InvitationMailInput, role: string) => { subject: string; body: string }> = {
  en: (i, role) => ({
    subject: `You are invited to ${i.orgName} on Sarafan`,
    body: `${i.inviterName} invited you to join ${i.orgName} on Sarafan as ${role}.\n\nOpen this link to choose your password:\n${i.link}\n\nThe link works for ${i.days} days. If you did not expect this invitation, ignore this message.\n`,
  }),
  ru: (i, role) => ({
    subject: `Приглашение в ${i.orgName} в Sarafan`,
    body: `${i.inviterName} приглашает вас в ${i.orgName} в Sarafan (роль: ${role}).\n\nОткройте ссылку, чтобы задать пароль:\n${i.link}\n\nСсылка действует ${i.days} дней. Если вы не ждали приглашения, просто проигнорируйте это письмо.\n`,
  }),
  fa: (i, role) => ({
    subject: `دعوت به ${i.orgName} در سرافان`,
    body: `${i.inviterName} شما را با نقش ${role} به ${i.orgName} در سرافان دعوت کرده است.\n\nبرای انتخاب گذرواژه این پیوند را باز کنید:\n${i.link}\n\nاین پیوند ${i.days} روز معتبر است. اگر انتظار این دعوت را نداشتید، این پیام را نادیده بگیرید.\n`,
  }),
};

/** The supported mail language for a user's locale (English otherwise). */
export function mailLocale(locale: string | undefined): MailLocale {
  return (MAIL_LOCALES as readonly string[]).includes(locale ?? '') ? (locale as MailLocale) : 'en';
}

/** Subject and plain-text body of an invitation in `locale` (English for unknown locales). */
export function invitationMail(locale: string, input: InvitationMailInput): { subject: string; body: string } {
  const l = mailLocale(locale);
  return TEMPLATES[l](input, ROLE_NAMES[l][input.role] ?? input.role);
}
