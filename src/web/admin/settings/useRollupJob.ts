/** The organisation's rollup rebuild (GET /org/rollup-job), polled every second while it runs. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api.ts';
import type { RollupJobView } from '../../../core/api/org.ts';

const POLL_MS = 1000;

export function useRollupJob(): { job: RollupJobView | null; track(job: RollupJobView): void } {
  const [job, setJob] = useState<RollupJobView | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);

  const schedule = useCallback((current: RollupJobView) => {
    if (timer.current) clearTimeout(timer.current);
    if (current.status !== 'running') return;
    timer.current = setTimeout(async () => {
      try {
        const next = await api.get<RollupJobView>('/org/rollup-job');
        if (!alive.current) return;
        setJob(next);
        schedule(next);
      } catch {
        // A network hiccup: try again on the next tick.
        if (alive.current) schedule(current);
      }
    }, POLL_MS);
  }, []);

  const track = useCallback((next: RollupJobView) => {
    setJob(next);
    schedule(next);
  }, [schedule]);

  useEffect(() => {
    alive.current = true;
    // A rebuild started earlier (another tab, another admin) is shown too.
    api.get<RollupJobView>('/org/rollup-job').then((j) => alive.current && track(j)).catch(() => {});
    return () => {
      alive.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [track]);

  return { job, track };
}
