/**
 * The generic SMS gateway adapter: one HTTP POST of a JSON body (the organisation's template, or the
 * fixed shape of src/core/sms/smsBody.ts) to the organisation's provider URL, with its auth header.
 * Every attempt is logged in sms_messages with the provider's answer; a refusal (non-2xx) or a network
 * failure throws, so the invitations pipeline records the failure and retries.
 */
import type { Queryable } from '../../db/connection.ts';
import { getSmsSettings, recordSmsMessage } from '../../db/sms/smsSettings.ts';
import { providerIdOf, smsBody } from '../../core/sms/smsBody.ts';
import { smsInvitationText } from '../../core/sms/messages.ts';
import { openSecret } from '../auth/secretBox.ts';
import type { ChannelSender } from '../messengers/channelSender.ts';
import { PermanentSendError } from '../invitations/sender.ts';

const TIMEOUT_MS = 15_000;

/** `Name: value` sets that header; anything else ("Bearer abc", "Basic dXNlcjpw") is the Authorization header's value. */
export function authHeaderOf(value: string): [string, string] {
  const m = /^([A-Za-z][A-Za-z0-9-]{0,63}):\s*(\S.*)$/.exec(value.trim());
  return m ? [m[1], m[2]] : ['authorization', value.trim()];
}

export interface SmsToSend {
  to: string;
  text: string;
  invitationId: string | null;
  contactId: string | null;
}

export class SmsFailedError extends Error {
  constructor(message: string, readonly httpStatus: number | null) {
    super(message);
    this.name = 'SmsFailedError';
  }
}

/** Sends one SMS through the organisation's gateway. @throws SmsFailedError (logged first) when it is not configured, refuses or cannot be reached */
export async function sendSms(db: Queryable, orgId: string, sms: SmsToSend): Promise<{ providerId?: string; httpStatus: number }> {
  const settings = await getSmsSettings(db, orgId);
  if (!settings) throw new SmsFailedError('no SMS gateway is configured for the organisation', null);
  const fail = async (error: string, httpStatus: number | null): Promise<never> => {
    await recordSmsMessage(db, orgId, { ...sms, status: 'failed', httpStatus, providerId: null, error });
    throw new SmsFailedError(error, httpStatus);
  };
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (settings.authHeader) {
    const [name, value] = authHeaderOf(openSecret(settings.authHeader));
    headers[name.toLowerCase()] = value;
  }
  const body = JSON.stringify(smsBody(settings.bodyTemplate, { to: sms.to, text: sms.text, from: settings.sender ?? '' }));
  let res: Response;
  try {
    res = await fetch(settings.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
  } catch (err) {
    return fail(`the SMS gateway could not be reached: ${err instanceof Error ? err.message : String(err)}`, null);
  }
  const answer = await res.text().catch(() => '');
  if (!res.ok) return fail(`the SMS gateway answered ${res.status}: ${answer.slice(0, 200)}`, res.status);
  let json: unknown = null;
  try {
    json = JSON.parse(answer);
  } catch {
    /* a provider that answers plain text: no id */
  }
  const providerId = providerIdOf(json);
  await recordSmsMessage(db, orgId, { ...sms, status: 'sent', httpStatus: res.status, providerId: providerId ?? null, error: null });
  return { providerId, httpStatus: res.status };
}

/** The invitations pipeline's sender for channel `sms`: a short text with the personal link and the opt-out link. */
export function createSmsSender(db: Queryable): ChannelSender {
  return {
    channel: 'sms',
    readyFor: async (orgId) => (await getSmsSettings(db, orgId)) !== null,
    async send(msg) {
      const to = msg.contact.phone;
      if (!to) throw new PermanentSendError('the contact has no phone number');
      const { providerId } = await sendSms(db, msg.orgId, { to, text: smsInvitationText(msg.language, msg), invitationId: msg.invitationId, contactId: msg.contact.id });
      return providerId ? { providerId } : {};
    },
  };
}
