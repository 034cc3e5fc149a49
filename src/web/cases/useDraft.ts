/**
 * Text typed into a case form, kept in sessionStorage under `key` until it is sent: a failed save, a
 * reload or a trip to another page of the tab does not lose it. `clear()` after a successful save.
 */
import { useCallback, useState } from 'react';

const PREFIX = 'sarafan.caseDraft.';

function read<T>(key: string, initial: T): T {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw ? { ...initial, ...(JSON.parse(raw) as T) } : initial;
  } catch {
    return initial;
  }
}

export function useDraft<T extends Record<string, unknown>>(key: string, initial: T): [T, (patch: Partial<T>) => void, () => void] {
  const [value, setValue] = useState<T>(() => read(key, initial));
  const update = useCallback((patch: Partial<T>) => {
    setValue((prev) => {
      const next = { ...prev, ...patch };
      try {
        sessionStorage.setItem(PREFIX + key, JSON.stringify(next));
      } catch {
        /* storage full or disabled: the state still holds the text */
      }
      return next;
    });
  }, [key]);
  const clear = useCallback(() => {
    try {
      sessionStorage.removeItem(PREFIX + key);
    } catch {
      /* nothing stored */
    }
    setValue(initial);
  }, [key]);
  return [value, update, clear];
}
