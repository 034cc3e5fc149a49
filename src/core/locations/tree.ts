/**
 * Location hierarchy maths: materialised paths and trees. Pure; no I/O.
 * A path is the chain of ids from the root, '/'-separated and ending in '/' (see 001_init.sql),
 * so "inside the subtree of X" is "path starts with X's path".
 */

export const LOCATION_KINDS = ['company', 'region', 'store', 'branch', 'call_center', 'team', 'other'] as const;
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

export interface LocationTreeNode extends Location {
  children: LocationTreeNode[];
}

/**
 * Builds a forest from a flat list (e.g. a scoped list, where the tops are the caller's granted
 * nodes rather than the company). Nodes whose parent is absent become tops; siblings sort by name.
 */
export function buildTree(locations: readonly Location[]): LocationTreeNode[] {
  const byId = new Map<string, LocationTreeNode>();
  for (const l of locations) byId.set(l.id, { ...l, children: [] });
  const tops: LocationTreeNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else tops.push(node);
  }
  const sort = (nodes: LocationTreeNode[]) => {
    nodes.sort((a, b) => a.name.localeCompare(b.name));
    for (const n of nodes) sort(n.children);
  };
  sort(tops);
  return tops;
}
