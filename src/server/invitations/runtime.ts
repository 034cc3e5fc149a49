/**
 * What the invitation jobs need from the process: the senders (one per channel), the public base URL of
 * personal links, the claim lease and the batch size. The server sets it up at start (setupInvitations,
 * from its deps); a process that runs the jobs without the server (a test worker) passes its own.
 */
import type pg from 'pg';
import { createEmailSender } from './emailSender.ts';
import { createSenderRegistry, type SenderRegistry } from './sender.ts';

export interface InvitationRuntime {
  senders: SenderRegistry;
  publicUrl: string;
  /**
   * A claim older than this is taken as lost (its process died mid-send) and the message is sent
   * again. Must exceed the longest attempt of every sender (SMTP_TIMEOUTS: at most 2 minutes).
   */
  leaseSeconds: number;
  /** Messages per batch; the send job runs batches until none is due (or the process stops). */
  batchSize: number;
  now: () => Date;
}

export const DEFAULT_LEASE_SECONDS = 600;

let current: InvitationRuntime | null = null;

export function defaultPublicUrl(): string {
  return process.env.SARAFAN_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/** Sets up the process's runtime: e-mail through `smtpUrl` (else the outbox); other channels add their sender to `senders`. */
export function setupInvitations(pool: pg.Pool, opts: { smtpUrl?: string; publicUrl?: string; now?: () => Date } & Partial<InvitationRuntime> = {}): InvitationRuntime {
  current = {
    senders: opts.senders ?? createSenderRegistry([createEmailSender(pool, opts.smtpUrl)]),
    publicUrl: opts.publicUrl ?? defaultPublicUrl(),
    leaseSeconds: opts.leaseSeconds ?? DEFAULT_LEASE_SECONDS,
    batchSize: opts.batchSize ?? 50,
    now: opts.now ?? (() => new Date()),
  };
  return current;
}

/** The runtime set up at start, or one from the environment (SMTP_URL, SARAFAN_PUBLIC_URL). */
export function invitationRuntime(pool: pg.Pool): InvitationRuntime {
  return current ?? setupInvitations(pool, { smtpUrl: process.env.SMTP_URL });
}
