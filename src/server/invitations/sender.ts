/**
 * The channel-neutral side of invitations: what a channel's sender gets (InvitationMessage), what it
 * must do (InvitationSender), and the registry of senders the server builds at start (e-mail always;
 * SMS and Telegram register theirs with `registry.add`). The pipeline (sendDue.ts) claims each message
 * before calling `send` and records the outcome after, for every channel alike.
 */

export type InvitationChannel = 'email' | 'sms' | 'telegram';

/** One message to one contact: the invitation (seq 0) or its k-th reminder (seq k). */
export interface InvitationMessage {
  orgId: string;
  orgName: string;
  invitationId: string;
  channel: InvitationChannel;
  /** 0: the invitation; k: its k-th reminder. */
  seq: number;
  /**
   * The same for every attempt at this message (e-mail: the Message-ID header), so a provider or a
   * mailbox that keeps ids can drop the duplicate a crash right after acceptance could cause.
   */
  messageKey: string;
  /** The contact's language if the survey speaks it, else the survey's default (en, ru or fa). */
  language: string;
  contact: {
    id: string;
    email: string | null;
    phone: string | null;
    name: string | null;
    attributes: Record<string, unknown>;
  };
  survey: { id: string; title: string };
  /** The personal link (answers through it are linked to the contact). */
  link: string;
  /** The first question, when it is a scale: its text and one personal link per score (pre-filled). */
  firstQuestion: { text: string; scores: { value: number; label: string; url: string }[] } | null;
  /** Opt-out link (every message carries it). */
  unsubscribeUrl: string;
}

export interface SendResult {
  /** The provider's id for the message (SMTP: the server's queue id or Message-ID). */
  providerId?: string;
  /** false when the message was only put aside (the outbox without SMTP); default true: the provider accepted it. */
  delivered?: boolean;
}

/** A channel's sender. `send` resolves once the provider accepted the message and throws on failure. */
export interface InvitationSender {
  channel: InvitationChannel;
  send(msg: InvitationMessage): Promise<SendResult>;
}

/** Thrown by a sender when the address is refused for good (SMTP 5xx, an unknown number): bounced, never retried. */
export class PermanentSendError extends Error {
  constructor(message: string, readonly code?: number) {
    super(message);
    this.name = 'PermanentSendError';
  }
}

export interface SenderRegistry {
  add(sender: InvitationSender): void;
  get(channel: string): InvitationSender | undefined;
  channels(): InvitationChannel[];
}

export function createSenderRegistry(senders: InvitationSender[] = []): SenderRegistry {
  const map = new Map<string, InvitationSender>();
  const registry: SenderRegistry = {
    add: (s) => void map.set(s.channel, s),
    get: (channel) => map.get(channel),
    channels: () => [...map.keys()] as InvitationChannel[],
  };
  for (const s of senders) registry.add(s);
  return registry;
}
