/**
 * The draft of a list page's filter form: edited field by field, applied on submit with every value
 * trimmed (an empty one left out), so typing does not reload the list at each key.
 */
import { useState, type FormEvent } from 'react';

export function useFilterDraft<K extends string>(filters: Record<K, string | undefined>, onApply: (next: Partial<Record<K, string | undefined>>) => void) {
  const [draft, setDraft] = useState(filters);
  const set = (k: K) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value || undefined }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = {} as Partial<Record<K, string | undefined>>;
    for (const k of Object.keys(draft) as K[]) next[k] = draft[k]?.trim() || undefined;
    onApply(next);
  };
  return { draft, setDraft, set, submit };
}
