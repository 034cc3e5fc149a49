/**
 * The URL query of a list page after a filter change: only the page's own filter keys are kept (paging and
 * anything else is dropped, so a new filter starts from the first page), `next` overriding the current values;
 * empty values are left out.
 */
export function withFilters<K extends string>(prev: URLSearchParams, keys: readonly K[], next: Partial<Record<K, string | undefined>>): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of keys) {
    const v = k in next ? next[k] : prev.get(k) ?? undefined;
    if (v) out.set(k, v);
  }
  return out;
}

/** The URL query of a paged list with its offset set to `offset` (dropped at 0), everything else kept. */
export function withOffset(prev: URLSearchParams, offset: number): URLSearchParams {
  const out = new URLSearchParams(prev);
  if (offset > 0) out.set('offset', String(offset));
  else out.delete('offset');
  return out;
}
