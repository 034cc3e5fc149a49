/**
 * A job kind for the queue tests only: the tests give its handler. Expires after 2 s, so a job whose
 * worker was killed is retried within seconds (the queue's maintenance must run every second).
 */
import { z } from 'zod';
import { defineJob, type JobContext } from '../../src/server/jobs/queue.ts';

export const TestPayloadSchema = z.object({ label: z.string() });
type TestPayload = z.infer<typeof TestPayloadSchema>;

export function testJobKind(
  name: string,
  handler: (payload: TestPayload, ctx: JobContext) => Promise<unknown>,
  retry = { limit: 1, delaySeconds: 0, backoff: false },
) {
  return defineJob({
    name,
    payload: TestPayloadSchema,
    schedule: 'tests only',
    policy: 'standard',
    retry,
    expireInSeconds: 2,
    pollSeconds: 0.5,
    handler,
  });
}
