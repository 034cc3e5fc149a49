/**
 * @module A contact's fields as written (an API body, an import row) and as stored: normalisation and
 * validation in one place, used by the API's create and update, the import planner and the demo. Pure.
 */
import { isLanguage, type Language } from '../i18n/languages.ts';
import { isTimeZone } from '../time/timeZone.ts';
import { attributeProblemText, MAX_TEXT_ATTRIBUTE, validateAttributeValue, type AttributeDef, type AttributeValue } from './attributes.ts';
import { normalizeEmail, normalizePhone } from './normalize.ts';

/** The stored fields of a contact (null = not known). */
export interface ContactFields {
  email: string | null;
  phone: string | null;
  name: string | null;
  language: Language | null;
  externalId: string | null;
  locationId: string | null;
  segment: string | null;
  timeZone: string | null;
  attributes: Record<string, AttributeValue>;
}

/** The written form: every field optional; for the plain fields an empty string or null means "no value". */
export interface ContactInput {
  email?: string | null;
  phone?: string | null;
  name?: string | null;
  language?: string | null;
  externalId?: string | null;
  locationId?: string | null;
  segment?: string | null;
  timeZone?: string | null;
  /** By attribute key; an empty string or null removes the attribute. */
  attributes?: Record<string, string | number | null>;
}

/** Why a value is refused, for translations (the dashboard words each code; `reason` is the English). */
export type ProblemCode =
  | 'too_long' | 'not_an_email' | 'not_a_phone' | 'not_a_phone_intl' | 'not_a_language' | 'not_a_time_zone' | 'no_such_attribute'
  | 'not_a_number' | 'not_a_date' | 'not_a_choice' | 'no_location' | 'no_identifier' | 'two_contacts' | 'outside_scope' | 'needs_location';

/** One refused field: `field` is a contact field or `attributes.<key>`; `vars` fill the code's message. */
export interface FieldProblem {
  field: string;
  code: ProblemCode;
  reason: string;
  vars?: Record<string, string | number>;
}

export interface NormalizeOptions {
  attributeDefs: readonly AttributeDef[];
  /** Country of numbers written without + (normalize.ts defaultPhoneCountry). */
  defaultCountry: string | null;
}

/** What a written contact becomes: the given fields normalised (null = clear), attributes to set and to remove. */
export interface NormalizedContact {
  fields: Partial<Omit<ContactFields, 'attributes'>>;
  attributes: Record<string, AttributeValue>;
  removeAttributes: string[];
  problems: FieldProblem[];
}

export const MAX_NAME = 200;
export const MAX_SEGMENT = 100;
export const MAX_EXTERNAL_ID = 200;

const empty = (v: unknown): v is null | undefined | '' => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * Normalises the fields present in `input`: e-mail lower-cased, phone to E.164, texts trimmed, language
 * one of en/ru/fa (any case), time zone an IANA zone, attributes by their definitions (unknown keys refused).
 * `locationId` is passed through (the caller checks it exists and is in scope).
 */
export function normalizeContact(input: ContactInput, opts: NormalizeOptions): NormalizedContact {
  const out: NormalizedContact = { fields: {}, attributes: {}, removeAttributes: [], problems: [] };
  const problem = (field: string, code: ProblemCode, reason: string, vars?: Record<string, string | number>) =>
    out.problems.push({ field, code, reason, ...(vars ? { vars } : {}) });
  const text = (field: 'name' | 'segment' | 'externalId', max: number) => {
    const raw = input[field];
    if (raw === undefined) return;
    const value = empty(raw) ? null : raw.trim().replace(/\s+/g, ' ');
    if (value !== null && value.length > max) problem(field, 'too_long', `longer than ${max} characters`, { max });
    else out.fields[field] = value;
  };
  if (input.email !== undefined) {
    const email = empty(input.email) ? null : normalizeEmail(input.email);
    if (!empty(input.email) && email === null) problem('email', 'not_an_email', 'not an e-mail address');
    else out.fields.email = email;
  }
  if (input.phone !== undefined) {
    const phone = empty(input.phone) ? null : normalizePhone(input.phone, opts.defaultCountry);
    if (!empty(input.phone) && phone === null) {
      if (opts.defaultCountry) problem('phone', 'not_a_phone', `not a phone number (of ${opts.defaultCountry}, or with +country code)`, { country: opts.defaultCountry });
      else problem('phone', 'not_a_phone_intl', 'not a phone number (write it with + and the country code)');
    } else out.fields.phone = phone;
  }
  text('name', MAX_NAME);
  text('segment', MAX_SEGMENT);
  text('externalId', MAX_EXTERNAL_ID);
  if (input.language !== undefined) {
    const lang = empty(input.language) ? null : input.language.trim().toLowerCase();
    if (lang !== null && !isLanguage(lang)) problem('language', 'not_a_language', 'not one of en, ru, fa');
    else out.fields.language = lang;
  }
  if (input.timeZone !== undefined) {
    const tz = empty(input.timeZone) ? null : input.timeZone.trim();
    if (tz !== null && !isTimeZone(tz)) problem('timeZone', 'not_a_time_zone', 'not an IANA time zone (e.g. Europe/Moscow)');
    else out.fields.timeZone = tz;
  }
  if (input.locationId !== undefined) out.fields.locationId = empty(input.locationId) ? null : input.locationId;
  for (const [key, raw] of Object.entries(input.attributes ?? {})) {
    const def = opts.attributeDefs.find((d) => d.key === key);
    if (!def) {
      problem(`attributes.${key}`, 'no_such_attribute', 'no such attribute');
      continue;
    }
    if (empty(raw)) {
      out.removeAttributes.push(key);
      continue;
    }
    const result = validateAttributeValue(def, raw);
    if (result.ok) out.attributes[key] = result.value;
    else if (result.problem === 'too_long') problem(`attributes.${key}`, 'too_long', attributeProblemText(result.problem, def), { max: MAX_TEXT_ATTRIBUTE });
    else problem(`attributes.${key}`, result.problem, attributeProblemText(result.problem, def), result.problem === 'not_a_choice' ? { choices: def.choices.join(', ') } : undefined);
  }
  return out;
}

/** True when the contact can be told apart from others: an e-mail, a phone or an external id. */
export function hasIdentifier(c: Pick<ContactFields, 'email' | 'phone' | 'externalId'>): boolean {
  return c.email !== null || c.phone !== null || c.externalId !== null;
}

/** A contact as the API answers it (the unsubscribe token is not part of it). */
export interface Contact extends ContactFields {
  id: string;
  /** ISO instant of the opt-out, or null. */
  unsubscribedAt: string | null;
  /** ISO instant of the erasure (personal fields are null then), or null. */
  erasedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
