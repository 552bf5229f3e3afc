import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { PersonMe } from '../api/types';
import { AntdProvider } from '../shared/AntdProvider';
import { PageSpinner } from './components/PageSpinner';
import { PortalLayout } from './components/PortalLayout';
import { useLargeType } from './LargeTypeProvider';
import { UnitProvider } from './UnitProvider';

const HomePage = lazy(() => import('./pages/HomePage'));
const NewRequestPage = lazy(() => import('./pages/NewRequestPage'));
const RequestsPage = lazy(() => import('./pages/RequestsPage'));
const RequestPage = lazy(() => import('./pages/RequestPage'));
const MessagesPage = lazy(() => import('./pages/MessagesPage'));

/** Everything behind sign-in; Ant Design loads with this chunk, not with the sign-in page. */
export default function SignedInPortal({ me }: { me: PersonMe }) {
  const { largeType } = useLargeType();
  return (
    <AntdProvider largeType={largeType}>
      <UnitProvider me={me}>
        <PortalLayout>
          <Suspense fallback={<PageSpinner />}>
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
    </AntdProvider>
  );
}
