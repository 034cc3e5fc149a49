/**
 * Loads one API resource for a page or panel: data, error, a reload function and a local setter.
 * The previous answer stays on screen while a new one loads (no layout jump), and answers to an
 * earlier path or an earlier reload are dropped, so a slow response never overwrites a newer one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api.ts';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | Error | null;
  loading: boolean;
  reload(): Promise<void>;
  setData(value: T): void;
}

/** @param path - API path under /api/v1, or null to wait (e.g. until an id is known) */
export function useLoad<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    if (path === null) {
      setLoading(false);
      return;
    }
    setLoading(true);
    try {
      const answer = await api.get<T>(path);
      if (ticket !== latest.current) return;
      setData(answer);
      setError(null);
    } catch (err) {
      if (ticket !== latest.current) return;
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload, setData };
}
