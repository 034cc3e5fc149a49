/**
 * Texts of the e-mails Sarafan sends, in every interface language (en, ru, fa). Subjects do not name
 * the product: the sender already does ("Sarafan <no-reply@…>").
 */

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
    subject: `Invitation to ${i.orgName}`,
    body: `${i.inviterName} invited you to join ${i.orgName} on Sarafan as ${role}.\n\nOpen this link to choose your password:\n${i.link}\n\nThe link works for ${i.days} days. If you did not expect this invitation, ignore this message.\n`,
  }),
  ru: (i, role) => ({
    subject: `Приглашение в ${i.orgName}`,
    body: `${i.inviterName} приглашает вас в ${i.orgName} в Sarafan (роль: ${role}).\n\nОткройте ссылку, чтобы задать пароль:\n${i.link}\n\nСсылка действует ${i.days} дней. Если вы не ждали приглашения, просто проигнорируйте это письмо.\n`,
  }),
  fa: (i, role) => ({
    subject: `دعوت به ${i.orgName}`,
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

export interface ResetMailInput {
  link: string;
  /** How long the link works. */
  minutes: number;
  /** Set when an administrator asked for the reset (their name or e-mail). */
  requestedBy: string | null;
}

/** "1 hour" / "24 hours" in each language (ru: 1 час, 24 часа, 5 часов; minutes below an hour). */
function duration(l: MailLocale, minutes: number): string {
  if (minutes < 60 || minutes % 60 !== 0) return { en: `${minutes} minutes`, ru: `${minutes} мин.`, fa: `${minutes} دقیقه` }[l];
  const h = minutes / 60;
  if (l === 'fa') return `${h} ساعت`;
  const form = new Intl.PluralRules(l).select(h);
  if (l === 'en') return form === 'one' ? `${h} hour` : `${h} hours`;
  return `${h} ${form === 'one' ? 'час' : form === 'few' ? 'часа' : 'часов'}`;
}

const RESET_TEMPLATES: Record<MailLocale, (i: ResetMailInput, d: string) => { subject: string; body: string }> = {
  en: (i, d) => ({
    subject: 'Choose a new password',
    body: `${i.requestedBy ? `${i.requestedBy} asked for a password reset for your account.` : 'Someone (hopefully you) asked to reset the password of your account.'}\n\n` +
      `Open this link to choose a new password:\n${i.link}\n\nThe link works once, for ${d}. If you did not ask for it, ignore this message: your password stays as it is.\n`,
  }),
  ru: (i, d) => ({
    subject: 'Новый пароль',
    body: `${i.requestedBy ? `${i.requestedBy} запросил(а) сброс пароля вашей учётной записи.` : 'Кто-то (надеемся, вы) запросил сброс пароля вашей учётной записи.'}\n\n` +
      `Откройте ссылку, чтобы задать новый пароль:\n${i.link}\n\nСсылка работает один раз и действует ${d}. Если вы не запрашивали сброс, просто проигнорируйте письмо: пароль останется прежним.\n`,
  }),
  fa: (i, d) => ({
    subject: 'انتخاب گذرواژهٔ تازه',
    body: `${i.requestedBy ? `${i.requestedBy} بازنشانی گذرواژهٔ حساب شما را درخواست کرده است.` : 'کسی (امیدواریم خودتان) بازنشانی گذرواژهٔ حساب شما را درخواست کرده است.'}\n\n` +
      `برای انتخاب گذرواژهٔ تازه این پیوند را باز کنید:\n${i.link}\n\nاین پیوند یک بار و به مدت ${d} کار می‌کند. اگر چنین درخواستی نداده‌اید، این پیام را نادیده بگیرید؛ گذرواژهٔ شما تغییر نمی‌کند.\n`,
  }),
};

/** Subject and body of a password reset mail in `locale` (English for unknown locales). */
export function resetMail(locale: string, input: ResetMailInput): { subject: string; body: string } {
  const l = mailLocale(locale);
  return RESET_TEMPLATES[l](input, duration(l, input.minutes));
}
