/** Submits a form that starts a session (setup, invitation acceptance), then enters the app. */
import { useNavigate } from 'react-router';
import { ApiError } from '../../api.ts';
import { useSession } from '../../shell/session.tsx';
import { useSubmit } from './useSubmit.ts';

export function useSessionStartingSubmit() {
  const { refresh } = useSession();
  const navigate = useNavigate();
  const { busy, error, run: submit } = useSubmit((err) => (err instanceof ApiError ? err.message : String(err)));
  /** @param request may return where to go next (default /app). */
  const run = (request: () => Promise<unknown>) =>
    submit(async () => {
      const next = await request();
      await refresh();
      navigate(typeof next === 'string' ? next : '/app');
    });
  return { busy, error, run };
}
