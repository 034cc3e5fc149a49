/**
 * @module The anonymity rule of staff surveys (docs/staff.md "Employee surveys and anonymity"). Pure; no I/O.
 *
 * Reporting groups form a tree: locations, and the teams inside a location (a team is a child of its
 * location). Every respondent belongs to exactly one node: the team they named, or else their location.
 * Walking the tree bottom-up, a node's pool is its own respondents plus whatever its children could not
 * show. A pool of at least MIN_GROUP respondents is shown as one group (naming the children merged into
 * it); a smaller pool is passed on to the parent. What is still under MIN_GROUP at a root is hidden:
 * reported only as "hidden: fewer than 5", never with its size.
 *
 * Shown groups are disjoint (a group never includes a sub-group shown on its own) and no total across
 * groups is shown while something is hidden, so no difference between shown figures equals a hidden
 * group: "parent minus the shown children" is never computable because no parent roll-up exists.
 * The partition of a subtree does not depend on what lies outside it, so asking for a sub-location
 * gives the same groups as the whole tree there (its root's remainder is hidden instead of merged).
 */

/** The smallest group whose results are shown. */
export const MIN_GROUP = 5;

export interface GroupNode {
  id: string;
  /** null (or an id outside the list) for a root */
  parentId: string | null;
}

export interface ShownGroup {
  id: string;
  n: number;
  /** Descendant nodes with respondents whose answers are counted in this group, in tree order. */
  merged: string[];
}

export interface GroupPlan {
  /** In the order of the node list. */
  shown: ShownGroup[];
  /** Where each node's respondents are counted: a shown group's id, or null when hidden. */
  groupOf: Map<string, string | null>;
  /** True when some respondents (fewer than MIN_GROUP under a root) are hidden. */
  hidden: boolean;
}

/**
 * Plans the groups of a tree.
 * @param nodes the tree, parents before or after children in any order; node order sets sibling order
 * @param counts respondents per node (absent: 0)
 * Example: root R (0) with children A (3), B (4), C (6), D (12): C and D are shown; A and B pool 7 at R,
 * shown as R with A and B merged. With A (3) alone under R: hidden.
 */
export function planGroups(nodes: readonly GroupNode[], counts: ReadonlyMap<string, number>): GroupPlan {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const node of nodes) {
    if (node.parentId !== null && ids.has(node.parentId) && node.parentId !== node.id) {
      const list = children.get(node.parentId);
      if (list) list.push(node.id);
      else children.set(node.parentId, [node.id]);
    } else roots.push(node.id);
  }
  const shownAt = new Map<string, ShownGroup>();
  const groupOf = new Map<string, string | null>();
  let hidden = false;

  /** Returns the pool not shown in the subtree: its size and its nodes with respondents. */
  const visit = (id: string, seen: Set<string>): { n: number; pending: string[] } => {
    seen.add(id);
    const own = counts.get(id) ?? 0;
    let n = own;
    const pending = own > 0 ? [id] : [];
    for (const child of children.get(id) ?? []) {
      if (seen.has(child)) continue; // a cycle in bad data: visit each node once
      const rest = visit(child, seen);
      n += rest.n;
      pending.push(...rest.pending);
    }
    if (n >= MIN_GROUP) {
      shownAt.set(id, { id, n, merged: pending.filter((p) => p !== id) });
      for (const p of pending) groupOf.set(p, id);
      return { n: 0, pending: [] };
    }
    return { n, pending };
  };
  const seen = new Set<string>();
  // Nodes on a cycle (bad data) have no root: each first unvisited one is taken as a root.
  for (const root of [...roots, ...nodes.map((n) => n.id)]) {
    if (seen.has(root)) continue;
    const rest = visit(root, seen);
    if (rest.n > 0) hidden = true;
    for (const p of rest.pending) groupOf.set(p, null);
  }
  const shown = nodes.filter((node) => shownAt.has(node.id)).map((node) => shownAt.get(node.id)!);
  return { shown, groupOf, hidden };
}

/**
 * A count of a survey's answers as lists may show it: a staff survey's count (and so when its last answer came)
 * is shown only from MIN_GROUP up, else null ("fewer than 5"); a customer survey's is shown as it is.
 */
export function visibleAnswerCount(audience: 'customers' | 'staff', n: number): number | null {
  return audience === 'staff' && n < MIN_GROUP ? null : n;
}
