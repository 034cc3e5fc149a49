/**
 * The pages of a shared link around its report (docs/sharing.md): the password form and the one "not available"
 * page that unknown, revoked and expired links all get. Server-rendered, no script; the respondent pages' document.
 */
import { createCatalogue } from '../../core/i18n/catalogue.ts';
import { defineMessages, type KeyOf } from '../../core/i18n/messages.ts';
import { html } from '../html.ts';
import { renderDocument } from '../render/layout.ts';

const messages = defineMessages({
  en: {
    unavailableTitle: 'This link is not available',
    unavailableText: 'The link may be mistyped, or whoever shared it has withdrawn it or let it expire. Ask them for a new one.',
    passwordTitle: 'This report is protected',
    passwordText: 'Enter the password you were given with the link.',
    password: 'Password',
    open: 'Open the report',
    wrongPassword: 'That password is not right. Please try again.',
  },
  ru: {
    unavailableTitle: 'Ссылка недоступна',
    unavailableText: 'Возможно, в ссылке опечатка, или тот, кто ею поделился, отозвал её или срок её действия истёк. Попросите новую.',
    passwordTitle: 'Отчёт защищён паролем',
    passwordText: 'Введите пароль, который вам дали вместе со ссылкой.',
    password: 'Пароль',
    open: 'Открыть отчёт',
    wrongPassword: 'Пароль неверный. Попробуйте ещё раз.',
  },
  fa: {
    unavailableTitle: 'این پیوند در دسترس نیست',
    unavailableText: 'شاید پیوند اشتباه نوشته شده باشد، یا کسی که آن را هم‌رسانی کرده آن را لغو کرده یا مهلتش گذشته است. پیوند تازه‌ای بخواهید.',
    passwordTitle: 'این گزارش با گذرواژه محافظت شده است',
    passwordText: 'گذرواژه‌ای را که همراه پیوند به شما داده‌اند وارد کنید.',
    password: 'گذرواژه',
    open: 'باز کردن گزارش',
    wrongPassword: 'گذرواژه درست نیست. دوباره تلاش کنید.',
  },
});

export const sharedLinkPageCatalogue = createCatalogue('shared link page', messages);
type Key = KeyOf<typeof messages>;
const t = (lang: string, key: Key) => sharedLinkPageCatalogue.formatMessage(lang, key);

/** The page's own styles, allowed by their hash. */
export const SHARED_LINK_CSS = '.err{color:#a00020;font-weight:600}form p{margin:.75rem 0}input[type=password]{width:100%;max-width:20rem}';

/** Unknown, revoked and expired links alike: nothing tells which. */
export function renderUnavailablePage(lang: string): string {
  const title = t(lang, 'unavailableTitle');
  return renderDocument({ lang, title, body: html`<h1 tabindex="-1">${title}</h1><p>${t(lang, 'unavailableText')}</p>`, style: SHARED_LINK_CSS });
}

/** The password form; it posts to `action` (the link's unlock address, which takes the visitor back). */
export function renderPasswordPage(lang: string, action: string, wrong: boolean): string {
  const title = t(lang, 'passwordTitle');
  const body = html`<h1 tabindex="-1">${title}</h1>${wrong ? html`<p class="err" role="alert" id="pw-err">${t(lang, 'wrongPassword')}</p>` : ''}
<form method="post" action="${action}"><p>${t(lang, 'passwordText')}</p>
<p><label for="pw">${t(lang, 'password')}</label><br><input id="pw" name="password" type="password" required autocomplete="current-password" autofocus${wrong ? html` aria-invalid="true" aria-describedby="pw-err"` : ''}></p>
<input type="hidden" name="_lang" value="${lang}"><p><button type="submit">${t(lang, 'open')}</button></p></form>`;
  return renderDocument({ lang, title, body, style: SHARED_LINK_CSS });
}
