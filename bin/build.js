#!/usr/bin/env node
/**
 * `npm run build` (also run by `npm install` / `npm ci` as `prepare`, and by `npm start` and `npm test`):
 * builds the dashboard (vite -> dist/web) and compiles the server (tsc -> dist/server), each only when
 * its sources changed since its last build (bin/buildState.js), so starting and testing rebuild
 * nothing when nothing changed.
 *
 *   node bin/build.js [web|server] [--force]
 *
 * Each build is written to a temporary directory and moved into place when complete, so a failed or
 * interrupted build leaves the previous one (whose fingerprint then no longer matches: bin/sarafan.js
 * runs the sources instead).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { BUILDS, ROOT, fingerprint, inputFiles, isCurrent, recordFingerprint } from './buildState.js';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const force = args.includes('--force');
const named = args.filter((a) => !a.startsWith('--'));
for (const name of named) {
  if (!(name in BUILDS)) {
    console.error(`sarafan build: unknown part "${name}" (web or server)`);
    process.exit(2);
  }
}
const wanted = named.length ? named : Object.keys(BUILDS);

/** Resolves a build tool (a devDependency); null when `npm install --omit=dev` left it out. */
function tool(specifier) {
  try {
    return require.resolve(specifier);
  } catch {
    return null;
  }
}

/** Builds into a fresh sibling directory, records the fingerprint, then swaps it in. */
async function buildInto(build, fill) {
  const print = fingerprint(build);
  const outDir = path.join(ROOT, build.outDir);
  const tmp = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  try {
    await fill(tmp);
    recordFingerprint(tmp, print);
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.renameSync(tmp, outDir);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

const builders = {
  /** The dashboard: vite with src/web/vite.config.ts, written to a temporary outDir. */
  async web(build) {
    if (!tool('vite')) return 'vite is not installed (devDependencies omitted)';
    const { build: viteBuild } = await import('vite');
    await buildInto(build, (outDir) =>
      viteBuild({ configFile: path.join(ROOT, 'src/web/vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } }),
    );
    return null;
  },
  /** The server and CLI: tsc (no type check: `npm run typecheck` does that), then the non-TypeScript files. */
  async server(build) {
    const tsc = tool('typescript/bin/tsc');
    if (!tsc) return 'typescript is not installed (devDependencies omitted)';
    await buildInto(build, (outDir) => {
      const result = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', outDir], { cwd: ROOT, stdio: 'inherit' });
      if (result.status !== 0) throw new Error(`tsc exited with ${result.status ?? result.signal}`);
      for (const file of inputFiles(build)) {
        if (!build.dirs.some((d) => file.startsWith(d + path.sep)) || /\.tsx?$/.test(file)) continue;
        fs.mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
        fs.copyFileSync(path.join(ROOT, file), path.join(outDir, file));
      }
    });
    return null;
  },
};

let failed = false;
for (const name of wanted) {
  const build = BUILDS[name];
  if (!force && isCurrent(build)) continue;
  const started = Date.now();
  try {
    const skipped = await builders[name](build);
    if (skipped) console.warn(`sarafan build: ${name} not built: ${skipped}. Install with devDependencies (npm ci) to build it.`);
    else console.log(`sarafan build: ${name} built in ${((Date.now() - started) / 1000).toFixed(1)} s -> ${build.outDir}`);
  } catch (err) {
    failed = true;
    console.error(`sarafan build: ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
process.exit(failed ? 1 : 0);
