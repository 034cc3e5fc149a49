/** The signed-in user (GET /api/v1/me), available to every page. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Action } from '../../core/access/index.ts';
// GET /me: `org.timezone` is the organisation's IANA zone; dashboard dates are days there.
import type { MeAnswer as Me } from '../../core/api/accounts.ts';
import { api, ApiError } from '../api.ts';

interface SessionState {
  me: Me | null;
  loading: boolean;
  refresh(): Promise<void>;
  can(action: Action): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    try {
      setMe(await api.get<Me>('/me'));
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) throw err;
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void refresh();
    const onUnauthorized = () => setMe(null);
    window.addEventListener('sarafan:unauthorized', onUnauthorized);
    return () => window.removeEventListener('sarafan:unauthorized', onUnauthorized);
  }, [refresh]);
  const can = useCallback((action: Action) => !!me?.permissions.includes(action), [me]);
  return <SessionContext.Provider value={{ me, loading, refresh, can }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
