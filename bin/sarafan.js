#!/usr/bin/env node
/**
 * The `sarafan` command. Runs the compiled JavaScript in dist/server when it was built from the
 * current sources (`npm run build`, which `npm install` runs); otherwise the TypeScript sources
 * through tsx (development, or sources changed since the last build). Both behave the same; the
 * compiled code starts faster (no transpiling at run time).
 */
import module from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { BUILDS, ROOT, isCurrent } from './buildState.js';

// Node.js 22.1+ keeps V8's compiled code of loaded modules between runs (in the OS temp directory):
// a shorter start. Node 20 has no such cache; there this line does nothing.
module.enableCompileCache?.();

if (isCurrent(BUILDS.server)) {
  await import(pathToFileURL(path.join(ROOT, BUILDS.server.entry)).href);
} else {
  if (process.argv[2] === 'start') console.log('Running the TypeScript sources (dist/server is missing or older than src; `npm run build` compiles them).');
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
