/**
 * The feedback mailbox (docs/closed-loop.md "Feedback mailbox"): GET/PUT/DELETE /api/v1/org/feedback-mailbox and
 * POST /api/v1/org/feedback-mailbox/test for whoever configures cases for the whole organisation (the password is
 * stored sealed and never shown again), and GET /api/v1/feedback-messages, the letters read, for whoever reads
 * cases (a location manager sees the letters of their stores).
 */
import type { FastifyInstance } from 'fastify';
import { scopeOf } from '../../core/access/index.ts';
import { mailboxIdentityChanged } from '../../core/closedLoop/mailbox.ts';
import {
  ListFeedbackMessagesQuerySchema, UpdateFeedbackMailboxSchema, type FeedbackMailboxTestAnswer, type FeedbackMailboxView, type FeedbackMessagesAnswer,
} from '../../core/api/feedbackMailbox.ts';
import { deleteFeedbackMailbox, getFeedbackMailbox, saveFeedbackMailbox, type FeedbackMailboxRow } from '../../db/cases/feedbackMailbox.ts';
import { listFeedbackMessages } from '../../db/cases/feedbackMessages.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse } from '../../http/validate.ts';
import { openSecret, sealSecret } from '../auth/secretBox.ts';
import { requireWholeOrg } from '../org/routes.ts';
import { MailboxError, probeMailbox } from './mailbox/imapReader.ts';
import { readMailboxJob } from './readMailboxJob.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function presentMailbox(m: FeedbackMailboxRow | null): FeedbackMailboxView {
  return {
    configured: !!m,
    address: m?.address ?? null,
    host: m?.host ?? null,
    port: m?.port ?? null,
    secure: m?.secure ?? true,
    username: m?.username ?? null,
    hasPassword: !!m?.password,
    folder: m?.folder ?? 'INBOX',
    enabled: m?.enabled ?? true,
    openCases: m?.openCases ?? 'negative',
    casePriority: m?.casePriority ?? 'normal',
    lastCheckedAt: iso(m?.lastCheckedAt ?? null),
    lastSuccessAt: iso(m?.lastSuccessAt ?? null),
    lastError: m?.lastError ?? null,
    lettersRead: m?.lettersRead ?? 0,
    lettersSkipped: m?.lettersSkipped ?? 0,
    nextAttemptAt: iso(m?.nextAttemptAt ?? null),
  };
}

export async function registerMailboxRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  app.get('/api/v1/org/feedback-mailbox', async (request): Promise<FeedbackMailboxView> => {
    const principal = requireWholeOrg(authorize(request, 'case.configure'));
    return presentMailbox(await getFeedbackMailbox(pool, principal.orgId));
  });

  app.put('/api/v1/org/feedback-mailbox', async (request): Promise<FeedbackMailboxView> => {
    const principal = requireWholeOrg(authorize(request, 'case.configure'));
    const input = parse(UpdateFeedbackMailboxSchema, request.body);
    const before = await getFeedbackMailbox(pool, principal.orgId);
    if (!input.password && !before?.password) throw invalid('password: the IMAP password is needed', { field: 'password' });
    await saveFeedbackMailbox(
      pool,
      principal.orgId,
      { ...input, password: input.password ? sealSecret(input.password) : undefined },
      !before || mailboxIdentityChanged(before, input),
    );
    // Read at once with the new settings (and see their status) instead of at the next minute.
    if (input.enabled) await app.jobs.send(readMailboxJob, { orgId: principal.orgId });
    return presentMailbox(await getFeedbackMailbox(pool, principal.orgId));
  });

  app.delete('/api/v1/org/feedback-mailbox', async (request): Promise<FeedbackMailboxView> => {
    const principal = requireWholeOrg(authorize(request, 'case.configure'));
    await deleteFeedbackMailbox(pool, principal.orgId);
    return presentMailbox(null);
  });

  app.post('/api/v1/org/feedback-mailbox/test', async (request): Promise<FeedbackMailboxTestAnswer> => {
    const principal = requireWholeOrg(authorize(request, 'case.configure'));
    const m = await getFeedbackMailbox(pool, principal.orgId);
    if (!m) throw notFound('No feedback mailbox is configured');
    try {
      const { messages } = await probeMailbox({ host: m.host, port: m.port, secure: m.secure, username: m.username, password: openSecret(m.password), folder: m.folder });
      return { ok: true, problem: null, message: null, messages };
    } catch (err) {
      if (!(err instanceof MailboxError)) {
        if (err instanceof Error && /SARAFAN_SECRET|secret format/.test(err.message)) return { ok: false, problem: 'other', message: 'The stored password cannot be read: set SARAFAN_SECRET as when it was saved, or enter it again', messages: null };
        throw err;
      }
      return { ok: false, problem: err.problem, message: err.message, messages: null };
    }
  });

  app.get('/api/v1/feedback-messages', async (request): Promise<FeedbackMessagesAnswer> => {
    const principal = authorize(request, 'case.read');
    const q = parse(ListFeedbackMessagesQuerySchema, request.query);
    const { rows, total } = await listFeedbackMessages(deps.readPool ?? pool, scopeOf(principal), q, { limit: q.limit, offset: q.offset });
    return { items: rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() })), total, limit: q.limit, offset: q.offset };
  });
}
