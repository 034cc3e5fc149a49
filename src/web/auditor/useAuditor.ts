/** What the auditor's pages share: the connection state (sending the queue when it comes back) and the assignments, from the server or this phone. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { MyAssignment, MyAssignmentsAnswer } from '../../core/api/auditField.ts';
import { cacheAssignments, flushQueue, loadCachedAssignments } from './offline.ts';

/** navigator.onLine, kept current; going online (and opening the page) sends what is queued. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => {
      setOnline(true);
      void flushQueue();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    if (navigator.onLine) void flushQueue();
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

export interface AssignmentsState {
  items: MyAssignment[] | null;
  /** The server could not be asked; `items` are the ones saved on this phone. */
  cached: boolean;
  error: string | null;
  reload(): Promise<void>;
}

/** The assignments from the server (saved on the phone for offline use), else the saved ones. */
export function useAssignments(): AssignmentsState {
  const [items, setItems] = useState<MyAssignment[] | null>(null);
  const [cached, setCached] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      const answer = await api.get<MyAssignmentsAnswer>('/my/audit-assignments');
      setItems(answer.items);
      setCached(false);
      setError(null);
      await cacheAssignments(answer.items);
    } catch (err) {
      const saved = await loadCachedAssignments();
      if (saved) {
        setItems(saved);
        setCached(true);
      } else setError(err instanceof Error ? err.message : String(err));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { items, cached, error, reload };
}
