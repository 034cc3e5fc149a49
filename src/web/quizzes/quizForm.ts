/** The quiz editor's draft: the API's definition as editable rows, and back. */
import type { Language } from '../../core/i18n/languages.ts';

export type Texts = Partial<Record<Language, string>>;
export interface DraftOption { key: string; text: Texts; correct: boolean }
export interface DraftQuestion { key: string; text: Texts; topic: string; options: DraftOption[] }

interface StoredQuestion { key: string; text: Texts; topic?: string | null; options: { key: string; text: Texts }[]; correct: string[] }

/** A name (or text) in the page language, else English, else any. */
export function nameIn(name: Texts | Record<string, string>, lang: string): string {
  const n = name as Record<string, string | undefined>;
  return n[lang] || n.en || Object.values(n).find(Boolean) || '';
}

/** A key not used yet among `used`: `<prefix><n>`. */
export function nextKey(prefix: string, used: string[]): string {
  for (let n = used.length + 1; ; n++) if (!used.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function newQuestion(used: string[]): DraftQuestion {
  return { key: nextKey('q', used), text: {}, topic: '', options: [{ key: 'a1', text: {}, correct: true }, { key: 'a2', text: {}, correct: false }] };
}

export function draftOf(definition: unknown): DraftQuestion[] {
  const questions = ((definition as { questions?: StoredQuestion[] } | null)?.questions ?? []);
  return questions.map((q) => ({
    key: q.key, text: { ...q.text }, topic: q.topic ?? '',
    options: q.options.map((o) => ({ key: o.key, text: { ...o.text }, correct: q.correct.includes(o.key) })),
  }));
}

const clean = (texts: Texts): Texts => Object.fromEntries(Object.entries(texts).filter(([, v]) => v && v.trim() !== ''));

export function definitionOf(questions: DraftQuestion[]) {
  return {
    questions: questions.map((q) => ({
      key: q.key, text: clean(q.text), ...(q.topic.trim() ? { topic: q.topic.trim() } : {}),
      options: q.options.map((o) => ({ key: o.key, text: clean(o.text) })),
      correct: q.options.filter((o) => o.correct).map((o) => o.key),
    })),
  };
}
