/**
 * @module How a contact's identifiers are stored: e-mail lower-cased, phone in E.164 (`+` and digits,
 * libphonenumber-js), and the default country a number without `+` is read in. Pure.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/** Persian (U+06F0..) and Arabic-Indic (U+0660..) digits as ASCII, so "۰۹۱۲…" reads like "0912…". */
export function asciiDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

// A pragmatic address check (RFC 5322 is far wider): one @, a dot in the domain, no spaces; at most 254 characters (RFC 5321).
const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** The stored form of an e-mail address (trimmed, lower-cased), or null when it is not one. */
export function normalizeEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !EMAIL_RE.test(email)) return null;
  return email;
}

/**
 * The E.164 form of a phone number (`+79161234567`), or null when it is not a valid number. A number
 * written without `+` (or `00`) is read as a number of `defaultCountry`; with no default country such a
 * number is refused (it could belong to any country).
 */
export function normalizePhone(raw: string, defaultCountry: string | null): string | null {
  let text = asciiDigits(raw).trim();
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  if (!/^\+?[\d\s().\-/]{4,40}$/.test(text)) return null;
  const country = defaultCountry && isPhoneCountry(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  if (!text.startsWith('+') && !country) return null;
  const parsed = parsePhoneNumberFromString(text, country);
  return parsed && parsed.isValid() ? parsed.number : null;
}

/** Two capital letters: an ISO 3166-1 alpha-2 code libphonenumber-js may know. */
export function isPhoneCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code);
}

// The zones of the countries Sarafan's users are in most; anything else has no default (write numbers with +).
const ZONE_COUNTRY: Record<string, string> = {
  'Europe/Moscow': 'RU', 'Europe/Samara': 'RU', 'Europe/Volgograd': 'RU', 'Europe/Kaliningrad': 'RU', 'Asia/Yekaterinburg': 'RU',
  'Asia/Omsk': 'RU', 'Asia/Novosibirsk': 'RU', 'Asia/Krasnoyarsk': 'RU', 'Asia/Irkutsk': 'RU', 'Asia/Yakutsk': 'RU',
  'Asia/Vladivostok': 'RU', 'Asia/Magadan': 'RU', 'Asia/Kamchatka': 'RU', 'Asia/Tehran': 'IR', 'Asia/Kabul': 'AF',
  'Asia/Dushanbe': 'TJ', 'Asia/Almaty': 'KZ', 'Asia/Tashkent': 'UZ', 'Europe/Minsk': 'BY', 'Europe/Kiev': 'UA', 'Europe/Kyiv': 'UA',
  'Asia/Baku': 'AZ', 'Asia/Yerevan': 'AM', 'Asia/Tbilisi': 'GE', 'Asia/Bishkek': 'KG', 'Europe/London': 'GB', 'Europe/Berlin': 'DE',
  'Europe/Paris': 'FR', 'America/New_York': 'US', 'America/Chicago': 'US', 'America/Denver': 'US', 'America/Los_Angeles': 'US',
  'Asia/Dubai': 'AE', 'Europe/Istanbul': 'TR',
};

/** The default phone country of an organisation: its time zone's country when that is unambiguous here, else null. */
export function defaultPhoneCountry(timeZone: string | null | undefined): string | null {
  return (timeZone && ZONE_COUNTRY[timeZone]) || null;
}
