/**
 * @module The built-in sentiment lexicon's words (written for Sarafan; customer-service vocabulary of
 * shops, delivery, banks and call centers). Entries are plain words; lexicon.ts stems them with the
 * same stemmer as the text, so one entry covers its inflected forms. Weights: 1 ordinary, 2 strong.
 */
import type { AnalysisLanguage } from './langid.ts';

export interface LexiconWords {
  positive: Record<string, number>;
  negative: Record<string, number>;
  /** Words that flip the polarity of what follows (ru, en) or precedes (fa negative verbs). */
  negators: string[];
  /** Words that start a clause which outweighs the previous one ("but"). */
  contrast: string[];
  /** Multiply the next sentiment word. */
  intensifiers: string[];
}

const w = (weight: number, list: string) => Object.fromEntries(list.split(/\s+/).filter(Boolean).map((word) => [word, weight]));

export const LEXICON_WORDS: Record<AnalysisLanguage, LexiconWords> = {
  en: {
    positive: {
      ...w(1, `good nice fine helpful friendly polite kind quick fast prompt easy clean fresh tasty delicious hot comfortable convenient
        happy glad pleased satisfied thank thanks thankful appreciate recommend enjoy love smooth professional courteous
        efficient reliable resolved solved fixed patient attentive pleasant cheap affordable fair safe better improved
        cool yay welcome perfect`),
      ...w(2, `great excellent amazing awesome fantastic wonderful outstanding superb best brilliant perfect lovely incredible loved
        impressed exceptional favorite favourite`),
      ':)': 1, ':-)': 1, ':d': 1, '<3': 2, '😊': 1, '😀': 1, '😍': 2, '👍': 1, '❤': 2, '❤️': 2, '🙏': 1, '👌': 1,
    },
    negative: {
      ...w(1, `bad slow late delay delayed delays wait waiting waited queue rude dirty cold stale expensive overpriced broken wrong
        missing lost cancel cancelled canceled problem problems issue issues complaint complain unhelpful impolite wasted
        poor worse difficult hard confusing crash crashed error fail failed failure unable disappointed disappointing
        annoyed annoying frustrated frustrating sucks suck stuck hold refund damaged charged overcharged mess messed ignore ignored
        unacceptable sorry hate angry upset tired bother`),
      ...w(2, `terrible horrible awful worst disgusting pathetic ridiculous useless furious nightmare disaster incompetent
        rudest scam joke`),
      ':(': 1, ':-(': 1, '😡': 2, '😠': 2, '😞': 1, '😢': 1, '👎': 1, '🤬': 2, '😤': 1,
    },
    negators: ["not", "no", "never", "don't", "dont", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "can't", "cannot", "couldn't", "won't", "wouldn't", "hardly", "without", "nothing"],
    contrast: ['but', 'however', 'although', 'though'],
    intensifiers: ['very', 'really', 'so', 'extremely', 'super', 'too', 'absolutely', 'totally', 'completely'],
  },
  ru: {
    positive: {
      ...w(1, `хороший хорошо хорошая хорошее вкусно вкусный быстро быстрый вежливый вежливо приветливый доброжелательный
        внимательный чисто чистый свежий удобно удобный понравилось нравится спасибо благодарю благодарность рекомендую
        доволен довольна довольны рад рада приятный приятно уютно уютный помогли помог помогла решили решен профессионально
        профессиональный дешево недорого выгодно комфортно аккуратно оперативно вовремя горячий вкусная вкусное порадовал
        порадовало любезный понравился понравилась`),
      ...w(2, `отлично отличный отличное отличная прекрасно прекрасный замечательно замечательный великолепно великолепный
        супер лучший лучшее идеально восторг шикарно превосходно обожаю чудесно`),
      ':)': 1, ')))': 1, '))': 1, '😊': 1, '👍': 1, '❤': 2, '❤️': 2, '😍': 2,
    },
    negative: {
      ...w(1, `плохо плохой плохая медленно долго ждать ждали ожидание очередь очереди грубый грубо грубили хамство хамили
        грязно грязный холодный холодное дорого дорогой опоздание опоздал опоздали задержка сломан сломался ошибка ошибки
        проблема проблемы жалоба отказ обманули обман невкусно невкусный невежливый неприятно неудобно разочарован
        разочарование недоволен недовольна хуже пересолено пережарено сырой сырое черствый испорчен зависает вылетает
        скучно шумно тесно душно навязчиво жаль увы`),
      ...w(2, `ужасно ужасный ужас отвратительно отвратительный кошмар безобразие хамы худший мерзко позор отстой
        некомпетентные`),
      ':(': 1, '((': 1, '(((': 1, '😡': 2, '😞': 1, '👎': 1,
    },
    negators: ['не', 'нет', 'ни', 'без', 'нельзя'],
    contrast: ['но', 'однако', 'зато', 'хотя'],
    intensifiers: ['очень', 'сильно', 'слишком', 'совсем', 'крайне', 'абсолютно', 'совершенно', 'настолько'],
  },
  fa: {
    positive: {
      ...w(1, `خوب خوبه خوشمزه خوشمزست عالیه تازه گرم سریع مودب مودبانه تمیز ممنون ممنونم مرسی متشکرم سپاس تشکر راضی راضیم
        داغ به‌موقع بموقع خوشحال مناسب ارزان ارزون دلچسب لذیذ کامل درست پیشنهاد توصیه دوست قشنگ بهتر راحت حرفه‌ای
        خوش‌برخورد محترم خوشپخت`),
      ...w(2, `عالی عالیه فوق‌العاده بی‌نظیر بینظیر محشر بهترین معرکه شاهکار`),
      '😊': 1, '👍': 1, '❤': 2, '❤️': 2, '😍': 2, '🙏': 1, '👌': 1,
    },
    negative: {
      ...w(1, `بد بده سرد دیر تاخیر تأخیر کثیف گران گرون گرانه شور بی‌کیفیت بیکیفیت افتضاحه کم خراب ناراضی ناراحت
        بی‌مزه بیمزه بدمزه سوخته خام کهنه مونده له بی‌ادب بی‌ادبی بد‌اخلاق بداخلاق اشتباه ضعیف متاسفانه متأسفانه
        نرسید نرسیده نیومد نیامد کمه ناامید ناامیدم ناامیدکننده بدی طولانی مجبور مجبورم بی‌احترامی بی‌حوصلگی قاطی قطع کوچیک کوچک چرب بدتر مشکل لغو برگشت وحشتناکه`),
      ...w(2, `افتضاح افتضاحه وحشتناک داغون آشغال بدترین مزخرف افتضاحی`),
      '😡': 2, '😞': 1, '👎': 1, '😠': 2,
    },
    negators: ['نبود', 'نیست', 'نبودن', 'نیستن', 'نشد', 'نشده', 'نداشت', 'نمیشه', 'نمی‌شه', 'نمی‌شود', 'نبوده', 'نباشه', 'نه'],
    contrast: ['ولی', 'اما', 'ولیکن', 'منتها'],
    intensifiers: ['خیلی', 'بسیار', 'واقعا', 'واقعاً', 'کاملا', 'اصلا', 'زیادی', 'خیییلی'],
  },
};
