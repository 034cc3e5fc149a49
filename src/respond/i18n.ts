/**
 * Texts of the respondent pages (everything outside the survey's own wording) in every interface
 * language, formatted on the server with the shared translation layer (src/core/i18n), and the choice
 * of a page's language. The enhancement script gets finished texts in data- attributes, never the library.
 */
import { createCatalogue } from '../core/i18n/catalogue.ts';
import { defineMessages, type KeyOf } from '../core/i18n/messages.ts';
import { languageOr } from '../core/i18n/languages.ts';
import type { MessageVars } from '../core/i18n/catalogue.ts';

const pageMessages = defineMessages({
  en: {
    yes: 'Yes',
    no: 'No',
    rankHint: 'Give each option a different rank: 1 for the first, {n, number} for the last.',
    languages: 'Language',
    submit: 'Send',
    next: 'Next',
    back: 'Back',
    required: 'required',
    step: 'Question {n} of {total}',
    errorSummary: 'Please check these answers:',
    thanksTitle: 'Thank you!',
    thanksText: 'Your answers have been received.',
    closedTitle: 'This survey is closed',
    closedText: 'Thank you for your interest. This survey no longer accepts answers.',
    notYetTitle: 'This survey is not open yet',
    notYetText: 'It opens on {date}. Please come back then.',
    closedElsewhere: 'You can answer another survey instead:',
    notFoundTitle: 'Survey not found',
    notFoundText: 'Please check the link you followed.',
    rateLimitedTitle: 'Too many attempts',
    rateLimitedText: 'Please wait a minute and try again.',
    errorTitle: 'Something went wrong',
    errorText: 'Please try again in a moment.',
    tooLargeText: 'The answers are too long to send.',
    expiredText: 'This form has expired. Please send it again.',
    offline: 'No connection. Your answers are saved on this device and will be sent as soon as it is back.',
    previewBanner: 'Preview — answers are not saved',
    starOf: '{n, number} of {max, plural, one {# star} other {# stars}}',
    smiley1: 'Very unhappy',
    smiley2: 'Unhappy',
    smiley3: 'Neutral',
    smiley4: 'Happy',
    smiley5: 'Very happy',
    referralTitle: 'Bring a friend',
    referralText: 'Glad you liked it! Share your personal code with a friend: they show it at the till or tell it when they order.',
    referralCode: 'Your code',
    referralLink: 'Your link',
    referralCopy: 'Copy link',
    referralShare: 'Share',
    referralCopied: 'Link copied',
    referralShareText: 'I recommend {org}. Show this code at the till: {code}',
    inviteTitle: 'A friend invites you to {org}',
    inviteText: 'Show this code at the till or tell it when you order.',
    inviteCode: 'Your friend\'s code',
    inviteNotFoundTitle: 'Code not found',
    inviteNotFoundText: 'Please check the link your friend sent you.',
    staffAnonymity: 'This survey is anonymous: no one sees your individual answers, and results are shown only for groups of at least {min, number} people.',
  },
  ru: {
    yes: 'Да',
    no: 'Нет',
    rankHint: 'Присвойте каждому варианту своё место: 1 — первое, {n, number} — последнее.',
    languages: 'Язык',
    submit: 'Отправить',
    next: 'Далее',
    back: 'Назад',
    required: 'обязательный вопрос',
    step: 'Вопрос {n} из {total}',
    errorSummary: 'Пожалуйста, проверьте ответы:',
    thanksTitle: 'Спасибо!',
    thanksText: 'Ваши ответы получены.',
    closedTitle: 'Опрос завершён',
    closedText: 'Спасибо за интерес. Этот опрос больше не принимает ответы.',
    notYetTitle: 'Опрос ещё не начался',
    notYetText: 'Он откроется {date}. Пожалуйста, вернитесь позже.',
    closedElsewhere: 'Вместо него вы можете пройти другой опрос:',
    notFoundTitle: 'Опрос не найден',
    notFoundText: 'Пожалуйста, проверьте ссылку.',
    rateLimitedTitle: 'Слишком много попыток',
    rateLimitedText: 'Подождите минуту и попробуйте снова.',
    errorTitle: 'Что-то пошло не так',
    errorText: 'Пожалуйста, попробуйте чуть позже.',
    tooLargeText: 'Ответы слишком длинные для отправки.',
    expiredText: 'Срок действия формы истёк. Пожалуйста, отправьте её ещё раз.',
    offline: 'Нет связи. Ваши ответы сохранены на этом устройстве и будут отправлены, как только связь восстановится.',
    previewBanner: 'Предпросмотр — ответы не сохраняются',
    starOf: '{n, number} из {max, plural, one {# звезды} few {# звёзд} many {# звёзд} other {# звезды}}',
    smiley1: 'Очень недоволен',
    smiley2: 'Недоволен',
    smiley3: 'Нейтрально',
    smiley4: 'Доволен',
    smiley5: 'Очень доволен',
    referralTitle: 'Приведите друга',
    referralText: 'Рады, что вам понравилось! Поделитесь личным кодом с другом: пусть покажет его на кассе или назовёт при заказе.',
    referralCode: 'Ваш код',
    referralLink: 'Ваша ссылка',
    referralCopy: 'Скопировать ссылку',
    referralShare: 'Поделиться',
    referralCopied: 'Ссылка скопирована',
    referralShareText: 'Рекомендую {org}. Покажите этот код на кассе: {code}',
    inviteTitle: 'Друг приглашает вас в {org}',
    inviteText: 'Покажите этот код на кассе или назовите его при заказе.',
    inviteCode: 'Код вашего друга',
    inviteNotFoundTitle: 'Код не найден',
    inviteNotFoundText: 'Пожалуйста, проверьте ссылку, которую прислал друг.',
    staffAnonymity: 'Опрос анонимный: никто не увидит ваши ответы по отдельности, а результаты показываются только для групп не меньше {min, number} человек.',
  },
  fa: {
    yes: 'بله',
    no: 'خیر',
    rankHint: 'به هر گزینه رتبه‌ای جداگانه بدهید: ۱ برای اولی و {n, number} برای آخری.',
    languages: 'زبان',
    submit: 'ارسال',
    next: 'بعدی',
    back: 'قبلی',
    required: 'الزامی',
    step: 'پرسش {n} از {total}',
    errorSummary: 'لطفاً این پاسخ‌ها را بررسی کنید:',
    thanksTitle: 'سپاسگزاریم!',
    thanksText: 'پاسخ‌های شما دریافت شد.',
    closedTitle: 'این نظرسنجی بسته شده است',
    closedText: 'از توجه شما سپاسگزاریم. این نظرسنجی دیگر پاسخ نمی‌پذیرد.',
    notYetTitle: 'این نظرسنجی هنوز باز نشده است',
    notYetText: 'این نظرسنجی در {date} باز می‌شود. لطفاً آن زمان بازگردید.',
    closedElsewhere: 'می‌توانید به جای آن در نظرسنجی دیگری شرکت کنید:',
    notFoundTitle: 'نظرسنجی پیدا نشد',
    notFoundText: 'لطفاً پیوندی را که دنبال کردید بررسی کنید.',
    rateLimitedTitle: 'تلاش‌های بیش از حد',
    rateLimitedText: 'لطفاً یک دقیقه صبر کنید و دوباره تلاش کنید.',
    errorTitle: 'مشکلی پیش آمد',
    errorText: 'لطفاً کمی بعد دوباره تلاش کنید.',
    tooLargeText: 'پاسخ‌ها برای ارسال بیش از حد طولانی است.',
    expiredText: 'این فرم منقضی شده است. لطفاً دوباره ارسال کنید.',
    offline: 'اتصال برقرار نیست. پاسخ‌های شما در این دستگاه ذخیره شده‌اند و به محض برقراری اتصال ارسال می‌شوند.',
    previewBanner: 'پیش‌نمایش — پاسخ‌ها ذخیره نمی‌شوند',
    starOf: '{n, number} ستاره از {max, number}',
    smiley1: 'خیلی ناراضی',
    smiley2: 'ناراضی',
    smiley3: 'معمولی',
    smiley4: 'راضی',
    smiley5: 'خیلی راضی',
    referralTitle: 'دوستتان را بیاورید',
    referralText: 'خوشحالیم که راضی بودید! کد شخصی خود را با یک دوست به اشتراک بگذارید: آن را هنگام پرداخت نشان دهد یا هنگام سفارش بگوید.',
    referralCode: 'کد شما',
    referralLink: 'پیوند شما',
    referralCopy: 'کپی پیوند',
    referralShare: 'اشتراک‌گذاری',
    referralCopied: 'پیوند کپی شد',
    referralShareText: '{org} را پیشنهاد می‌کنم. این کد را هنگام پرداخت نشان دهید: {code}',
    inviteTitle: 'دوستتان شما را به {org} دعوت می‌کند',
    inviteText: 'این کد را هنگام پرداخت نشان دهید یا هنگام سفارش بگویید.',
    inviteCode: 'کد دوست شما',
    inviteNotFoundTitle: 'کد پیدا نشد',
    inviteNotFoundText: 'لطفاً پیوندی را که دوستتان فرستاده است بررسی کنید.',
    staffAnonymity: 'این نظرسنجی ناشناس است: هیچ‌کس پاسخ‌های تک‌تک شما را نمی‌بیند و نتایج فقط برای گروه‌های دست‌کم {min, number} نفره نمایش داده می‌شود.',
  },
});

