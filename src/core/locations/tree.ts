/**
 * Location hierarchy maths: materialised paths and trees. Pure; no I/O.
 * A path is the chain of ids from the root, '/'-separated and ending in '/' (see 001_init.sql),
 * so "inside the subtree of X" is "path starts with X's path".
 */

// competitor: a competitor's store, audited and benchmarked beside one's own but never scored as part of the own tree (docs/audits.md)
export const LOCATION_KINDS = ['company', 'region', 'store', 'branch', 'call_center', 'team', 'other', 'competitor'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

/**
 * Deepest allowed level below the company root. Paths are indexed (btree, ~2.7 kB per entry, 37 bytes
 * per level), so depth has a hard ceiling near 70; real hierarchies stay far below this limit.
 */
export const MAX_DEPTH = 32;

/** A location as the API presents it. */
export interface Location {
  id: string;
  parentId: string | null;
  kind: LocationKind;
  name: string;
  code: string | null;
  path: string;
  depth: number;
}

/** The path of a child `id` placed under a parent with `parentPath` (null for a root). */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** Depth of a node from its path: the root is 0. */
export function depthOf(path: string): number {
  return path.split('/').filter(Boolean).length - 1;
}

/** True when `path` is `ancestorPath` itself or lies below it. */
export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/**
 * Why a node may not move under `newParentPath`: a node cannot become its own descendant, which
 * would cut the subtree off from the root (a cycle), and its deepest descendant (`subtreeHeight`
 * levels below it) must stay within MAX_DEPTH. Returns null when the move is fine.
 */
export function moveProblem(nodePath: string, newParentPath: string, subtreeHeight = 0): string | null {
  if (isWithin(newParentPath, nodePath)) return 'a location cannot be moved under itself or one of its descendants';
  if (depthOf(newParentPath) + 1 + subtreeHeight > MAX_DEPTH) return `the hierarchy may be at most ${MAX_DEPTH} levels deep`;
  return null;
}

/** The new path of a subtree member when its subtree root moves from `oldRootPath` to `newRootPath`. */
export function rebasePath(path: string, oldRootPath: string, newRootPath: string): string {
  if (!isWithin(path, oldRootPath)) throw new Error(`path ${path} is not inside ${oldRootPath}`);
  return newRootPath + path.slice(oldRootPath.length);
}

/** What a tree needs of a location (the API's Location and the dashboard's views of it have it). */
export interface TreeItem {
  id: string;
  parentId: string | null;
  name: string;
}

export interface TreeNode<L extends TreeItem = Location> {
  location: L;
  children: TreeNode<L>[];
}

/**
 * Builds a forest from a flat list (e.g. a scoped list, where the tops are the caller's granted
 * nodes rather than the company). Nodes whose parent is absent become tops; siblings sort by name.
 */
export function buildTree<L extends TreeItem>(locations: readonly L[]): TreeNode<L>[] {
  const byId = new Map(locations.map((l) => [l.id, { location: l, children: [] as TreeNode<L>[] }]));
  const tops: TreeNode<L>[] = [];
  for (const node of byId.values()) {
    const parent = node.location.parentId ? byId.get(node.location.parentId) : undefined;
    (parent ? parent.children : tops).push(node);
  }
  const sort = (nodes: TreeNode<L>[]) => {
    nodes.sort((a, b) => a.location.name.localeCompare(b.location.name));
    for (const n of nodes) sort(n.children);
  };
  sort(tops);
  return tops;
}

/** Every location of a forest in tree order (parents before children, siblings by name), with its depth below the tops (0). */
export function treeOrder<L extends TreeItem>(tops: readonly TreeNode<L>[]): { location: L; depth: number }[] {
  const out: { location: L; depth: number }[] = [];
  const walk = (nodes: readonly TreeNode<L>[], depth: number) => {
    for (const n of nodes) {
      out.push({ location: n.location, depth });
      walk(n.children, depth + 1);
    }
  };
  walk(tops, 0);
  return out;
}
