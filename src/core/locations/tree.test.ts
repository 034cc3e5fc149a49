import { describe, expect, it } from 'vitest';
import { buildTree, childPath, depthOf, isWithin, MAX_DEPTH, moveProblem, rebasePath, treeOrder, type Location } from './tree.ts';

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
    expect(tree.map((n) => n.location.id)).toEqual(['g', 'x']); // North before Orphan
    const north = tree.find((n) => n.location.id === 'g')!;
    expect(north.children.map((c) => c.location.name)).toEqual(['Alpha', 'Zeta']);
    expect(north.children.map((c) => c.children)).toEqual([[], []]);
  });

  it('keeps the objects it is given (any shape with id, parentId and name)', () => {
    const a = { id: 'a', parentId: null, name: 'A', extra: 1 };
    const b = { id: 'b', parentId: 'a', name: 'B', extra: 2 };
    const [top] = buildTree([b, a]);
    expect(top.location).toBe(a);
    expect(top.children[0].location).toBe(b);
  });

  it('gives nothing for no locations', () => {
    expect(buildTree([])).toEqual([]);
    expect(treeOrder([])).toEqual([]);
  });
});

describe('treeOrder', () => {
  it('lists parents before children, siblings by name, with the depth below the tops', () => {
    const order = treeOrder(buildTree([
      loc('s2', 'g', '/r/g/s2/', 'Zeta'),
      loc('r', null, '/r/', 'Company'),
      loc('h', 'r', '/r/h/', 'South'),
      loc('g', 'r', '/r/g/', 'North'),
      loc('s1', 'g', '/r/g/s1/', 'Alpha'),
      loc('t', 'h', '/r/h/t/', 'Beta'),
    ]));
    expect(order.map(({ location, depth }) => `${depth}:${location.name}`)).toEqual(['0:Company', '1:North', '2:Alpha', '2:Zeta', '1:South', '2:Beta']);
  });

  it('starts the depth at 0 on each top of a scoped list', () => {
    const order = treeOrder(buildTree([loc('s1', 'g', '/r/g/s1/', 'Alpha'), loc('g', 'r', '/r/g/', 'North'), loc('x', 'hidden', '/r/hidden/x/', 'Orphan')]));
    expect(order.map(({ location, depth }) => `${depth}:${location.id}`)).toEqual(['0:g', '1:s1', '0:x']);
  });
});