export type PageMessageKey = KeyOf<typeof pageMessages>;

/** Numbers as respondents read them in a sentence: the language's digits, no grouping ("2000"). */
export const pageCatalogue = createCatalogue('respondent pages', pageMessages, { numbers: { useGrouping: false } });

/**
 * A respondent-page text in `lang` (English when the interface has no translation for it). Notes for
 * translators: `step` keeps {n} and {total} for the enhancement script, which fills them as pages turn;
 * `starOf` is the text alternative of star n of max.
 */
export function pageText(lang: string, key: PageMessageKey, vars?: MessageVars): string {
  return pageCatalogue.formatMessage(lang, key, vars);
}

/** Writes a number with the language's digits (Persian digits for fa). */
export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(languageOr(lang), { useGrouping: false }).format(n);
}

/** Primary language subtags from an Accept-Language header, best first (q=0 excluded). */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { lang: tag.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.lang && x.lang !== '*' && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((x) => x.lang);
}

/** ?lang= when the survey offers it, else the browser's best offered language, else the survey default. */
export function chooseLanguage(offered: readonly string[], fallback: string, explicit: unknown, acceptLanguage: string | undefined): string {
  if (typeof explicit === 'string' && offered.includes(explicit)) return explicit;
  return parseAcceptLanguage(acceptLanguage).find((l) => offered.includes(l)) ?? fallback;
}
