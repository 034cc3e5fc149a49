/**
 * The acceptance check of the support figures from outside: the UCI incident log (../shared/data) imported
 * with `sarafan import events --preset servicenow` into a server, then `sarafan kpi FILE --preset servicenow
 * --json` (with and without `--by team`) against GET /api/v1/support/kpis: every key both print must be equal
 * (complaints too: null, the log has no complaint flag).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sharedDataDir } from '../../bench/textData.ts';
import { buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { runCli, runCommand } from '../helpers/cli.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const INCIDENTS = path.join(sharedDataDir(), 'en_it_incident_event_log.csv');
const SKIP = new Set(['sla', 'group']);

/** The keys `sarafan kpi --json` prints, with the server's value of each. */
function sameKeys(cli: Record<string, unknown>, api: Record<string, unknown>) {
  const keys = Object.keys(cli).filter((k) => !SKIP.has(k));
  return { cli: Object.fromEntries(keys.map((k) => [k, cli[k]])), api: Object.fromEntries(keys.map((k) => [k, api[k]])) };
}

describe('sarafan kpi and the server agree on the UCI incident log', () => {
  let server: TestServer;
  let owner: Client;

  beforeAll(async () => {
    expect(fs.existsSync(INCIDENTS), `${INCIDENTS} is needed (../shared/data/README.md)`).toBe(true);
    server = await startTestServer();
    const org = await buildOrg(server.pool, 'Incident Org');
    await buildUser(server.pool, org.orgId, 'owner', 'owner@incidents.test');
    owner = await signIn(server.baseUrl, 'owner@incidents.test');
    const imported = await runCli(['import', 'events', INCIDENTS, '--preset', 'servicenow', '--org', org.orgId], { ...process.env, DATABASE_URL: server.db.url, LANG: 'C.UTF-8', LC_ALL: '' });
    expect(imported.code, imported.output).toBe(0);
  });
  afterAll(async () => server?.close());

  it('overall', async () => {
    const cli = await runCommand(['kpi', INCIDENTS, '--preset', 'servicenow', '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    const api = await owner.get('/api/v1/support/kpis');
    const { cli: c, api: a } = sameKeys(JSON.parse(cli.stdout), api.json.kpis);
    expect(a).toEqual(c);
    // The one-touch count the CLI test (test/cli/kpiCli.test.ts) computes from the raw rows.
    expect(api.json.kpis).toMatchObject({ contacts: 890, one_touch: 676 });
  });

  it('by team', async () => {
    const cli = await runCommand(['kpi', INCIDENTS, '--preset', 'servicenow', '--json', '--by', 'team']);
    expect(cli.code, cli.stderr).toBe(0);
    const groups = JSON.parse(cli.stdout) as Record<string, unknown>[];
    const api = (await owner.get('/api/v1/support/kpis?by=team')).json.groups as { key: string; kpis: Record<string, unknown> }[];
    const byKey = new Map(api.map((g) => [g.key, g.kpis]));
    expect(api.length).toBe(groups.length);
    for (const g of groups) {
      const { cli: c, api: a } = sameKeys(g, byKey.get((g.group as string | null) ?? '') ?? {});
      expect(a, String(g.group)).toEqual(c);
    }
  });
});
