/**
 * The shape of a channel's invitation sender, as the channel-neutral invitations pipeline
 * (src/server/invitations/sender.ts on branch h-invites: InvitationMessage, InvitationSender) calls it.
 * Only the fields these senders read are listed, so a sender typed here is assignable to the pipeline's
 * `InvitationSender` (`registry.add(createSmsSender(pool))`). Resolves with the provider's id; throws
 * when the message could not be sent (errors with `permanent: true` should not be retried).
 */
export interface InvitationMessage {
  orgId: string;
  orgName: string;
  invitationId: string;
  /** 0: the invitation; k: its k-th reminder. */
  seq: number;
  /** The contact's language if the survey speaks it, else the survey's default. */
  language: string;
  contact: { id: string; phone: string | null; name: string | null };
  survey: { id: string; title: string };
  /** The personal link. */
  link: string;
  /** Opt-out link (every message carries one). */
  unsubscribeUrl: string;
}

export interface ChannelSender {
  channel: 'sms' | 'telegram';
  send(msg: InvitationMessage): Promise<{ providerId?: string }>;
  /** Whether the organisation has set the channel up (a gateway URL, a connected bot with its token). */
  readyFor(orgId: string): Promise<boolean>;
}
