import { describe, expect, it } from 'vitest';
import { defaultSmsBody, providerIdOf, smsBody, smsTemplateProblem } from './smsBody.ts';
import { smsInvitationText } from './messages.ts';

const v = { to: '+79161234567', text: 'Оцените визит: https://x.test/i/a', from: 'Shop' };

describe('SMS body', () => {
  it('is the fixed shape without a template, without "from" when there is no sender', () => {
    expect(smsBody(null, v)).toEqual({ to: '+79161234567', from: 'Shop', text: 'Оцените визит: https://x.test/i/a' });
    expect(defaultSmsBody({ ...v, from: '' })).toEqual({ to: '+79161234567', text: 'Оцените визит: https://x.test/i/a' });
  });

  it('fills placeholders inside strings at any depth, several in one string, leaving numbers and booleans', () => {
    const t = '{"a": {"b": ["{to}", "Hi {text} from {from}"]}, "n": 1, "ok": true, "x": null}';
    expect(smsBody(t, v)).toEqual({ a: { b: ['+79161234567', 'Hi Оцените визит: https://x.test/i/a from Shop'] }, n: 1, ok: true, x: null });
  });

  it('cannot be broken out of by quotes, backslashes or braces in a value', () => {
    const body = smsBody('{"to": "{to}", "msg": "{text}"}', { to: '"},"evil":"', text: '\\"{from}', from: 'F' });
    expect(body).toEqual({ to: '"},"evil":"', msg: '\\"{from}' });
  });

  it('refuses templates that are not a JSON object or lack {to} or {text}', () => {
    expect(smsTemplateProblem('{"to": "{to}", "text": "{text}"}')).toBeNull();
    expect(smsTemplateProblem('{"to": "{to}"')).toBe('the template is not valid JSON');
    expect(smsTemplateProblem('["{to}", "{text}"]')).toBe('the template must be a JSON object');
    expect(smsTemplateProblem('"{to}{text}"')).toBe('the template must be a JSON object');
    expect(smsTemplateProblem('{"text": "{text}"}')).toBe('the template has no {to} placeholder');
    expect(smsTemplateProblem('{"to": "{to}"}')).toBe('the template has no {text} placeholder');
    expect(() => smsBody('{"to": 1}', v)).toThrow('the template has no {to} placeholder');
  });

  it('writes the invitation or the reminder with the personal link and the opt-out link', () => {
    const m = { orgName: 'Shop', link: 'https://x.test/i/a', unsubscribeUrl: 'https://x.test/u/b' };
    expect(smsInvitationText('en', { ...m, seq: 0 })).toBe('Shop: how was your experience? Answer in a minute: https://x.test/i/a\nOpt out: https://x.test/u/b');
    expect(smsInvitationText('ru', { ...m, seq: 1 })).toBe('Shop: напоминаем, нам важно ваше мнение: https://x.test/i/a\nОтписаться: https://x.test/u/b');
    expect(smsInvitationText('fa', { ...m, seq: 0, unsubscribeUrl: '' })).toBe('Shop: تجربهٔ شما چطور بود؟ در یک دقیقه پاسخ دهید: https://x.test/i/a');
  });

  it('reads a provider id from the common answer fields', () => {
    expect(providerIdOf({ id: 'abc' })).toBe('abc');
    expect(providerIdOf({ message_id: 12 })).toBe('12');
    expect(providerIdOf({ messageId: 'm' })).toBe('m');
    expect(providerIdOf({ sid: 'SM1' })).toBe('SM1');
    expect(providerIdOf({ status: 'ok' })).toBeUndefined();
    expect(providerIdOf({ id: { nested: 1 } })).toBeUndefined();
    expect(providerIdOf('text')).toBeUndefined();
    expect(providerIdOf(null)).toBeUndefined();
  });
});
