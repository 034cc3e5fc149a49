/**
 * @module Stop-words, for display only (frequencies, key phrases, discovered themes): a word list of
 * our own per language. Never applied before classification: "не", "not" and "نه" carry sentiment.
 */
import type { AnalysisLanguage } from './langid.ts';

const list = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

const STOPWORDS: Record<AnalysisLanguage, Set<string>> = {
  en: list(`a an the and or but if then so as at by for from in into of on onto to with without about over under again
    i me my mine we us our you your he him his she her it its they them their this that these those there here
    am is are was were be been being have has had do does did doing will would shall should can could may might must
    not no nor just only also too very than what which who whom when where why how all any both each few more most
    other some such own same up down out off now still even ever yet get got im i'm it's that's you're we're they're
    don't didn't can't won't isn't wasn't amp rt via`),
  ru: list(`и в во не что он на я с со как а то все всё она так его но да ты к у же вы за бы по только ее её мне было
    вот от меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять
    уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто
    чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем
    чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через
    эти нас про всего них какая много разве три эту моя впрочем свою этой перед иногда чуть том нельзя
    такой им более всегда конечно всю между это очень`),
  fa: list(`و در به از که این را با است برای آن یک تا هم بود شد می‌شود نیز ها های او ما من تو شما آنها ایشان
    بر یا اما ولی پس اگر چه چون هر همه خود دیگر باید شده کرد کرده کنم کنید کند کنند بودن باشد باشه هست هستم هستند
    بودم بودیم شود نمی‌شود اینکه آنکه ای ی دو سه کمی خیلی بسیار واقعا دیگه یه رو نه`),
};

/** Whether a normalised word is a stop-word of the language (other languages: never). */
export function isStopword(word: string, lang: AnalysisLanguage | null): boolean {
  return lang !== null && STOPWORDS[lang].has(word);
}
