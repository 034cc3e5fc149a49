/** The dashboard's index.html is served as the file is now: a rebuild while the server runs is picked up. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/app.ts';

let dir: string;
let server: TestServer;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script src="/assets/index-old.js"></script>');
  server = await startTestServer({ webDir: dir });
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('serves the rebuilt index.html without a restart', async () => {
  const first = await (await fetch(`${server.baseUrl}/app/surveys`)).text();
  expect(first).toContain('index-old.js');
  const file = path.join(dir, 'index.html');
  fs.writeFileSync(file, '<!doctype html><script src="/assets/index-new.js"></script>');
  // A later modification time, whatever the file system's time resolution.
  const later = new Date(Date.now() + 5_000);
  fs.utimesSync(file, later, later);
  const second = await (await fetch(`${server.baseUrl}/app/surveys`)).text();
  expect(second).toContain('index-new.js');
  expect(second).not.toContain('index-old.js');
});
