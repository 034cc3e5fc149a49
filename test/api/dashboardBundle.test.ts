/**
 * The dashboard takes its API types from the contract's zod schemas (src/core/api), but only as types:
 * a value import of a schema module would put zod into the dashboard bundle. Follows the value
 * imports from the dashboard's entry and fails when they reach zod.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Specifiers a file imports as values (`import type` and `export type` are erased by the build). */
function valueImportsOf(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?([^'"]*?)from\s+['"]([^'"]+)['"]/gm)) {
    if (!m[2]) specs.push(m[4]);
  }
  for (const m of src.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) specs.push(m[1]);
  for (const m of src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]);
  return specs;
}

/** Every package reached through value imports from `entry`, with the chain of files that leads to it. */
function packagesReached(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of valueImportsOf(file)) {
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        if (/\.tsx?$/.test(target)) visit(target, [...chain, path.relative('.', target)]);
      } else if (!packages.has(spec)) packages.set(spec, chain);
    }
  };
  visit(path.resolve(entry), [entry]);
  return packages;
}

describe('dashboard bundle', () => {
  it('reaches the API contract only through types: no zod in the browser', () => {
    const reached = packagesReached('src/web/main.tsx');
    // The walk itself works: the dashboard's own libraries are found.
    expect([...reached.keys()]).toEqual(expect.arrayContaining(['react', 'react-router']));
    expect(reached.get('zod') ?? 'zod not reached').toBe('zod not reached');
  });
});
