/**
 * What the Telegram bot says around a survey's own texts (en, ru, fa): buttons, hints, errors, the
 * default thanks. Plain text (no parse mode): nothing a survey author writes is read as markup.
 */
import { createCatalogue } from '../i18n/catalogue.ts';
import { defineMessages } from '../i18n/messages.ts';

export const botCatalogue = createCatalogue('telegram bot', defineMessages({
  en: {
    skip: 'Skip',
    done: 'Done',
    thanks: 'Thank you!',
    typeAnswer: 'Type your answer as a message.',
    typeOrSkip: 'Type your answer as a message, or press Skip.',
    chooseAbove: 'Please choose one of the buttons above.',
    chooseMany: 'Choose one or more, then press Done.',
    scaleEnds: '{min, number}: {minLabel} · {max, number}: {maxLabel}',
    unknownSurvey: 'This survey link does not work. Please check the link or QR code.',
    closed: 'This survey is closed. Thank you for your interest!',
    hello: 'Hello! Open a survey link or scan a QR code to answer a survey here.',
    stale: 'This survey has ended.',
    changed: 'This survey has changed meanwhile. Please open the survey link again.',
    stopHint: 'To get no more survey invitations here, send /stop.',
    invite: '{org} would like to hear about your experience.',
    reminder: 'A reminder from {org}: we would like to hear about your experience.',
    stopped: 'Done: you will get no more survey invitations here.',
    tooLong: 'Please keep your answer under {max, plural, one {# character} other {# characters}}.',
    yes: 'Yes',
    no: 'No',
    agree: 'I agree',
    rankInOrder: 'Press the options in order, most important first; press one again to take it back.',
  },
  ru: {
    skip: 'Пропустить',
    done: 'Готово',
    thanks: 'Спасибо!',
    typeAnswer: 'Напишите ответ сообщением.',
    typeOrSkip: 'Напишите ответ сообщением или нажмите «Пропустить».',
    chooseAbove: 'Пожалуйста, выберите одну из кнопок выше.',
    chooseMany: 'Выберите один или несколько вариантов и нажмите «Готово».',
    scaleEnds: '{min, number}: {minLabel} · {max, number}: {maxLabel}',
    unknownSurvey: 'Ссылка на опрос не работает. Проверьте ссылку или QR-код.',
    closed: 'Этот опрос закрыт. Спасибо за интерес!',
    hello: 'Здравствуйте! Откройте ссылку на опрос или отсканируйте QR-код, чтобы ответить здесь.',
    stale: 'Этот опрос уже завершён.',
    changed: 'Опрос за это время изменился. Пожалуйста, откройте ссылку на опрос ещё раз.',
    stopHint: 'Чтобы больше не получать здесь приглашений к опросам, отправьте /stop.',
    invite: '{org} хотели бы узнать о вашем опыте.',
    reminder: 'Напоминание от {org}: нам важно узнать о вашем опыте.',
    stopped: 'Готово: вы больше не будете получать здесь приглашений к опросам.',
    tooLong: 'Пожалуйста, уложитесь в {max, plural, one {# символ} few {# символа} many {# символов} other {# символа}}.',
    yes: 'Да',
    no: 'Нет',
    agree: 'Я согласен(на)',
    rankInOrder: 'Нажимайте варианты по порядку, начиная с самого важного; повторное нажатие отменяет выбор.',
  },
  fa: {
    skip: 'رد شدن',
    done: 'تمام',
    thanks: 'سپاسگزاریم!',
    typeAnswer: 'پاسخ خود را به صورت پیام بنویسید.',
    typeOrSkip: 'پاسخ خود را به صورت پیام بنویسید یا «رد شدن» را بزنید.',
    chooseAbove: 'لطفاً یکی از دکمه‌های بالا را انتخاب کنید.',
    chooseMany: 'یک یا چند گزینه را انتخاب کنید و سپس «تمام» را بزنید.',
    scaleEnds: '{min, number}: {minLabel} · {max, number}: {maxLabel}',
    unknownSurvey: 'این پیوند نظرسنجی کار نمی‌کند. لطفاً پیوند یا کد QR را بررسی کنید.',
    closed: 'این نظرسنجی بسته شده است. از توجه شما سپاسگزاریم!',
    hello: 'سلام! برای پاسخ دادن در اینجا، پیوند یک نظرسنجی را باز کنید یا کد QR را اسکن کنید.',
    stale: 'این نظرسنجی به پایان رسیده است.',
    changed: 'این نظرسنجی در این فاصله تغییر کرده است. لطفاً پیوند نظرسنجی را دوباره باز کنید.',
    stopHint: 'برای اینکه دیگر اینجا دعوت‌نامهٔ نظرسنجی نگیرید، \u2066/stop\u2069 را بفرستید.',
    invite: '{org} مایل است از تجربهٔ شما بشنود.',
    reminder: 'یادآوری از {org}: مایلیم از تجربهٔ شما بشنویم.',
    stopped: 'انجام شد: دیگر اینجا دعوت‌نامهٔ نظرسنجی دریافت نمی‌کنید.',
    tooLong: 'لطفاً پاسخ خود را کمتر از {max, number} نویسه بنویسید.',
    yes: 'بله',
    no: 'خیر',
    agree: 'موافقم',
    rankInOrder: 'گزینه‌ها را به ترتیب، از مهم‌ترین، بزنید؛ با زدن دوباره، انتخاب برداشته می‌شود.',
  },
}), { numbers: { useGrouping: false } });

export type BotMessageKey = Parameters<typeof botCatalogue.formatMessage>[1];

/** A bot text in `lang` (English for other languages). */
export function botText(lang: string, key: BotMessageKey, vars: Record<string, string | number> = {}): string {
  return botCatalogue.formatMessage(lang, key, vars);
}
