import type pg from 'pg';
import type { RouteOptions } from 'fastify';

/**
 * What writers need from the background rollup fold: a kick after their commit. Declared here, not
 * imported from src/server/jobs, so the respondent pages depend on no server module but commands.
 */
export interface RollupKicker {
  kick(orgId: string): void;
}

/**
 * Where writers report a stored response (after their commit) for its webhooks; implemented in
 * src/server/integrations/webhookEmitter.ts and declared here for the same reason as RollupKicker.
 */
export interface ResponseEventSink {
  created(orgId: string, responseId: string): void;
}

/** What the HTTP layer needs from the outside world; tests pass their own. */
export interface AppDeps {
  pool: pg.Pool;
  /**
   * A streaming replica (DATABASE_READ_URL). Read-only dashboard routes read through it and fall
   * back to `pool` while it cannot answer; /healthz reports it. Everything else uses `pool`.
   */
  readPool?: pg.Pool;
  /** Base URL used in links sent by e-mail (invitations); defaults to the request's host. */
  publicUrl?: string;
  /** SMTP connection URL; without it, mail lands in the outbox shown to the sender. */
  smtpUrl?: string;
  /** Directory with the built dashboard (dist/web); the SPA is not served when absent. */
  webDir?: string;
  /** A JSON log line per request (SARAFAN_LOG=1); errors are logged either way. */
  logger?: boolean;
  /** Rate limits can be raised in tests that submit many answers from one address. */
  publicRateLimitPerMinute?: number;
  /** Requests one API key may make per minute (default 600; src/http/apiKeyAuth.ts). */
  apiKeyRateLimitPerMinute?: number;
  /** The clock ("today" in the organisation's zone is taken from it); tests pass a fixed instant. Default: the system's. */
  now?: () => Date;
  /** Called for every route as it is registered (test/security.test.ts walks them all). */
  onRoute?: (route: RouteOptions) => void;
  /** Set by buildApp: writers kick it after their commit (src/server/jobs/foldRollupsJob.ts). */
  rollupFolder?: RollupKicker;
  /** Set by buildApp: writers report stored responses here for webhooks (never awaited). */
  responseEvents?: ResponseEventSink;
  /** Where audit evidence files are kept on disk (default SARAFAN_EVIDENCE_DIR, else `<data dir>/evidence`; docs/audits.md "Evidence"). */
  evidenceDir?: string;
  /** An S3-compatible store for audit evidence instead of the disk (default from SARAFAN_S3_*; null: none). */
  evidenceS3?: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string } | null;
}
