/** The keyboard model of the location tree view (the tree itself: buildTree in src/core/locations/tree.ts). Pure. */
import { isWithin, type TreeNode as CoreTreeNode } from '../../../core/locations/tree.ts';
import type { Location } from '../types.ts';

export type TreeNode = CoreTreeNode<Location>;

/** The tree items a keyboard user can reach: roots and children of expanded nodes, in display order. */
export function visibleNodes(roots: readonly TreeNode[], expanded: ReadonlySet<string>): { node: TreeNode; level: number; parentId: string | null }[] {
  const out: { node: TreeNode; level: number; parentId: string | null }[] = [];
  const walk = (nodes: readonly TreeNode[], level: number, parentId: string | null) => {
    for (const n of nodes) {
      out.push({ node: n, level, parentId });
      if (expanded.has(n.location.id)) walk(n.children, level + 1, n.location.id);
    }
  };
  walk(roots, 1, null);
  return out;
}

/** Ids of a location and everything under it (cannot be chosen as its new parent). */
export function subtreeIds(locations: readonly Location[], id: string): Set<string> {
  const root = locations.find((l) => l.id === id);
  if (!root) return new Set();
  return new Set(locations.filter((l) => isWithin(l.path, root.path)).map((l) => l.id));
}

export type TreeKeyResult = { focus?: string; expand?: string; collapse?: string; select?: string } | null;

/**
 * What a key press does in the tree (WAI-ARIA tree pattern). In right-to-left layout the
 * horizontal arrows swap meaning.
 */
export function treeKey(key: string, focusedId: string, roots: readonly TreeNode[], expanded: ReadonlySet<string>, rtl = false): TreeKeyResult {
  const items = visibleNodes(roots, expanded);
  const i = items.findIndex((x) => x.node.location.id === focusedId);
  if (i < 0) return items[0] ? { focus: items[0].node.location.id } : null;
  const cur = items[i];
  const hasChildren = cur.node.children.length > 0;
  const open = rtl ? 'ArrowLeft' : 'ArrowRight';
  const close = rtl ? 'ArrowRight' : 'ArrowLeft';
  switch (key) {
    case 'ArrowDown':
      return items[i + 1] ? { focus: items[i + 1].node.location.id } : null;
    case 'ArrowUp':
      return items[i - 1] ? { focus: items[i - 1].node.location.id } : null;
    case 'Home':
      return { focus: items[0].node.location.id };
    case 'End':
      return { focus: items[items.length - 1].node.location.id };
    case open:
      if (!hasChildren) return null;
      return expanded.has(focusedId) ? { focus: cur.node.children[0].location.id } : { expand: focusedId };
    case close:
      if (hasChildren && expanded.has(focusedId)) return { collapse: focusedId };
      return cur.parentId ? { focus: cur.parentId } : null;
    case 'Enter':
    case ' ':
      return { select: focusedId };
    default:
      return null;
  }
}

/** The header the import expects, in this order. */
export const CSV_HEADER = 'code,name,kind,parent_code';

/** A quick look at pasted CSV before sending it: data rows and whether the header matches. */
export function csvPreview(text: string): { rows: number; headerOk: boolean } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return { rows: 0, headerOk: false };
  const header = lines[0].split(',').map((h) => h.trim().toLowerCase().replace(/^"|"$/g, '')).join(',');
  return { rows: lines.length - 1, headerOk: header === CSV_HEADER };
}
