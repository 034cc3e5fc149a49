/** The dashboards' location picker (FilterBar, ComparePanel): own locations in tree order, competitors left out. */
import { describe, expect, it } from 'vitest';
import type { Location } from '../../core/locations/tree.ts';
import { locationTree } from './dashboard.ts';

const loc = (id: string, parentId: string | null, kind: Location['kind'], name: string, path: string): Location => ({ id, parentId, kind, name, code: null, path, depth: 0 });

describe('locationTree', () => {
  it('lists own locations in tree order and leaves competitor locations out', () => {
    const locations = [
      loc('r', null, 'company', 'Co', 'r/'),
      loc('c', 'r', 'competitor', 'Rival Mart', 'r/c/'),
      loc('g', 'r', 'region', 'North', 'r/g/'),
      loc('b', 'g', 'store', 'B store', 'r/g/b/'),
      loc('a', 'g', 'store', 'A store', 'r/g/a/'),
    ];
    expect(locationTree(locations).map((l) => [l.name, l.depth])).toEqual([['Co', 0], ['North', 1], ['A store', 2], ['B store', 2]]);
  });
});
