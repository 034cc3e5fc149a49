import { describe, expect, it } from 'vitest';
import { buildTree, childPath, depthOf, isWithin, MAX_DEPTH, moveProblem, rebasePath, type Location } from './tree.ts';

const loc = (id: string, parentId: string | null, path: string, name = id): Location => ({
  id, parentId, kind: 'store', name, code: null, path, depth: depthOf(path),
});

describe('location paths', () => {
  it('builds child paths and depths from the root', () => {
    expect(childPath(null, 'r')).toBe('/r/');
    expect(childPath('/r/', 'a')).toBe('/r/a/');
    expect(depthOf('/r/')).toBe(0);
    expect(depthOf('/r/a/b/')).toBe(2);
  });

  it('treats a node as within itself and its ancestors only', () => {
    expect(isWithin('/r/a/b/', '/r/a/')).toBe(true);
    expect(isWithin('/r/a/', '/r/a/')).toBe(true);
    expect(isWithin('/r/ab/', '/r/a/')).toBe(false);
    expect(isWithin('/r/', '/r/a/')).toBe(false);
  });

  it('refuses moving a node under itself or a descendant', () => {
    expect(moveProblem('/r/a/', '/r/a/')).toMatch(/descendant/);
    expect(moveProblem('/r/a/', '/r/a/b/')).toMatch(/descendant/);
    expect(moveProblem('/r/a/', '/r/c/')).toBeNull();
    expect(moveProblem('/r/a/b/', '/r/')).toBeNull();
    const deep = `/${Array.from({ length: MAX_DEPTH }, (_, i) => `n${i}`).join('/')}/`;
    expect(moveProblem('/r/a/', deep)).toBeNull();
    expect(moveProblem('/r/a/', deep, 1)).toMatch(/at most 32 levels/);
  });

  it('rebases subtree paths onto a new parent', () => {
    expect(rebasePath('/r/a/b/x/', '/r/a/b/', '/r/c/b/')).toBe('/r/c/b/x/');
    expect(rebasePath('/r/a/b/', '/r/a/b/', '/r/c/b/')).toBe('/r/c/b/');
    expect(() => rebasePath('/r/z/', '/r/a/', '/r/c/a/')).toThrow();
  });
});

describe('buildTree', () => {
  it('nests children under parents, sorted by name, with orphans (scoped lists) as tops', () => {
    const tree = buildTree([
      loc('s2', 'g', '/r/g/s2/', 'Zeta'),
      loc('g', 'r', '/r/g/', 'North'),
      loc('s1', 'g', '/r/g/s1/', 'Alpha'),
      loc('x', 'hidden', '/r/hidden/x/', 'Orphan'),
    ]);
    expect(tree.map((n) => n.id).sort()).toEqual(['g', 'x']);
    const north = tree.find((n) => n.id === 'g')!;
    expect(north.children.map((c) => c.name)).toEqual(['Alpha', 'Zeta']);
  });
});
