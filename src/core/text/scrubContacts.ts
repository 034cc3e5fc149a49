/**
 * @module Removes contact details from free text before it leaves the organisation in a report or a shared view
 * (docs/reports.md "Comments"): e-mail addresses, phone numbers in the forms people write them in en / ru / fa
 * (+7 (912) 345-67-89, 8 912 345 67 89, ۰۹۱۲ ۳۴۵ ۶۷۸۹, +98 912 345 6789) and card-like numbers (13 to 19 digits).
 * Errs on the side of removing: any run of 7 to 12 digits with the separators phones use counts as a phone,
 * except a date written 2026-11-03. Latin, Persian and Arabic-Indic digits alike. Pure.
 */
import { asciiDigits } from '../contacts/normalize.ts';

/** What stands in for a removed detail. */
export const SCRUBBED = { email: '[email]', phone: '[phone]', card: '[card]' } as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const DIGIT = '[0-9\\u06F0-\\u06F9\\u0660-\\u0669]';
/** A run of digits with phone separators (spaces, dashes, dots, brackets), perhaps after "+" or "(". */
const NUMBER_RUN = new RegExp(`(?<!\\p{N})(?:\\+\\s?|\\()?${DIGIT}(?:[\\s().-]{0,2}${DIGIT}){6,18}(?!\\p{N})`, 'gu');
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `text` with e-mail addresses, phone numbers and card-like numbers replaced by SCRUBBED's marks. */
export function scrubContacts(text: string): string {
  return text.replace(EMAIL, SCRUBBED.email).replace(NUMBER_RUN, (run) => {
    const ascii = asciiDigits(run);
    if (ISO_DAY.test(ascii)) return run;
    const digits = ascii.replace(/\D/g, '').length;
    return digits >= 13 ? SCRUBBED.card : SCRUBBED.phone;
  });
}
