/**
 * @module The typed free attributes of contacts (table contact_attributes): their definitions and how
 * a written value (a CSV cell, a JSON value) becomes a stored one. Pure.
 */
import { isCalendarDay } from '../time/orgCalendar.ts';
import { hiddenKeyProblem } from '../responses/hiddenFields.ts';
import { asciiDigits } from './normalize.ts';

export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'choice'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** Keys the contact itself uses: an attribute by one of these names would shadow a field. */
export const CONTACT_FIELD_KEYS = ['email', 'phone', 'name', 'language', 'external_id', 'location', 'segment', 'time_zone'] as const;

export interface AttributeDef {
  /** The hidden-field key rule (1-40 of a-z, 0-9, _): a dimension attribute becomes a hidden field by this key. */
  key: string;
  label: string;
  type: AttributeType;
  /** The allowed values of a `choice` attribute (empty for other types). */
  choices: string[];
  /** Copied into the hidden fields of a personal-link response, and so usable as a dashboard dimension. */
  dimension: boolean;
}

/** A stored attribute value: text and choice as text, number as a number, date as YYYY-MM-DD. */
export type AttributeValue = string | number;

export const MAX_TEXT_ATTRIBUTE = 500;
export const MAX_CHOICES = 100;

export type AttributeProblem = 'not_a_number' | 'not_a_date' | 'not_a_choice' | 'too_long';

export type AttributeResult = { ok: true; value: AttributeValue } | { ok: false; problem: AttributeProblem };

/** Why `key` cannot name an attribute (the hidden-field key rule, and not a contact field), or null. */
export function attributeKeyProblem(key: string): 'empty' | 'format' | 'reserved' | null {
  const problem = hiddenKeyProblem(key);
  if (problem) return problem;
  if (key !== key.toLowerCase()) return 'format';
  return (CONTACT_FIELD_KEYS as readonly string[]).includes(key) ? 'reserved' : null;
}

/** "1 234,5" / "1234.5" / "۱۲" as a finite number, or null. */
export function parseNumber(raw: string): number | null {
  let text = asciiDigits(raw).trim().replace(/[\s\u00A0\u202F']/g, '').replace(/\u066B/g, '.');
  if (/^-?\d+,\d+$/.test(text)) text = text.replace(',', '.');
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** YYYY-MM-DD, or DD.MM.YYYY (how dates are written in Russian), as YYYY-MM-DD when it is a real day; else null. */
export function parseDate(raw: string): string | null {
  const text = asciiDigits(raw).trim();
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = dotted ? `${dotted[3]}-${dotted[2].padStart(2, '0')}-${dotted[1].padStart(2, '0')}` : text;
  return isCalendarDay(iso) ? iso : null;
}

/**
 * The stored value of `raw` for the attribute `def`. Text is trimmed and at most 500 characters; a number
 * may be a JSON number or a written one; a choice must be one of the choices (compared ignoring case, stored
 * as defined). An empty value is not validated here: the caller leaves the attribute out.
 */
export function validateAttributeValue(def: Pick<AttributeDef, 'type' | 'choices'>, raw: string | number): AttributeResult {
  switch (def.type) {
    case 'number': {
      const n = typeof raw === 'number' ? (Number.isFinite(raw) ? raw : null) : parseNumber(raw);
      return n === null ? { ok: false, problem: 'not_a_number' } : { ok: true, value: n };
    }
    case 'date': {
      const day = parseDate(String(raw));
      return day === null ? { ok: false, problem: 'not_a_date' } : { ok: true, value: day };
    }
    case 'choice': {
      const text = String(raw).trim().toLowerCase();
      const choice = def.choices.find((c) => c.toLowerCase() === text);
      return choice === undefined ? { ok: false, problem: 'not_a_choice' } : { ok: true, value: choice };
    }
    default: {
      const text = String(raw).trim();
      return text.length > MAX_TEXT_ATTRIBUTE ? { ok: false, problem: 'too_long' } : { ok: true, value: text };
    }
  }
}

/** Words for an attribute problem, in the API's English messages. */
export function attributeProblemText(problem: AttributeProblem, def: Pick<AttributeDef, 'choices'>): string {
  switch (problem) {
    case 'not_a_number':
      return 'not a number';
    case 'not_a_date':
      return 'not a date (use YYYY-MM-DD)';
    case 'not_a_choice':
      return `not one of: ${def.choices.join(', ')}`;
    default:
      return `longer than ${MAX_TEXT_ATTRIBUTE} characters`;
  }
}
