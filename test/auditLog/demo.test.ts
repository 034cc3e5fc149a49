/** The demo's audit log: about thirty past events by the demo users over its months, read through the API as the owner sees them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServerOn, type TestServer } from '../helpers/app.ts';
import { createDemoTestDatabase } from '../helpers/demo.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { DEMO_OWNER_EMAIL } from '../../src/core/demo/structure.ts';

let server: TestServer;
const PASSWORD = 'demo password 2';
const NOW = new Date('2026-06-30T12:00:00Z');

beforeAll(async () => {
  const { db } = await createDemoTestDatabase({ responses: 300, seed: 11, now: NOW, passwordHash: await hashPassword(PASSWORD) });
  server = await startTestServerOn(db);
});
afterAll(() => server?.close());

describe('demo audit log', () => {
  it('holds past events by the demo users: the survey published, a role change, a report schedule, spread over months', async () => {
    const owner = await signIn(server.baseUrl, DEMO_OWNER_EMAIL, PASSWORD);
    // The owner's sign-in just now is the newest event; the demo's are in the past.
    const items = (await owner.get('/api/v1/audit-log?limit=200&to=2026-06-29')).json.items as { at: string; action: string; actor: { kind: string; label: string | null }; target: { label: string | null }; details: Record<string, unknown> }[];
    expect(items).toHaveLength(31);
    expect(items.at(-1)!.at).toBe('2026-01-03T07:00:00.000Z'); // 178 days before 30 June, 07:00 UTC
    expect(new Set(items.map((e) => e.at.slice(0, 7))).size).toBeGreaterThanOrEqual(6);
    const publish = items.find((e) => e.action === 'survey.publish');
    expect(publish?.actor.label).toContain(DEMO_OWNER_EMAIL);
    expect(publish?.target.label).toBeTruthy();
    expect(items.find((e) => e.action === 'user.update')?.details).toEqual({ before: { role: 'viewer' }, after: { role: 'analyst' } });
    expect(items.filter((e) => e.action === 'report.send').every((e) => e.actor.kind === 'system')).toBe(true);
    expect(items.some((e) => e.action === 'report.schedule.create')).toBe(true);
    expect((await owner.get('/api/v1/audit-log?action=auth&to=2026-06-29')).json.items.length).toBeGreaterThanOrEqual(8);
  });
});
