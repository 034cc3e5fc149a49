import { describe, expect, it } from 'vitest';
import { asciiDigits, defaultPhoneCountry, normalizeEmail, normalizePhone } from './normalize.ts';

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Anna.Petrova@Example.RU ')).toBe('anna.petrova@example.ru');
    expect(normalizeEmail('reza+nps@mail.ir')).toBe('reza+nps@mail.ir');
  });
  it('refuses what is not an address', () => {
    for (const bad of ['', 'anna', 'anna@', '@example.ru', 'anna@example', 'an na@example.ru', 'a@b@c.ru', `${'a'.repeat(250)}@x.ru`]) {
      expect(normalizeEmail(bad)).toBeNull();
    }
  });
});

describe('normalizePhone', () => {
  it('writes Russian numbers in E.164 from the national forms', () => {
    expect(normalizePhone('8 (916) 123-45-67', 'RU')).toBe('+79161234567');
    expect(normalizePhone('+7 916 123 45 67', null)).toBe('+79161234567');
    expect(normalizePhone('0079161234567', null)).toBe('+79161234567');
  });
  it('reads Persian digits and Iranian national numbers', () => {
    expect(normalizePhone('۰۹۱۲ ۳۴۵ ۶۷۸۹', 'IR')).toBe('+989123456789');
    expect(normalizePhone('+98 912 345 6789', 'RU')).toBe('+989123456789');
  });
  it('refuses a national number without a default country, and non-numbers', () => {
    expect(normalizePhone('8 916 123-45-67', null)).toBeNull();
    expect(normalizePhone('call me', 'RU')).toBeNull();
    expect(normalizePhone('123', 'RU')).toBeNull();
    expect(normalizePhone('+7 916 123', null)).toBeNull();
  });
  it('asciiDigits maps Persian and Arabic-Indic digits', () => {
    expect(asciiDigits('۱۲۳٤٥')).toBe('12345');
  });
});

describe('defaultPhoneCountry', () => {
  it('takes the country of a known zone, none otherwise', () => {
    expect(defaultPhoneCountry('Europe/Moscow')).toBe('RU');
    expect(defaultPhoneCountry('Asia/Tehran')).toBe('IR');
    expect(defaultPhoneCountry('UTC')).toBeNull();
    expect(defaultPhoneCountry(null)).toBeNull();
  });
});
