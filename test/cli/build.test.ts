/**
 * The production build (bin/build.js, bin/buildState.js): a build counts as current only while its
 * sources are unchanged, and `sarafan start` runs the compiled JavaScript of a current build, which
 * finds its migrations, respondent assets and the built dashboard.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BUILDS, fingerprint, isCurrent, recordFingerprint, type BuildSpec } from '../../bin/buildState.js';
import { createTestDatabase } from '../helpers/db.ts';

describe('a build is current while its sources are unchanged', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-build-'));
  const spec: BuildSpec = { outDir: 'out', dirs: ['src'], files: ['tsconfig.json', 'absent.json'] };
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  const built = () => {
    fs.mkdirSync(path.join(root, 'out'), { recursive: true });
    recordFingerprint(path.join(root, 'out'), fingerprint(spec, root));
  };
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('tracks contents, paths and added files, not times or tests', () => {
    write('src/a.ts', 'export const a = 1;\n');
    write('src/db/001.sql', 'create table t ();\n');
    write('tsconfig.json', '{}');
    expect(isCurrent(spec, root)).toBe(false); // never built

    built();
    expect(isCurrent(spec, root)).toBe(true);

    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, 'src/a.ts'), later, later); // a checkout touching an unchanged file
    expect(isCurrent(spec, root)).toBe(true);
    write('src/a.test.ts', 'test file');
    expect(isCurrent(spec, root)).toBe(true);

    write('src/db/001.sql', 'create table t (id int);\n'); // a non-TypeScript input (copied into the build)
    expect(isCurrent(spec, root)).toBe(false);
    built();
    write('src/b.ts', 'export const b = 2;\n');
    expect(isCurrent(spec, root)).toBe(false);
    built();
    fs.renameSync(path.join(root, 'src/b.ts'), path.join(root, 'src/c.ts')); // same content, other path
    expect(isCurrent(spec, root)).toBe(false);
    built();
    write('tsconfig.json', '{"compilerOptions":{}}');
    expect(isCurrent(spec, root)).toBe(false);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

describe('sarafan start from the compiled build', () => {
  let child: ChildProcess | null = null;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('runs dist/server, which finds the migrations, the respondent page assets and dist/web', async () => {
    // `npm test` builds first (node bin/build.js); run `npm run build` before running this file alone.
    expect(isCurrent(BUILDS.server), 'dist/server is missing or older than the sources: run `npm run build`').toBe(true);
    expect(isCurrent(BUILDS.web), 'dist/web is missing or older than the sources: run `npm run build`').toBe(true);
    const db = await createTestDatabase({ migrated: false }); // the compiled code applies the migrations
    const port = await freePort();
    let output = '';
    try {
      child = spawn(process.execPath, ['bin/sarafan.js', 'start', '--host', '127.0.0.1', '--port', String(port)], {
        env: { ...process.env, DATABASE_URL: db.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d) => (output += d));
      child.stderr!.on('data', (d) => (output += d));
      const running = new Promise<void>((resolve, reject) => {
        child!.stdout!.on('data', () => output.includes('Sarafan is running') && resolve());
        child!.once('exit', (code) => reject(new Error(`sarafan start exited with ${code}:\n${output}`)));
      });
      await running;
      expect(output).not.toContain('Running the TypeScript sources');
      expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ status: 'ok', db: 'ok' });
      const { rows } = await db.pool.query('select count(*)::int as n from schema_migrations');
      expect(rows[0].n).toBe(fs.readdirSync('src/db/migrations').filter((f) => f.endsWith('.sql')).length);

      const dashboard = await fetch(`http://127.0.0.1:${port}/login`);
      expect(await dashboard.text()).toBe(fs.readFileSync('dist/web/index.html', 'utf8'));

      // A respondent page inlines src/respond/assets (read next to the compiled module) under a CSP hash.
      const page = await fetch(`http://127.0.0.1:${port}/s/no-such-survey`);
      expect(page.headers.get('content-security-policy')).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]{44}'/);
      expect(await page.text()).toContain('<style');

      const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
      child.kill('SIGINT');
      expect(await exited, output).toBe(0);
    } finally {
      await db.drop();
    }
  }, 60_000);
});
