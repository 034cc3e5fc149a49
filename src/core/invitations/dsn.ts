/**
 * Delivery status notifications (RFC 3464): a bounce that arrives later by e-mail, when the receiving
 * server accepted the message first. Which of our messages it is about is read from the Message-ID we
 * gave it (`<invitation id>.<seq>@sarafan.invalid`, kept in the DSN's returned headers); it is a bounce
 * when a recipient's Action is `failed` with a permanent (5.x.x) Status, or no Status.
 */

export interface DsnReport {
  /** A permanent failure of delivery. */
  failed: boolean;
  /** The first permanent status code, e.g. "5.1.1" (null when none is given). */
  status: string | null;
  /** The invitations the report names (each once). */
  invitationIds: string[];
}

const MESSAGE_KEY_RE = /<([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.\d{1,3}@sarafan\.invalid>/gi;

export function parseDsn(raw: string): DsnReport {
  const actions = [...raw.matchAll(/^Action:\s*([a-z]+)/gim)].map((m) => m[1].toLowerCase());
  const statuses = [...raw.matchAll(/^Status:\s*(\d\.\d{1,3}\.\d{1,3})/gim)].map((m) => m[1]);
  const permanent = statuses.find((s) => s.startsWith('5.')) ?? null;
  const failed = actions.includes('failed') && (permanent !== null || statuses.length === 0);
  const invitationIds = [...new Set([...raw.matchAll(MESSAGE_KEY_RE)].map((m) => m[1].toLowerCase()))];
  return { failed, status: permanent, invitationIds };
}
