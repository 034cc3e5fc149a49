/** The location hierarchy as an ARIA tree: one tab stop, arrows move, Enter selects. */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useI18n, type MessageKey } from '../../i18n.tsx';
import { treeKey, type TreeNode } from './tree.ts';

export function LocationTree({ roots, expanded, setExpanded, focusedId, setFocusedId, selectedId, onSelect }: {
  roots: TreeNode[];
  expanded: Set<string>;
  setExpanded(next: Set<string>): void;
  focusedId: string | null;
  setFocusedId(id: string): void;
  selectedId: string | null;
  onSelect(id: string): void;
}) {
  const { t, dir } = useI18n();
  const refs = useRef(new Map<string, HTMLLIElement>());
  const moved = useRef(false);
  const current = focusedId ?? roots[0]?.location.id ?? null;

  useEffect(() => {
    if (moved.current && current) refs.current.get(current)?.focus();
    moved.current = false;
  }, [current]);

  const onKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (!current) return;
    const r = treeKey(e.key, current, roots, expanded, dir === 'rtl');
    if (!r) return;
    e.preventDefault();
    if (r.expand) setExpanded(new Set([...expanded, r.expand]));
    if (r.collapse) setExpanded(new Set([...expanded].filter((x) => x !== r.collapse)));
    if (r.focus) {
      moved.current = true;
      setFocusedId(r.focus);
    }
    if (r.select) onSelect(r.select);
  };
  const toggle = (id: string) => setExpanded(expanded.has(id) ? new Set([...expanded].filter((x) => x !== id)) : new Set([...expanded, id]));

  const render = (nodes: TreeNode[], level: number) =>
    nodes.map((n) => {
      const id = n.location.id;
      const open = expanded.has(id);
      const has = n.children.length > 0;
      return (
        <li
          key={id}
          ref={(el) => { if (el) refs.current.set(id, el); else refs.current.delete(id); }}
          role="treeitem"
          aria-level={level}
          aria-expanded={has ? open : undefined}
          aria-selected={selectedId === id}
          tabIndex={current === id ? 0 : -1}
          onFocus={(e) => { if (e.target === e.currentTarget) setFocusedId(id); }}
        >
          <div className="tree-row" onClick={() => { setFocusedId(id); onSelect(id); }}>
            <span className="tree-toggle" aria-hidden="true" onClick={(e) => { if (has) { e.stopPropagation(); toggle(id); } }}>
              {has ? (open ? '▾' : dir === 'rtl' ? '◂' : '▸') : '·'}
            </span>
            <span>{n.location.name}</span>
            <span className="muted small">{t(`kind.${n.location.kind}` as MessageKey)}{n.location.code ? ` · ${n.location.code}` : ''}</span>
          </div>
          {has && open && <ul role="group">{render(n.children, level + 1)}</ul>}
        </li>
      );
    });

  return (
    <ul role="tree" aria-label={t('loc.treeLabel')} aria-describedby="tree-help" className="tree" onKeyDown={onKey}>
      {render(roots, 1)}
    </ul>
  );
}
