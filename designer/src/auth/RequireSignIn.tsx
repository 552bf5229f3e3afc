import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from './SessionContext';

export function RequireSignIn(props: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <Spin fullscreen />;
  if (session.status === 'signedOut') return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return props.children;
}
