import { describe, expect, it } from 'vitest';
import {
  caseNumberInSubject, caseTitleOfLetter, cleanLetterText, cleanSubject, isAutomaticLetter, letterOpensCase, locationCodeOfLetter,
  mailboxIdentityChanged, mailboxRetryMinutes, MAX_LETTER_TEXT, referencedMessageIds, stripQuotedReply, syntheticMessageId,
} from './mailbox.ts';

const headers = (h: Record<string, string>) => (name: string) => h[name];

describe('letterOpensCase', () => {
  it('follows the policy', () => {
    expect(letterOpensCase('all', 'positive')).toBe(true);
    expect(letterOpensCase('all', null)).toBe(true);
    expect(letterOpensCase('negative', 'negative')).toBe(true);
    expect(letterOpensCase('negative', 'neutral')).toBe(false);
    expect(letterOpensCase('negative', null)).toBe(false);
    expect(letterOpensCase('none', 'negative')).toBe(false);
  });
});

describe('isAutomaticLetter', () => {
  it('skips auto-replies by their headers', () => {
    expect(isAutomaticLetter(headers({ 'auto-submitted': 'auto-replied' }), 'anna@example.com')).toBe(true);
    expect(isAutomaticLetter(headers({ 'auto-submitted': 'auto-generated' }), 'anna@example.com')).toBe(true);
    expect(isAutomaticLetter(headers({ 'x-autoreply': 'yes' }), 'anna@example.com')).toBe(true);
    expect(isAutomaticLetter(headers({ 'x-autorespond': '' }), 'anna@example.com')).toBe(true);
    expect(isAutomaticLetter(headers({ precedence: 'bulk' }), 'anna@example.com')).toBe(true);
    expect(isAutomaticLetter(headers({ precedence: 'auto_reply' }), 'anna@example.com')).toBe(true);
    expect(isAutomaticLetter(headers({ 'content-type': 'multipart/report; report-type=delivery-status' }), 'anna@example.com')).toBe(true);
  });
  it('skips bounces by their sender', () => {
    expect(isAutomaticLetter(headers({}), 'MAILER-DAEMON@mx.example.com')).toBe(true);
    expect(isAutomaticLetter(headers({}), 'postmaster@example.com')).toBe(true);
    expect(isAutomaticLetter(headers({}), 'no-reply@shop.example')).toBe(true);
    expect(isAutomaticLetter(headers({}), 'noreply@shop.example')).toBe(true);
  });
  it('keeps letters people wrote', () => {
    expect(isAutomaticLetter(headers({ 'auto-submitted': 'no' }), 'anna@example.com')).toBe(false);
    expect(isAutomaticLetter(headers({ 'content-type': 'multipart/alternative' }), 'anna@example.com')).toBe(false);
    expect(isAutomaticLetter(headers({}), 'replying.customer@example.com')).toBe(false);
    expect(isAutomaticLetter(headers({}), 'postmasterfan@example.com')).toBe(false);
  });
});

describe('referencedMessageIds', () => {
  it('collects ids from In-Reply-To and References, once each', () => {
    expect(referencedMessageIds('<a@x>', '<b@x> <a@x>')).toEqual(['<a@x>', '<b@x>']);
    expect(referencedMessageIds(null, ['<c@x>', '<d@x>'])).toEqual(['<c@x>', '<d@x>']);
    expect(referencedMessageIds(undefined, undefined)).toEqual([]);
    expect(referencedMessageIds('not an id', null)).toEqual([]);
  });
});

describe('caseNumberInSubject', () => {
  it('reads [#n]', () => {
    expect(caseNumberInSubject('Re: [#42] Your complaint')).toBe(42);
    expect(caseNumberInSubject('Re: [42] no hash')).toBe(null);
    expect(caseNumberInSubject(null)).toBe(null);
  });
});

