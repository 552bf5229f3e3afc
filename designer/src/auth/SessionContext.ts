import { createContext, useContext } from 'react';
import type { StaffMe } from '../api/types';

export type SessionState = { status: 'loading' } | { status: 'signedOut' } | { status: 'signedIn'; me: StaffMe };

export interface SessionValue {
  session: SessionState;
  estateId: string | null;
  setEstateId: (estateId: string | null) => void;
  signIn: (credentials: { email: string; password: string }) => Promise<void>;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue>({
  session: { status: 'loading' },
  estateId: null,
  setEstateId: () => undefined,
  signIn: async () => undefined,
  signOut: async () => undefined,
});

export function useSession(): SessionValue {
  return useContext(SessionContext);
}
