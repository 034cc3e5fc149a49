import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS, planLocationImport, type CsvRecord, type ExistingLocation } from './importPlan.ts';

const HEADER = ['code', 'name', 'kind', 'parent_code'];
const csv = (...rows: string[][]): CsvRecord[] => [HEADER, ...rows].map((fields, i) => ({ line: i + 1, fields }));
const ROOT: ExistingLocation = { id: 'root', parentId: null, code: null, path: '/root/' };
let n = 0;
const ctx = (existing: ExistingLocation[] = [ROOT], scopePaths: string[] | null = null) => ({
  existing, scopePaths, newId: () => `new${++n}`,
});

describe('planLocationImport', () => {
  it('creates rows whose parents come later in the file, under the root when parent_code is empty', () => {
    const plan = planLocationImport(csv(['S1', 'Store 1', 'store', 'N'], ['N', 'North', 'region', '']), ctx());
    expect(plan.updates).toEqual([]);
    const north = plan.inserts.find((p) => p.code === 'N')!;
    const store = plan.inserts.find((p) => p.code === 'S1')!;
    expect(north.parentId).toBe('root');
    expect(north.path).toBe(`/root/${north.id}/`);
    expect(store.parentId).toBe(north.id);
    expect(store.path).toBe(`${north.path}${store.id}/`);
    expect(store.line).toBe(2);
  });

  it('updates existing locations by code and may move them under rows of the file', () => {
    const existing = [ROOT, { id: 'e1', parentId: 'root', code: 'S1', path: '/root/e1/' }];
    const plan = planLocationImport(csv(['S1', 'Renamed', 'branch', 'R'], ['R', 'Region', 'region', '']), ctx(existing));
    expect(plan.updates).toHaveLength(1);
    const region = plan.inserts[0];
    expect(plan.updates[0]).toMatchObject({ id: 'e1', name: 'Renamed', kind: 'branch', parentId: region.id, path: `/root/${region.id}/e1/` });
  });

  it('names the line of each problem', () => {
    const cases: [CsvRecord[], RegExp][] = [
      [csv(['A', 'A', 'store', 'X']), /line 2: unknown parent_code X/],
      [csv(['A', 'A', 'shop', '']), /line 2: unknown kind "shop"/],
      [csv(['A', '', 'store', '']), /line 2: name is empty/],
      [csv(['', 'x', 'store', '']), /line 2: code is empty/],
      [csv(['A B', 'x', 'store', '']), /line 2: code must be/],
      [csv(['A', 'x\u0001', 'store', '']), /line 2: name must be/],
      [csv(['A', 'A', 'store', ''], ['A', 'B', 'store', '']), /line 3: duplicate code A \(first on line 2\)/],
      [csv(['A', 'A', 'store', 'B'], ['B', 'B', 'store', 'A']), /line 2: parent_code makes a cycle/],
      [csv(['A', 'A', 'store', 'A']), /line 2: .*own code/],
      [csv(['A', 'A', 'store']), /line 2: expected 4 fields, found 3/],
      [[{ line: 1, fields: ['name', 'code', 'kind', 'parent_code'] }], /line 1: the header/],
      [[], /line 1: the file is empty/],
    ];
    for (const [records, message] of cases) expect(() => planLocationImport(records, ctx())).toThrow(message);
  });

  it('refuses a move that puts an existing location under its own descendant', () => {
    const existing = [
      ROOT,
      { id: 'a', parentId: 'root', code: 'A', path: '/root/a/' },
      { id: 'b', parentId: 'a', code: 'B', path: '/root/a/b/' },
    ];
    expect(() => planLocationImport(csv(['A', 'A', 'region', 'B']), ctx(existing))).toThrow(/line 2: parent_code makes a cycle/);
  });

  it('limits the depth of the hierarchy', () => {
    const chain = Array.from({ length: 33 }, (_, i) => [`L${i}`, 'x', 'region', i === 0 ? '' : `L${i - 1}`]);
    expect(() => planLocationImport(csv(...chain), ctx())).toThrow(/line 34: the hierarchy may be at most 32 levels deep/);
    expect(planLocationImport(csv(...chain.slice(0, 32)), ctx()).inserts).toHaveLength(32);
  });

  it('limits the number of rows', () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`c${i}`, 'x', 'store', '']);
    expect(() => planLocationImport(csv(...rows), ctx())).toThrow(/at most 10000 rows/);
  });

  it('keeps a location-scoped caller inside their subtree', () => {
    const existing = [
      ROOT,
      { id: 'mine', parentId: 'root', code: 'MINE', path: '/root/mine/' },
      { id: 'other', parentId: 'root', code: 'OTHER', path: '/root/other/' },
      { id: 's1', parentId: 'mine', code: 'S1', path: '/root/mine/s1/' },
      { id: 's2', parentId: 'mine', code: 'S2', path: '/root/mine/s2/' },
    ];
    const scoped = (records: CsvRecord[]) => planLocationImport(records, ctx(existing, ['/root/mine/']));
    const plan = scoped(csv(['S1', 'Store one', 'store', 'S2']));
    expect(plan.inserts).toEqual([]);
    expect(plan.updates).toEqual([{ id: 's1', parentId: 's2', kind: 'store', name: 'Store one', code: 'S1', path: '/root/mine/s2/s1/', line: 2 }]);
    expect(() => scoped(csv(['S1', 'S', 'store', '']))).toThrow(/line 2: parent_code is required/);
    expect(() => scoped(csv(['S1', 'S', 'store', 'OTHER']))).toThrow(/line 2: unknown parent_code OTHER/);
    expect(() => scoped(csv(['S1', 'S1', 'store', 'MINE'], ['S2', 'S2', 'store', 'S1'], ['MINE', 'M', 'region', 'S2']))).toThrow('line 2: parent_code makes a cycle');
  });

  it('answers a location-scoped caller alike for a code nobody has and a code held outside their locations', () => {
    const existing = [
      ROOT,
      { id: 'mine', parentId: 'root', code: 'MINE', path: '/root/mine/' },
      { id: 'other', parentId: 'root', code: 'OTHER', path: '/root/other/' },
    ];
    const scoped = (records: CsvRecord[]) => planLocationImport(records, ctx(existing, ['/root/mine/']));
    const words = (code: string) =>
      `line 2: code ${code} is not a code of your locations (with access limited to some locations an import updates your locations by code; add new locations on the Locations page)`;
    expect(() => scoped(csv(['OTHER', 'S', 'store', 'MINE']))).toThrow(words('OTHER'));
    expect(() => scoped(csv(['NOBODY', 'S', 'store', 'MINE']))).toThrow(words('NOBODY'));
    // An organisation-wide admin still creates locations by import and is told when a code is taken.
    expect(planLocationImport(csv(['NEW', 'N', 'store', 'MINE']), ctx(existing)).inserts).toHaveLength(1);
  });
});
