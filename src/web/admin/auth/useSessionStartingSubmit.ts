/** Submits a form that starts a session (setup, invitation acceptance), then enters the app. */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api.ts';
import { useSession } from '../../shell/session.tsx';

export function useSessionStartingSubmit() {
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** @param request may return where to go next (default /app). */
  const run = async (request: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await request();
      await refresh();
      navigate(typeof next === 'string' ? next : '/app');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
