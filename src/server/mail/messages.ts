/**
 * Texts of the e-mails Sarafan sends, in every interface language, on the shared translation layer
 * (src/core/i18n). Subjects do not name the product: the sender already does ("Sarafan <no-reply@…>").
 */
import { createCatalogue } from '../../core/i18n/catalogue.ts';
import { defineMessages } from '../../core/i18n/messages.ts';

const mailMessages = defineMessages({
  en: {
    'role.admin': 'administrator',
    'role.analyst': 'analyst',
    'role.location_manager': 'location manager',
    'role.viewer': 'viewer',
    'role.auditor': 'auditor',
    'invite.subject': 'Invitation to {org}',
    'invite.body':
      '{inviter} invited you to join {org} on Sarafan as {role}.\n\nOpen this link to choose your password:\n{link}\n\n' +
      'The link works for {days, plural, one {# day} other {# days}}. If you did not expect this invitation, ignore this message.\n',
    'reset.subject': 'Choose a new password',
    'reset.byAdmin': '{requestedBy} asked for a password reset for your account.',
    'reset.bySomeone': 'Someone (hopefully you) asked to reset the password of your account.',
    'reset.body':
      '{reason}\n\nOpen this link to choose a new password:\n{link}\n\n' +
      'The link works once, for {duration}. If you did not ask for it, ignore this message: your password stays as it is.\n',
    'duration.hours': '{hours, plural, one {# hour} other {# hours}}',
    'duration.minutes': '{minutes, plural, one {# minute} other {# minutes}}',
  },
  ru: {
    'role.admin': 'администратор',
    'role.analyst': 'аналитик',
    'role.location_manager': 'руководитель точки',
    'role.viewer': 'наблюдатель',
    'role.auditor': 'аудитор',
    'invite.subject': 'Приглашение в {org}',
    'invite.body':
      '{inviter} приглашает вас в {org} в Sarafan (роль: {role}).\n\nОткройте ссылку, чтобы задать пароль:\n{link}\n\n' +
      'Ссылка действует {days, plural, one {# день} few {# дня} many {# дней} other {# дня}}. Если вы не ждали приглашения, просто проигнорируйте это письмо.\n',
    'reset.subject': 'Новый пароль',
    'reset.byAdmin': '{requestedBy} запросил(а) сброс пароля вашей учётной записи.',
    'reset.bySomeone': 'Кто-то (надеемся, вы) запросил сброс пароля вашей учётной записи.',
    'reset.body':
      '{reason}\n\nОткройте ссылку, чтобы задать новый пароль:\n{link}\n\n' +
      'Ссылка работает один раз и действует {duration}. Если вы не запрашивали сброс, просто проигнорируйте письмо: пароль останется прежним.\n',
    'duration.hours': '{hours, plural, one {# час} few {# часа} many {# часов} other {# часа}}',
    'duration.minutes': '{minutes, plural, one {# минуту} few {# минуты} many {# минут} other {# минуты}}',
  },
  fa: {
    'role.admin': 'مدیر',
    'role.analyst': 'تحلیلگر',
    'role.location_manager': 'مدیر شعبه',
    'role.viewer': 'بیننده',
    'role.auditor': 'ممیز',
    'invite.subject': 'دعوت به {org}',
    'invite.body':
      '{inviter} شما را با نقش {role} به {org} در سرافان دعوت کرده است.\n\nبرای انتخاب گذرواژه این پیوند را باز کنید:\n{link}\n\n' +
      'این پیوند {days, plural, one {# روز} other {# روز}} معتبر است. اگر انتظار این دعوت را نداشتید، این پیام را نادیده بگیرید.\n',
    'reset.subject': 'انتخاب گذرواژهٔ تازه',
    'reset.byAdmin': '{requestedBy} بازنشانی گذرواژهٔ حساب شما را درخواست کرده است.',
    'reset.bySomeone': 'کسی (امیدواریم خودتان) بازنشانی گذرواژهٔ حساب شما را درخواست کرده است.',
    'reset.body':
      '{reason}\n\nبرای انتخاب گذرواژهٔ تازه این پیوند را باز کنید:\n{link}\n\n' +
      'این پیوند یک بار و به مدت {duration} کار می‌کند. اگر چنین درخواستی نداده‌اید، این پیام را نادیده بگیرید؛ گذرواژهٔ شما تغییر نمی‌کند.\n',
    'duration.hours': '{hours, plural, one {# ساعت} other {# ساعت}}',
    'duration.minutes': '{minutes, plural, one {# دقیقه} other {# دقیقه}}',
  },
});

/** Numbers in the language's digits, without grouping. */
export const mailCatalogue = createCatalogue('mail', mailMessages, { numbers: { useGrouping: false } });
const text = mailCatalogue.formatMessage;

const ROLES = ['admin', 'analyst', 'location_manager', 'viewer'] as const;
const isMailRole = (role: string): role is (typeof ROLES)[number] => (ROLES as readonly string[]).includes(role);

export interface InvitationMailInput {
  orgName: string;
  inviterName: string;
  role: string;
  link: string;
  days: number;
}

/** Subject and plain-text body of an invitation in `locale` (English for unknown locales). */
export function invitationMail(locale: string, input: InvitationMailInput): { subject: string; body: string } {
  const role = isMailRole(input.role) ? text(locale, `role.${input.role}`) : input.role;
  return {
    subject: text(locale, 'invite.subject', { org: input.orgName }),
    body: text(locale, 'invite.body', { inviter: input.inviterName, org: input.orgName, role, link: input.link, days: input.days }),
  };
}

export interface ResetMailInput {
  link: string;
  /** How long the link works. */
  minutes: number;
  /** Set when an administrator asked for the reset (their name or e-mail). */
  requestedBy: string | null;
}

/** "1 hour" / "24 hours" (ru: 1 час, 24 часа, 5 часов), minutes when not whole hours. */
function duration(locale: string, minutes: number): string {
  return minutes >= 60 && minutes % 60 === 0 ? text(locale, 'duration.hours', { hours: minutes / 60 }) : text(locale, 'duration.minutes', { minutes });
}

/** Subject and body of a password reset mail in `locale` (English for unknown locales). */
export function resetMail(locale: string, input: ResetMailInput): { subject: string; body: string } {
  const reason = input.requestedBy ? text(locale, 'reset.byAdmin', { requestedBy: input.requestedBy }) : text(locale, 'reset.bySomeone');
  return {
    subject: text(locale, 'reset.subject'),
    body: text(locale, 'reset.body', { reason, link: input.link, duration: duration(locale, input.minutes) }),
  };
}
