/**
 * @module A checklist of service standards (docs/audits.md): sections of items, each with points, an
 * answer type, a critical flag and the standard it belongs to. This is the one parser of the checklist
 * JSON, the same for `sarafan audit score --checklist`, the API's import / export and the stored
 * versions (checklist_versions.definition). Pure; no I/O.
 *
 * The file format is `{"name", "sections":[{"key","name","items":[{"key","text","points","critical"?,
 * "standard"?}]}]}`; texts and names may also be localized objects `{"en": "...", "ru": "...", "fa": "..."}`,
 * and items may carry `answerType` (default `yes_no`: what the auditor's form offers), `passRule` for
 * measured numbers and `evidence` (what the auditor may attach). Scoring itself accepts "yes", "no", "na"
 * or points earned for any scored item (src/core/audits/scoring.ts).
 */
import { LANGUAGES, type Language } from '../i18n/languages.ts';

/** What a checklist checks (checklists.channel): a store visit, a phone call, a chat, a support contact (QA), anything else. */
export const CHECKLIST_CHANNELS = ['store', 'phone', 'chat', 'contact', 'other'] as const;
export type ChecklistChannel = (typeof CHECKLIST_CHANNELS)[number];

/** How an item is answered. Only the first four score; photo and comment items carry no points. */
export const ANSWER_TYPES = ['yes_no', 'yes_no_na', 'scale', 'number', 'photo', 'comment'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** Answer types that earn points. */
export const SCORED_ANSWER_TYPES = ['yes_no', 'yes_no_na', 'scale', 'number'] as const satisfies readonly AnswerType[];

/** The service standards of the starter checklists; organisations may name their own (any key). */
export const STANDARD_KEYS = [
  'greeting', 'needs_discovery', 'product_knowledge', 'presentation', 'objections', 'checkout_speed',
  'cleanliness', 'appearance', 'farewell', 'phone_etiquette', 'written_style', 'compliance',
] as const;

/** A number item (waiting minutes, rings before pick-up) passes when `value <op> limit`. */
export const PASS_OPERATORS = ['lte', 'lt', 'gte', 'gt', 'eq'] as const;
export type PassOperator = (typeof PASS_OPERATORS)[number];
export interface PassRule { op: PassOperator; value: number; unit?: string }

export const EVIDENCE_KINDS = ['none', 'photo', 'audio', 'photo_or_audio'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Plain text, or one text per language. */
export type LocalizedText = string | Partial<Record<Language, string>>;

export interface ChecklistItem {
  key: string;
  text: LocalizedText;
  points: number;
  critical: boolean;
  standard: string | null;
  answerType: AnswerType;
  passRule: PassRule | null;
  evidence: EvidenceKind;
}

export interface ChecklistSection {
  key: string;
  name: LocalizedText;
  items: ChecklistItem[];
}

export interface ChecklistDefinition {
  name: LocalizedText;
  sections: ChecklistSection[];
}

export const CHECKLIST_LIMITS = { sections: 50, itemsPerSection: 100, textLength: 2000, maxPoints: 1000 } as const;
const KEY_PATTERN = /^[A-Za-z0-9_.-]{1,60}$/;

/**
 * How strictly `parseChecklist` reads: the API and the stored versions keep the limits and the key pattern
 * (`bounded`); the command line reads an analyst's local file, of any size and with any non-empty keys.
 */
export interface ChecklistParseOptions { bounded: boolean }
const BOUNDED: ChecklistParseOptions = { bounded: true };
const UNBOUNDED_KEY_LENGTH = 500;

/** A problem with checklist JSON: `path` says where (e.g. `sections[1].items[0].points`). */
export class ChecklistError extends Error {
  constructor(readonly path: string, readonly problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'ChecklistError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function localizedText(value: unknown, path: string, required: boolean, opts: ChecklistParseOptions): LocalizedText {
  if (typeof value === 'string') {
    if (required && value.trim() === '') throw new ChecklistError(path, 'must not be empty');
    if (opts.bounded && value.length > CHECKLIST_LIMITS.textLength) throw new ChecklistError(path, `at most ${CHECKLIST_LIMITS.textLength} characters`);
    return value;
  }
  if (isObject(value)) {
    const out: Partial<Record<Language, string>> = {};
    for (const [lang, text] of Object.entries(value)) {
      if (!(LANGUAGES as readonly string[]).includes(lang)) throw new ChecklistError(`${path}.${lang}`, `unknown language (one of ${LANGUAGES.join(', ')})`);
      if (typeof text !== 'string') throw new ChecklistError(`${path}.${lang}`, 'must be a string');
      if (opts.bounded && text.length > CHECKLIST_LIMITS.textLength) throw new ChecklistError(`${path}.${lang}`, `at most ${CHECKLIST_LIMITS.textLength} characters`);
      if (text.trim() !== '') out[lang as Language] = text;
    }
    if (required && Object.keys(out).length === 0) throw new ChecklistError(path, 'needs a text in at least one language');
    return out;
  }
  if (!required && value === undefined) return '';
  throw new ChecklistError(path, 'must be a string or an object of texts per language');
}

function key(value: unknown, path: string, opts: ChecklistParseOptions): string {
  if (!opts.bounded) {
    if (typeof value !== 'string' || value.trim() === '' || value.length > UNBOUNDED_KEY_LENGTH) throw new ChecklistError(path, `must be a non-empty string of at most ${UNBOUNDED_KEY_LENGTH} characters`);
    return value;
  }
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) throw new ChecklistError(path, 'must be 1-60 letters, digits, "_", "-" or "."');
  return value;
}

function passRule(value: unknown, path: string): PassRule {
  if (!isObject(value)) throw new ChecklistError(path, 'must be {"op": "lte"|"lt"|"gte"|"gt"|"eq", "value": number}');
  if (!(PASS_OPERATORS as readonly unknown[]).includes(value.op)) throw new ChecklistError(`${path}.op`, `one of ${PASS_OPERATORS.join(', ')}`);
  if (typeof value.value !== 'number' || !Number.isFinite(value.value)) throw new ChecklistError(`${path}.value`, 'must be a number');
  const unit = value.unit === undefined ? undefined : String(value.unit).slice(0, 40);
  return { op: value.op as PassOperator, value: value.value, ...(unit ? { unit } : {}) };
}

function item(value: unknown, path: string, opts: ChecklistParseOptions): ChecklistItem {
  if (!isObject(value)) throw new ChecklistError(path, 'must be an object');
  const answerType = value.answerType ?? 'yes_no';
  if (!(ANSWER_TYPES as readonly unknown[]).includes(answerType)) throw new ChecklistError(`${path}.answerType`, `one of ${ANSWER_TYPES.join(', ')}`);
  const scored = (SCORED_ANSWER_TYPES as readonly unknown[]).includes(answerType);
  const points = value.points ?? (scored ? undefined : 0);
  if (typeof points !== 'number' || !Number.isFinite(points) || points < 0 || (opts.bounded && points > CHECKLIST_LIMITS.maxPoints)) {
    throw new ChecklistError(`${path}.points`, opts.bounded ? `must be a number from 0 to ${CHECKLIST_LIMITS.maxPoints}` : 'must be a number, 0 or more');
  }
  if (!scored && points !== 0) throw new ChecklistError(`${path}.points`, `a ${String(answerType)} item earns no points (give 0)`);
  if (value.critical !== undefined && typeof value.critical !== 'boolean') throw new ChecklistError(`${path}.critical`, 'must be true or false');
  if (value.critical === true && !scored) throw new ChecklistError(`${path}.critical`, `a ${String(answerType)} item cannot be critical`);
  let standard: string | null = null;
  if (value.standard !== undefined && value.standard !== null && value.standard !== '') standard = key(value.standard, `${path}.standard`, opts);
  const rule = value.passRule === undefined || value.passRule === null ? null : passRule(value.passRule, `${path}.passRule`);
  if (answerType === 'number' && rule === null) throw new ChecklistError(`${path}.passRule`, 'a number item needs a pass rule');
  const evidence = value.evidence ?? 'none';
  if (!(EVIDENCE_KINDS as readonly unknown[]).includes(evidence)) throw new ChecklistError(`${path}.evidence`, `one of ${EVIDENCE_KINDS.join(', ')}`);
  return {
    key: key(value.key, `${path}.key`, opts),
    text: localizedText(value.text, `${path}.text`, true, opts),
    points,
    critical: value.critical === true,
    standard,
    answerType: answerType as AnswerType,
    passRule: answerType === 'number' ? rule : null,
    evidence: evidence as EvidenceKind,
  };
}

/**
 * Reads checklist JSON (already parsed) into a definition, or throws a ChecklistError naming the first
 * problem. Keys must be unique: section keys among sections, item keys across the whole checklist.
 */
export function parseChecklist(value: unknown, opts: ChecklistParseOptions = BOUNDED): ChecklistDefinition {
  if (!isObject(value)) throw new ChecklistError('checklist', 'must be a JSON object with "name" and "sections"');
  const name = localizedText(value.name, 'name', true, opts);
  if (!Array.isArray(value.sections) || value.sections.length === 0) throw new ChecklistError('sections', 'must be a non-empty array');
  if (opts.bounded && value.sections.length > CHECKLIST_LIMITS.sections) throw new ChecklistError('sections', `at most ${CHECKLIST_LIMITS.sections}`);
  const sectionKeys = new Set<string>();
  const itemKeys = new Set<string>();
  const sections = value.sections.map((raw, i): ChecklistSection => {
    const path = `sections[${i}]`;
    if (!isObject(raw)) throw new ChecklistError(path, 'must be an object');
    const sectionKey = key(raw.key, `${path}.key`, opts);
    if (sectionKeys.has(sectionKey)) throw new ChecklistError(`${path}.key`, `"${sectionKey}" is used twice`);
    sectionKeys.add(sectionKey);
    if (!Array.isArray(raw.items) || raw.items.length === 0) throw new ChecklistError(`${path}.items`, 'must be a non-empty array');
    if (opts.bounded && raw.items.length > CHECKLIST_LIMITS.itemsPerSection) throw new ChecklistError(`${path}.items`, `at most ${CHECKLIST_LIMITS.itemsPerSection}`);
    const items = raw.items.map((rawItem, j) => {
      const parsed = item(rawItem, `${path}.items[${j}]`, opts);
      if (itemKeys.has(parsed.key)) throw new ChecklistError(`${path}.items[${j}].key`, `"${parsed.key}" is used twice in the checklist`);
      itemKeys.add(parsed.key);
      return parsed;
    });
    return { key: sectionKey, name: localizedText(raw.name ?? sectionKey, `${path}.name`, true, opts), items };
  });
  return { name, sections };
}

/** Every item of a checklist in order, with its section's key. */
export function checklistItems(definition: ChecklistDefinition): (ChecklistItem & { sectionKey: string })[] {
  return definition.sections.flatMap((s) => s.items.map((i) => ({ ...i, sectionKey: s.key })));
}

/** A localized text in `lang`, else English, else the first one given. */
export function textIn(text: LocalizedText, lang: Language): string {
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en ?? Object.values(text).find((t) => t !== undefined) ?? '';
}

/**
 * The definition as checklist JSON (the API's export): the same shape `parseChecklist` reads, with the
 * defaults left out so a file written by hand round-trips unchanged.
 */
export function exportChecklist(definition: ChecklistDefinition): Record<string, unknown> {
  return {
    name: definition.name,
    sections: definition.sections.map((s) => ({
      key: s.key,
      name: s.name,
      items: s.items.map((i) => ({
        key: i.key,
        text: i.text,
        points: i.points,
        ...(i.critical ? { critical: true } : {}),
        ...(i.standard ? { standard: i.standard } : {}),
        ...(i.answerType !== 'yes_no' ? { answerType: i.answerType } : {}),
        ...(i.passRule ? { passRule: i.passRule } : {}),
        ...(i.evidence !== 'none' ? { evidence: i.evidence } : {}),
      })),
    })),
  };
}
