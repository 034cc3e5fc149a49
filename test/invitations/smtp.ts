/**
 * A local SMTP server for the invitation tests (the only stand-in: everything else is real). It keeps
 * every message it ACCEPTED (answered 250 to); a test may hold a message before answering, or refuse it.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  raw: string;
  messageId: string;
}

/** What to answer to a message that arrived in full: accept (250), refuse for good (550) or for now (451). */
export type Verdict = 'accept' | 'permanent' | 'temporary';

export interface TestSmtp {
  url: string;
  /** Messages answered with 250, in order. */
  accepted: ReceivedMail[];
  /** Every message that arrived in full, whatever the answer. */
  arrived: ReceivedMail[];
  close(): Promise<void>;
}

export async function startTestSmtp(decide: (mail: ReceivedMail, index: number) => Verdict | Promise<Verdict> = () => 'accept'): Promise<TestSmtp> {
  const accepted: ReceivedMail[] = [];
  const arrived: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail = { to: session.envelope.rcptTo.map((r) => r.address).join(','), raw, messageId: /^message-id:\s*(\S+)/im.exec(raw)?.[1] ?? '' };
        const index = arrived.push(mail) - 1;
        const verdict = await decide(mail, index);
        if (verdict === 'accept') {
          accepted.push(mail);
          callback();
        } else {
          const err = Object.assign(new Error(verdict === 'permanent' ? 'No such mailbox' : 'Try again later'), { responseCode: verdict === 'permanent' ? 550 : 451 });
          callback(err);
        }
      });
    },
  });
  smtp.on('error', () => {});
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, accepted, arrived, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

/** A part of a multipart message, decoded (nodemailer writes base64 or quoted-printable). */
export function mailPart(raw: string, type: 'text/plain' | 'text/html'): string {
  const parts = raw.split(/\r?\n--[^\r\n]+/);
  const part = parts.find((p) => new RegExp(`content-type:\\s*${type.replace('/', '\\/')}`, 'i').test(p));
  return part ? decodeEntity(part) : '';
}

/** The body of a single-part message (or of one part: headers, blank line, body), decoded. */
export function decodeEntity(entity: string): string {
  const [head, ...rest] = entity.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}
