import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/api-error';
import { api, onUnauthenticated } from '../api/client';
import type { Me } from '../api/types';

export type Session = { status: 'loading' } | { status: 'signedOut'; error?: unknown } | { status: 'signedIn'; me: Me };

type SessionValue = {
  session: Session;
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
  refresh: () => void;
};

const SessionContext = createContext<SessionValue | null>(null);

/** Who is signed in (GET /api/me); any 401 from any call sends the app back to sign-in. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api
      .get<Me>('/me')
      .then((me) => !cancelled && setSession({ status: 'signedIn', me }))
      .catch((error: unknown) => {
        if (cancelled) return;
        setSession(error instanceof ApiError && error.status === 401 ? { status: 'signedOut' } : { status: 'signedOut', error });
      });
    return () => {
      cancelled = true;
    };
  }, [tick]);

  useEffect(() => {
    onUnauthenticated(() => setSession({ status: 'signedOut' }));
    return () => onUnauthenticated(null);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post<void>('/auth/logout');
    } finally {
      setSession({ status: 'signedOut' });
    }
  }, []);

  const value = useMemo<SessionValue>(
    () => ({
      session,
      signedIn: (me) => setSession({ status: 'signedIn', me }),
      signOut,
      refresh: () => setTick((count) => count + 1),
    }),
    [session, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
