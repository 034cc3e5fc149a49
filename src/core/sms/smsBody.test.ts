import { describe, expect, it } from 'vitest';
import { defaultSmsBody, providerIdOf, smsBody, smsInvitationText, smsTemplateProblem } from './smsBody.ts';

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

  it('adds the personal link to the invitation text once', () => {
    expect(smsInvitationText('How was it?', 'https://x.test/i/a')).toBe('How was it? https://x.test/i/a');
    expect(smsInvitationText('Answer at https://x.test/i/a please', 'https://x.test/i/a')).toBe('Answer at https://x.test/i/a please');
    expect(smsInvitationText('  ', 'https://x.test/i/a')).toBe('https://x.test/i/a');
    expect(smsInvitationText(' Hi ', '')).toBe('Hi');
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
