import { onUnauthenticated } from '@estateflow/runtime-web/api';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { designerApi } from '../api/designerApi';
import type { Me } from '../api/types';
import { SessionContext, type SessionState } from './SessionContext';

function toSession(me: Me): SessionState {
  return me.kind === 'staff' ? { status: 'signedIn', me } : { status: 'signedOut' };
}

/** Who is signed in (GET /me), the estate they are looking at, sign-in and sign-out. */
export function SessionProvider(props: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  const [estateId, setEstateId] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    designerApi
      .me()
      .then((me) => alive && setSession(toSession(me)))
      .catch(() => alive && setSession({ status: 'signedOut' }));
    onUnauthenticated(() => setSession({ status: 'signedOut' }));
    return () => {
      alive = false;
      onUnauthenticated(null);
    };
  }, []);

  const value = useMemo(
    () => ({
      session,
      estateId,
      setEstateId,
      signIn: async (credentials: { email: string; password: string }) => {
        const me = await designerApi.login(credentials);
        setSession(toSession(me));
      },
      signOut: async () => {
        await designerApi.logout().catch(() => undefined);
        setSession({ status: 'signedOut' });
      },
    }),
    [session, estateId],
  );
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}
