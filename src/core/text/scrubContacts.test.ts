import { describe, expect, it } from 'vitest';
import { scrubContacts } from './scrubContacts.ts';

describe('scrubContacts', () => {
  it('removes e-mail addresses, also with Cyrillic and Persian around them', () => {
    expect(scrubContacts('Write me at ivan.petrov@mail.ru please')).toBe('Write me at [email] please');
    expect(scrubContacts('пишите: anna_k+shop@yandex.com.')).toBe('пишите: [email].');
    expect(scrubContacts('ایمیل من ali.rezaei@gmail.com است')).toBe('ایمیل من [email] است');
  });

  it('removes phone numbers in Russian, Iranian and US forms, Persian digits too', () => {
    expect(scrubContacts('Звоните +7 (912) 345-67-89 или 8 912 345 67 89')).toBe('Звоните [phone] или [phone]');
    expect(scrubContacts('شماره من ۰۹۱۲ ۳۴۵ ۶۷۸۹ است')).toBe('شماره من [phone] است');
    expect(scrubContacts('تماس: +98 912 345 6789')).toBe('تماس: [phone]');
    expect(scrubContacts('call (555) 123-4567 now')).toBe('call [phone] now');
    expect(scrubContacts('٠٩١٢٣٤٥٦٧٨٩')).toBe('[phone]');
  });

  it('removes card-like numbers of 13 to 19 digits', () => {
    expect(scrubContacts('card 4111 1111 1111 1111 thanks')).toBe('card [card] thanks');
    expect(scrubContacts('کارت ۶۰۳۷-۹۹۷۱-۲۳۴۵-۶۷۸۹')).toBe('کارت [card]');
    expect(scrubContacts('4111111111111')).toBe('[card]');
  });

  it('keeps dates, prices and short numbers', () => {
    const kept = 'Visited on 2026-11-03, paid 350, waited 15 minutes in room 12; ۱۴۰۵/۰۸/۱۲ ساعت ۱۰';
    expect(scrubContacts(kept)).toBe(kept);
    expect(scrubContacts('заказ 123456 пришёл')).toBe('заказ 123456 пришёл');
  });
});
