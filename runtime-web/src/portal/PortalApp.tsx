import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Spin } from 'antd';
import { useSession } from '../shared/SessionProvider';
import { PortalLayout } from './components/PortalLayout';
import { UnitProvider } from './UnitProvider';

const SignInPage = lazy(() => import('./pages/SignInPage'));
const HomePage = lazy(() => import('./pages/HomePage'));
const NewRequestPage = lazy(() => import('./pages/NewRequestPage'));
const RequestsPage = lazy(() => import('./pages/RequestsPage'));
const RequestPage = lazy(() => import('./pages/RequestPage'));
const MessagesPage = lazy(() => import('./pages/MessagesPage'));

const spinner = <Spin size="large" className="ef-page-spin" />;

export function PortalApp() {
  const { session } = useSession();
  if (session.status === 'loading') return spinner;
  if (session.status === 'signedOut' || session.me.kind !== 'person') {
    return (
      <Suspense fallback={spinner}>
        <SignInPage />
      </Suspense>
    );
  }
  return (
    <UnitProvider me={session.me}>
      <PortalLayout>
        <Suspense fallback={spinner}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/new/:workflowKey" element={<NewRequestPage />} />
            <Route path="/requests" element={<RequestsPage />} />
            <Route path="/requests/:id" element={<RequestPage />} />
            <Route path="/messages" element={<MessagesPage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </PortalLayout>
    </UnitProvider>
  );
}
