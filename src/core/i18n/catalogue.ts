/**
 * The translation layer: formats a message of a catalogue in a language with intl-messageformat
 * (ICU MessageFormat: CLDR plural rules for en one/other, ru one/few/many/other, fa one/other).
 * Each message is compiled once per language and kept.
 */
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import { directionOf, languageOr } from './languages.ts';
import type { MessageSet } from './messages.ts';

/** Values for a message's placeholders; plural and `{x, number}` placeholders take numbers. */
export type MessageVars = Readonly<Record<string, string | number>>;

export interface CatalogueOptions {
  /**
   * How `#` and `{x, number}` write numbers (Intl.NumberFormat options; the language's digits always).
   * Respondent pages and mail write `2000`, the dashboard `2,000`.
   */
  numbers?: Intl.NumberFormatOptions;
  /**
   * In right-to-left languages, make each number its own left-to-right island (FSI…PDI), as the
   * dashboard writes every number, so signs and ranges keep their order in Persian text.
   */
  isolateRtlNumbers?: boolean;
}

export interface Catalogue<K extends string> {
  /** Names the catalogue in test failures ("respondent pages"). */
  readonly name: string;
  readonly messages: MessageSet<K>;
  /**
   * The message `key` in `lang` with its placeholders filled. An unknown language gets English.
   * Throws when a placeholder has no value (a bug the tests should see, not a half-filled text).
   */
  formatMessage(lang: string, key: K, vars?: MessageVars): string;
  /** Whether a key built at run time (`an.channel.${channel}`) is one of the catalogue's. */
  has(key: string): key is K;
}

/** Intl formatters shared by a catalogue's messages, each made once per locale and options. */
function cachedFormatters({ numbers = {}, isolateRtlNumbers = false }: CatalogueOptions): Formatters {
  const made = new Map<string, unknown>();
  const once = <T>(kind: string, locales: unknown, opts: object | undefined, make: () => T): T => {
    const id = JSON.stringify([kind, String(locales), opts]);
    if (!made.has(id)) made.set(id, make());
    return made.get(id) as T;
  };
  return {
    getNumberFormat: (locales, opts) =>
      once('n', locales, opts, () => {
        const format = new Intl.NumberFormat(locales, { ...numbers, ...(opts as Intl.NumberFormatOptions) });
        if (!isolateRtlNumbers || directionOf(String(locales)) !== 'rtl') return format;
        // intl-messageformat only calls format(): the isolated number stands in for the formatter.
        return { format: (n: number) => `\u2068${format.format(n)}\u2069` } as Intl.NumberFormat;
      }),
    getDateTimeFormat: (locales, opts) => once('d', locales, opts, () => new Intl.DateTimeFormat(locales, opts)),
    getPluralRules: (locales, opts) => once('p', locales, opts, () => new Intl.PluralRules(locales, opts)),
  };
}

/** Compiles one message; `ignoreTag`: "<" is plain text in our messages, not markup. */
function compile(message: string, lang: string, formatters?: Formatters): IntlMessageFormat {
  return new IntlMessageFormat(message, lang, undefined, { ignoreTag: true, formatters });
}

/** A catalogue of one area's messages (src/web/messages.ts, src/respond/i18n.ts, …), formatted in any interface language. */
export function createCatalogue<K extends string>(name: string, messages: MessageSet<K>, options: CatalogueOptions = {}): Catalogue<K> {
  const formatters = cachedFormatters(options);
  const compiled = new Map<string, IntlMessageFormat>();
  return {
    name,
    messages,
    formatMessage(lang, key, vars) {
      const language = languageOr(lang);
      const id = `${language}\u0000${key}`;
      let format = compiled.get(id);
      if (!format) {
        // Typed keys make a missing message impossible short of a cast; show the key rather than crash.
        // A language not loaded yet (the dashboard's lazy ones) gets English, not kept for later.
        const own = messages[language] as MessageSet<K>[typeof language] | undefined;
        const source = own?.[key] ?? messages.en[key];
        if (source === undefined) return key;
        format = compile(source, language, formatters);
        if (own) compiled.set(id, format);
      }
      return String(format.format(vars));
    },
    has: (key): key is K => Object.hasOwn(messages.en, key),
  };
}

/** What a message needs: its placeholder names and, for each plural, the categories it writes. */
export interface MessageShape {
  placeholders: string[];
  plurals: { name: string; categories: string[] }[];
}

interface AstNode {
  type: number;
  value?: unknown;
  options?: Record<string, { value: AstNode[] }>;
  pluralType?: string;
  children?: AstNode[];
}

// Element types of @formatjs/icu-messageformat-parser: 0 literal and 7 pound carry no name; 6 is plural.
const NAMED = new Set([1, 2, 3, 4, 5, 6]);
const PLURAL = 6;

/** Parses a message (throws when it is not valid ICU MessageFormat) and lists what it needs. */
export function messageShape(message: string, lang: string): MessageShape {
  const placeholders = new Set<string>();
  const plurals: MessageShape['plurals'] = [];
  const walk = (nodes: AstNode[]) => {
    for (const node of nodes) {
      if (NAMED.has(node.type)) placeholders.add(String(node.value));
      if (node.type === PLURAL && node.pluralType === 'cardinal') plurals.push({ name: String(node.value), categories: Object.keys(node.options ?? {}) });
      for (const option of Object.values(node.options ?? {})) walk(option.value);
      if (node.children) walk(node.children);
    }
  };
  walk(compile(message, lang).getAst() as AstNode[]);
  return { placeholders: [...placeholders].sort(), plurals };
}