describe('locationCodeOfLetter', () => {
  it('prefers a code in the subject', () => {
    expect(locationCodeOfLetter('[M-01] Cold coffee', ['feedback+M-02@shop.example'])).toBe('M-01');
  });
  it('ignores case numbers in brackets', () => {
    expect(locationCodeOfLetter('Re: [#12] Cold coffee', [])).toBe(null);
    expect(locationCodeOfLetter('Re: [#12] [M-03] Cold coffee', [])).toBe('M-03');
  });
  it('falls back to the address tag', () => {
    expect(locationCodeOfLetter('Cold coffee', ['other@shop.example', 'feedback+M-02@shop.example'])).toBe('M-02');
    expect(locationCodeOfLetter('Cold coffee', ['feedback@shop.example'])).toBe(null);
  });
});

describe('cleanSubject', () => {
  it('drops reply prefixes and markers', () => {
    expect(cleanSubject('Re: RE: Fwd: [#5] [M-01]  Cold   coffee')).toBe('Cold coffee');
    expect(cleanSubject('Отв: Жалоба')).toBe('Жалоба');
    expect(cleanSubject('پاسخ: شکایت')).toBe('شکایت');
    expect(cleanSubject(undefined)).toBe('');
  });
});

describe('cleanLetterText', () => {
  it('unifies line ends, drops junk characters and squeezes blank lines', () => {
    expect(cleanLetterText('Hello\r\n\r\n\r\n\r\nworld\u0000\ufffd  \r\nbye')).toEqual({ text: 'Hello\n\nworld\nbye', truncated: false });
  });
  it('cuts long texts', () => {
    const r = cleanLetterText('a'.repeat(MAX_LETTER_TEXT + 5));
    expect(r.truncated).toBe(true);
    expect(r.text.length).toBe(20_000);
  });
});

describe('stripQuotedReply', () => {
  it('cuts the quoted letter after an attribution line', () => {
    expect(stripQuotedReply('Thanks, it works now.\n\nOn Mon, 1 Dec 2026 at 10:00, Shop <care@shop.example> wrote:\n> We are sorry')).toBe('Thanks, it works now.');
    expect(stripQuotedReply('Спасибо!\n\n1 дек. 2026 г., 10:00, Магазин <care@shop.example> написал:\n> Извините')).toBe('Спасибо!');
    expect(stripQuotedReply('Yes\n-----Original Message-----\nFrom: x')).toBe('Yes');
  });
  it('drops quoted lines in between', () => {
    expect(stripQuotedReply('> question?\nanswer')).toBe('answer');
  });
  it('keeps a reply that is only a quote', () => {
    expect(stripQuotedReply('> only quoted')).toBe('> only quoted');
  });
});

describe('caseTitleOfLetter', () => {
  it('uses the subject, then the text, then the fallback', () => {
    expect(caseTitleOfLetter('Re: [M-01] Rude cashier', 'text', 'Letter')).toBe('Rude cashier');
    expect(caseTitleOfLetter('', '  The   coffee was cold ', 'Letter')).toBe('The coffee was cold');
    expect(caseTitleOfLetter(null, '', 'Letter')).toBe('Letter');
    const long = caseTitleOfLetter('x'.repeat(200), '', 'Letter');
    expect(long.length).toBe(120);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('syntheticMessageId', () => {
  it('is a valid id built from the digest', () => {
    expect(syntheticMessageId('ab'.repeat(32))).toBe(`<sarafan-${'ab'.repeat(20)}@feedback.invalid>`);
  });
});

describe('mailboxRetryMinutes', () => {
  it('doubles up to an hour', () => {
    expect([0, 1, 2, 3, 4, 7, 8, 30].map(mailboxRetryMinutes)).toEqual([0, 1, 2, 4, 8, 60, 60, 60]);
  });
});

describe('mailboxIdentityChanged', () => {
  const base = { host: 'imap.example.com', port: 993, username: 'fb', folder: 'INBOX' };
  it('notices another host, port, user or folder', () => {
    expect(mailboxIdentityChanged(base, { ...base, host: 'IMAP.example.com' })).toBe(false);
    expect(mailboxIdentityChanged(base, { ...base, host: 'mail.example.com' })).toBe(true);
    expect(mailboxIdentityChanged(base, { ...base, port: 143 })).toBe(true);
    expect(mailboxIdentityChanged(base, { ...base, username: 'other' })).toBe(true);
    expect(mailboxIdentityChanged(base, { ...base, folder: 'Feedback' })).toBe(true);
  });
});
