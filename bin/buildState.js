/**
 * What `npm run build` (bin/build.js) produces, from which sources, and whether a build is current.
 * Plain JavaScript: bin/sarafan.js reads it before anything is compiled.
 *
 * A build records a fingerprint (SHA-256 over the paths and contents of its inputs) in its output
 * directory. It is current when that fingerprint matches the sources now: contents, not times, so a
 * checkout that touches files without changing them does not force a rebuild.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = '.build-fingerprint';
const isTest = (file) => /\.test\.tsx?$/.test(file);
const BUILD_SCRIPTS = ['bin/build.js', 'bin/buildState.js'];

/**
 * The two builds, paths relative to the package root. `dirs` are walked for inputs; `files` are single
 * inputs (absent ones are skipped). server: tsc -p tsconfig.build.json, plus every non-TypeScript file
 * beside the sources (migrations, respondent assets), so compiled code finds them at the same relative paths.
 */
export const BUILDS = {
  web: {
    outDir: 'dist/web',
    // The dashboard bundles src/web and what it imports from src (core rules, server API types).
    dirs: ['src'],
    files: ['package-lock.json', 'tsconfig.json', ...BUILD_SCRIPTS],
  },
  server: {
    outDir: 'dist/server',
    // Every layer of src but the dashboard (tsconfig.build.json); the benchmark always runs from source.
    dirs: fs.readdirSync(path.join(ROOT, 'src'), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'web').map((e) => `src/${e.name}`),
    files: ['tsconfig.json', 'tsconfig.build.json', ...BUILD_SCRIPTS],
    entry: 'dist/server/src/cli/main.js',
  },
};

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

/** Input files of a build, relative to `root`, sorted (tests excluded: they are not built). */
export function inputFiles(build, root = ROOT) {
  const fromDirs = build.dirs.flatMap((d) => walk(path.join(root, d))).map((p) => path.relative(root, p)).filter((f) => !isTest(f));
  const single = build.files.filter((f) => fs.existsSync(path.join(root, f)));
  return [...new Set([...fromDirs, ...single])].sort();
}

/** Fingerprint of the build's inputs as they are now. */
export function fingerprint(build, root = ROOT) {
  const hash = crypto.createHash('sha256');
  for (const file of inputFiles(build, root)) {
    hash.update(`${file.split(path.sep).join('/')}\0`);
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The fingerprint recorded by the last complete build in `dir`, or null. */
export function recordedFingerprint(dir) {
  try {
    return fs.readFileSync(path.join(dir, STAMP), 'utf8').trim();
  } catch {
    return null;
  }
}

/** Marks `dir` as built from sources with this fingerprint (the last step of a build). */
export function recordFingerprint(dir, value) {
  fs.writeFileSync(path.join(dir, STAMP), `${value}\n`);
}

/** Whether the build's output exists and was made from the current sources. */
export function isCurrent(build, root = ROOT) {
  const recorded = recordedFingerprint(path.join(root, build.outDir));
  return recorded !== null && recorded === fingerprint(build, root);
}
