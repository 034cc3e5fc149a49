/**
 * The shape of a channel's invitation sender, as the channel-neutral invitations pipeline
 * (src/server/invitations/, built in parallel) calls it: one message to one contact; resolves with the
 * provider's id of the message, throws when it could not be sent (the pipeline records the failure
 * and retries). The Telegram and SMS senders implement it.
 */
export interface InvitationMessage {
  orgId: string;
  invitationId: string;
  contactId: string;
  /** The address in the channel: a phone number for SMS; unused by Telegram (the chat is the contact's). */
  to: string;
  /** The invitation's text in the contact's language. */
  text: string;
  /** The personal survey link. */
  url: string;
  language: string;
}

export interface ChannelSender {
  channel: 'sms' | 'telegram';
  send(msg: InvitationMessage): Promise<{ providerId?: string }>;
}
