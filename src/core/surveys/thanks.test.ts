import { describe, expect, it } from 'vitest';
import { thanksWithoutHeading } from './thanks.ts';

describe('thanksWithoutHeading', () => {
  it('drops a first sentence that repeats the heading', () => {
    expect(thanksWithoutHeading('Thank you! Your answer goes straight to the store team.', 'Thank you!')).toBe(
      'Your answer goes straight to the store team.',
    );
    expect(thanksWithoutHeading('Спасибо! Ваш ответ сразу попадёт к команде магазина.', 'Спасибо!')).toBe('Ваш ответ сразу попадёт к команде магазина.');
  });

  it('treats the Persian word with and without its zero-width non-joiner as the same', () => {
    expect(thanksWithoutHeading('سپاس‌گزاریم! پاسخ شما مستقیماً به تیم فروشگاه می‌رسد.', 'سپاسگزاریم!')).toBe('پاسخ شما مستقیماً به تیم فروشگاه می‌رسد.');
  });

  it('is empty when the text only repeats the heading, whatever the punctuation and case', () => {
    expect(thanksWithoutHeading('thank you.', 'Thank you!')).toBe('');
  });

  it('keeps texts that merely start with the same words', () => {
    expect(thanksWithoutHeading('Thank you for your time.', 'Thank you!')).toBe('Thank you for your time.');
    expect(thanksWithoutHeading('Thanks for helping us improve.', 'Thank you!')).toBe('Thanks for helping us improve.');
  });
});
