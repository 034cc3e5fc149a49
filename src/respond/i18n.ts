/** Texts of the respondent pages in every interface language, and the choice of a page's language. */
import { RTL_LANGUAGES } from '../core/surveys/types.ts';

export const PAGE_LANGUAGES = ['en', 'ru', 'fa'] as const;

/** Every text a respondent page shows outside the survey's own wording. */
export interface PageStrings {
  languageName: string;
  languages: string;
  submit: string;
  next: string;
  back: string;
  required: string;
  step: string;
  errorSummary: string;
  thanksTitle: string;
  thanksText: string;
  closedTitle: string;
  closedText: string;
  notFoundTitle: string;
  notFoundText: string;
  rateLimitedTitle: string;
  rateLimitedText: string;
  errorTitle: string;
  errorText: string;
  tooLargeText: string;
  expiredText: string;
  offline: string;
  /** Banner of the author's preview (/s/<slug>?preview=1). */
  previewBanner: string;
  /** Text alternative of star n of max. */
  starOf: string;
  /** Names of the five smileys, worst to best. */
  smileys: [string, string, string, string, string];
}

const en: PageStrings = {
  languageName: 'English',
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
  notFoundTitle: 'Survey not found',
  notFoundText: 'Please check the link you followed.',
  rateLimitedTitle: 'Too many attempts',
  rateLimitedText: 'Please wait a minute and try again.',
  errorTitle: 'Something went wrong',
  errorText: 'Please try again in a moment.',
  tooLargeText: 'The answers are too long to send.',
  expiredText: 'This form has expired. Please send it again.',
  offline: 'Connection lost, retrying…',
  previewBanner: 'Preview — answers are not saved',
  starOf: '{n} of {max} stars',
  smileys: ['Very unhappy', 'Unhappy', 'Neutral', 'Happy', 'Very happy'],
};

const ru: PageStrings = {
  languageName: 'Русский',
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
  notFoundTitle: 'Опрос не найден',
  notFoundText: 'Пожалуйста, проверьте ссылку.',
  rateLimitedTitle: 'Слишком много попыток',
  rateLimitedText: 'Подождите минуту и попробуйте снова.',
  errorTitle: 'Что-то пошло не так',
  errorText: 'Пожалуйста, попробуйте чуть позже.',
  tooLargeText: 'Ответы слишком длинные для отправки.',
  expiredText: 'Срок действия формы истёк. Пожалуйста, отправьте её ещё раз.',
  offline: 'Нет связи, пробуем снова…',
  previewBanner: 'Предпросмотр — ответы не сохраняются',
  starOf: '{n} из {max} звёзд',
  smileys: ['Очень недоволен', 'Недоволен', 'Нейтрально', 'Доволен', 'Очень доволен'],
};

const fa: PageStrings = {
  languageName: 'فارسی',
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
  notFoundTitle: 'نظرسنجی پیدا نشد',
  notFoundText: 'لطفاً پیوندی را که دنبال کردید بررسی کنید.',
  rateLimitedTitle: 'تلاش‌های بیش از حد',
  rateLimitedText: 'لطفاً یک دقیقه صبر کنید و دوباره تلاش کنید.',
  errorTitle: 'مشکلی پیش آمد',
  errorText: 'لطفاً کمی بعد دوباره تلاش کنید.',
  tooLargeText: 'پاسخ‌ها برای ارسال بیش از حد طولانی است.',
  expiredText: 'این فرم منقضی شده است. لطفاً دوباره ارسال کنید.',
  offline: 'اتصال قطع شد، در حال تلاش دوباره…',
  previewBanner: 'پیش‌نمایش — پاسخ‌ها ذخیره نمی‌شوند',
  starOf: '{n} ستاره از {max}',
  smileys: ['خیلی ناراضی', 'ناراضی', 'معمولی', 'راضی', 'خیلی راضی'],
};

const STRINGS: Record<string, PageStrings> = { en, ru, fa };

/** Page texts for a language (English when the interface has no translation for it). */
export function stringsFor(lang: string): PageStrings {
  return STRINGS[lang] ?? en;
}

/** Fills {name} placeholders, writing numbers with the language's digits. */
export function fill(template: string, lang: string, params: Record<string, number>): string {
  const nf = new Intl.NumberFormat(STRINGS[lang] ? lang : 'en', { useGrouping: false });
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? nf.format(params[k]) : ''));
}

/** Writes a number with the language's digits (Persian digits for fa). */
export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(STRINGS[lang] ? lang : 'en', { useGrouping: false }).format(n);
}

/** Whether the language is written right to left (the page gets dir="rtl"). */
export function isRtl(lang: string): boolean {
  return RTL_LANGUAGES.includes(lang);
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
