/**
 * `engines.node` in package.json is honest: every package in package-lock.json accepts every Node.js
 * line it admits, so `npm install` / `npm ci` print no EBADENGINE warning on a supported Node.js.
 * (The issue: @fastify/cookie and @fastify/static releases pulling cookie@2 / content-disposition@3,
 * which want Node 22, while Sarafan declared Node 20.)
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

type Version = [number, number, number];

/**
 * Whether `v` satisfies an npm `engines` range, in the forms the lockfile uses: `a || b`,
 * space-separated comparators (>=, >, <=, <, =, ^, ~), partial and x versions (`20`, `0.8.x`, `6.*`, `*`).
 */
function satisfies(v: Version, range: string): boolean {
  const cmp = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  return range.split('||').some((alternative) => {
    const comparators = alternative.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split(/\s+/).filter(Boolean);
    return comparators.every((c) => {
      const m = /^(>=|<=|>|<|=|\^|~)?v?(\*|x|\d+)(?:\.(\*|x|\d+))?(?:\.(\*|x|\d+))?$/i.exec(c);
      if (!m) throw new Error(`unsupported engines range "${range}"`);
      const parts = [m[2], m[3], m[4]];
      const given = parts.findIndex((p) => p === undefined || /^[*x]$/i.test(p));
      const known = given === -1 ? 3 : given; // how many leading numbers the version gives
      const low = parts.map((p, i) => (i < known ? Number(p) : 0)) as Version;
      const op = m[1] ?? (known === 3 ? '=' : '~x');
      // The first version after the range a partial version or ^ / ~ covers.
      const next = (upTo: number): Version => {
        const n = [...low] as Version;
        n[upTo] += 1;
        for (let i = upTo + 1; i < 3; i++) n[i] = 0;
        return n;
      };
      switch (op) {
        case '>=': return cmp(v, low) >= 0;
        case '>': return known === 3 ? cmp(v, low) > 0 : cmp(v, next(known - 1)) >= 0;
        case '<': return cmp(v, low) < 0;
        case '<=': return known === 3 ? cmp(v, low) <= 0 : cmp(v, next(known - 1)) < 0;
        case '=': return cmp(v, low) === 0;
        case '~x': return known === 0 || (cmp(v, low) >= 0 && cmp(v, next(known - 1)) < 0);
        case '~': return cmp(v, low) >= 0 && cmp(v, next(known >= 2 ? 1 : 0)) < 0;
        case '^': {
          const first = low[0] !== 0 || known === 1 ? 0 : low[1] !== 0 || known === 2 ? 1 : 2;
          return cmp(v, low) >= 0 && cmp(v, next(first)) < 0;
        }
      }
      return false;
    });
  });
}

describe('satisfies (the range reader of this test)', () => {
  it('reads the forms the lockfile uses', () => {
    expect(satisfies([20, 19, 0], '^20.19.0 || ^22.13.0 || >=24')).toBe(true);
    expect(satisfies([22, 12, 0], '^20.19.0 || ^22.13.0 || >=24')).toBe(false);
    expect(satisfies([21, 0, 0], '^20.19.0 || ^22.13.0 || >=24')).toBe(false);
    expect(satisfies([24, 0, 0], '^20.19.0 || ^22.13.0 || >=24')).toBe(true);
    expect(satisfies([20, 1, 0], '20 || >=22')).toBe(true);
    expect(satisfies([21, 1, 0], '20 || >=22')).toBe(false);
    expect(satisfies([20, 0, 0], '>= 18')).toBe(true);
    expect(satisfies([9, 0, 0], '6.* || 8.* || >= 10.*')).toBe(false);
    expect(satisfies([14, 17, 0], '>=16 || 14 >=14.17')).toBe(true);
    expect(satisfies([14, 16, 0], '>=16 || 14 >=14.17')).toBe(false);
    expect(satisfies([13, 6, 0], '^10 || ^12 || ^13.7 || ^14 || >=15.0.1')).toBe(false);
    expect(satisfies([0, 9, 0], '>=0.8.x')).toBe(true);
    expect(satisfies([1, 0, 0], '*')).toBe(true);
    expect(satisfies([0, 4, 5], '~0.4.2')).toBe(true);
    expect(satisfies([0, 5, 0], '~0.4.2')).toBe(false);
  });
});

describe('engines', () => {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
  const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
  const declared: string = pkg.engines.node;

  it('package-lock.json records the engines package.json declares', () => {
    expect(lock.packages[''].engines.node).toBe(declared);
  });

  it('every locked package accepts every Node.js line from 20 on that Sarafan declares', () => {
    // The oldest admitted release of each major line (x.y.0), up to the latest line the packages know.
    const oldest: Version[] = [];
    for (let major = 18; major <= 30; major++) {
      for (let minor = 0; minor <= 40; minor++) {
        if (satisfies([major, minor, 0], declared)) {
          oldest.push([major, minor, 0]);
          break;
        }
      }
    }
    expect(oldest[0]).toEqual([20, 19, 0]);
    const unsupported: string[] = [];
    for (const [name, entry] of Object.entries(lock.packages as Record<string, { version?: string; engines?: { node?: string } }>)) {
      const range = entry.engines?.node;
      if (!name || !range) continue;
      for (const v of oldest) if (!satisfies(v, range)) unsupported.push(`${name}@${entry.version} wants node "${range}", not ${v.join('.')}`);
    }
    expect(unsupported).toEqual([]);
  });
});
