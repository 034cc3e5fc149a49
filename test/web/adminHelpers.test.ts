import { describe, expect, it } from 'vitest';
import { buildTree } from '../../src/core/locations/tree.ts';
import { csvPreview, subtreeIds, treeKey, visibleNodes } from '../../src/web/admin/locations/tree.ts';
import { buildSurveyUrl, posterUrl } from '../../src/web/admin/distribute/links.ts';
import type { Location } from '../../src/web/admin/types.ts';

const loc = (id: string, parentId: string | null, name: string, path: string): Location => ({ id, parentId, kind: 'store', name, code: null, path, depth: path.split('/').length - 3 });
const LOCS = [loc('r', null, 'Root', '/r/'), loc('b', 'r', 'North', '/r/b/'), loc('a', 'r', 'East', '/r/a/'), loc('c', 'b', 'Shop', '/r/b/c/')];

describe('location tree', () => {
  it('walks visible nodes with arrows, opens and closes, mirrored in RTL', () => {
    const roots = buildTree(LOCS);
    const open = new Set(['r']);
    expect(visibleNodes(roots, open).map((x) => x.node.location.id)).toEqual(['r', 'a', 'b']);
    expect(treeKey('ArrowDown', 'a', roots, open)).toEqual({ focus: 'b' });
    expect(treeKey('ArrowRight', 'b', roots, open)).toEqual({ expand: 'b' });
    expect(treeKey('ArrowLeft', 'b', roots, open, true)).toEqual({ expand: 'b' });
    expect(treeKey('ArrowLeft', 'a', roots, open)).toEqual({ focus: 'r' });
    expect(treeKey('ArrowLeft', 'r', roots, open)).toEqual({ collapse: 'r' });
    expect(treeKey('End', 'r', roots, open)).toEqual({ focus: 'b' });
    expect(treeKey('Enter', 'a', roots, open)).toEqual({ select: 'a' });
    expect(treeKey('ArrowDown', 'b', roots, open)).toBeNull();
  });

  it('excludes a location and its subtree as move targets', () => {
    expect([...subtreeIds(LOCS, 'b')].sort()).toEqual(['b', 'c']);
  });

  it('previews CSV rows and checks the header', () => {
    expect(csvPreview('code,name,kind,parent_code\nA,Alpha,store,\n\nB,Beta,store,A\n')).toEqual({ rows: 2, headerOk: true });
    expect(csvPreview('\uFEFFCode, Name ,kind,parent_code\r\nA,x,store,')).toEqual({ rows: 1, headerOk: true });
    expect(csvPreview('name,code\nx,y').headerOk).toBe(false);
    expect(csvPreview('')).toEqual({ rows: 0, headerOk: false });
  });
});

describe('distribution links', () => {
  it('adds language, channel and valid hidden fields, keeping existing parameters', () => {
    const url = buildSurveyUrl('https://x.test/s/nps?loc=S01', { lang: 'fa', channel: 'email', fields: [{ key: 'order', value: 'A 1&2' }, { key: 'loc', value: 'bad' }, { key: '', value: 'x' }] });
    const u = new URL(url);
    expect(u.searchParams.get('loc')).toBe('S01');
    expect(u.searchParams.get('lang')).toBe('fa');
    expect(u.searchParams.get('channel')).toBe('email');
    expect(u.searchParams.get('order')).toBe('A 1&2');
    expect([...u.searchParams.keys()]).toHaveLength(4);
    expect(buildSurveyUrl('/s/nps', {})).toBe('/s/nps');
  });

  it('addresses posters per location and language', () => {
    expect(posterUrl('s1', 'pdf', 'l1', 'fa')).toBe('/api/v1/surveys/s1/poster.pdf?location=l1&lang=fa');
    expect(posterUrl('s1', 'svg', null, 'en')).toBe('/api/v1/surveys/s1/poster.svg?lang=en');
  });
});

