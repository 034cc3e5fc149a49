/**
 * A stand-in for the dashboard build (dist/web): an index.html and one asset. For tests of what the
 * server does around the SPA (headers, routes), so they run the same whether or not the app is built.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function createWebStandIn(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Sarafan</title><script type="module" src="/assets/app.js"></script>');
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
