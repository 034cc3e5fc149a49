import { describe, expect, it } from 'vitest';
import { parseDsn } from './dsn.ts';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const dsn = (action: string, status: string | null, messageId = `<${ID}.0@sarafan.invalid>`) => [
  'From: MAILER-DAEMON@mx.example.org',
  'Subject: Undelivered Mail Returned to Sender',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
  '',
  '--b',
  'Content-Type: text/plain',
  '',
  'I\'m sorry to have to inform you that your message could not be delivered.',
  '--b',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.org',
  '',
  'Final-Recipient: rfc822; anna@example.org',
  `Action: ${action}`,
  ...(status ? [`Status: ${status}`] : []),
  'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
  '--b',
  'Content-Type: text/rfc822-headers',
  '',
  'From: Sarafan <no-reply@sarafan.invalid>',
  `Message-ID: ${messageId}`,
  'Subject: Your visit',
  '--b--',
].join('\r\n');

describe('parseDsn', () => {
  it('reads a permanent failure and the invitation from the returned Message-ID', () => {
    expect(parseDsn(dsn('failed', '5.1.1'))).toEqual({ failed: true, status: '5.1.1', invitationIds: [ID] });
  });
  it('takes a reminder (seq 2) as its invitation, upper case ids too', () => {
    expect(parseDsn(dsn('failed', '5.2.2', `<${ID.toUpperCase()}.2@sarafan.invalid>`)).invitationIds).toEqual([ID]);
  });
  it('is not a bounce when delayed, delivered, or failed only for now (4.x.x)', () => {
    expect(parseDsn(dsn('delayed', '4.4.7')).failed).toBe(false);
    expect(parseDsn(dsn('delivered', '2.0.0')).failed).toBe(false);
    expect(parseDsn(dsn('failed', '4.2.2'))).toEqual({ failed: false, status: null, invitationIds: [ID] });
  });
  it('counts a failure without a status as permanent', () => {
    expect(parseDsn(dsn('failed', null)).failed).toBe(true);
  });
  it('names no invitation for a message of someone else', () => {
    expect(parseDsn(dsn('failed', '5.1.1', '<abc@other.example>')).invitationIds).toEqual([]);
  });
});
