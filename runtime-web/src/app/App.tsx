import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Spin } from 'antd';
import { useSession } from '../shared/SessionProvider';
import { AppShell } from './components/AppShell';
import { EstateProvider } from './EstateProvider';
import { SignInPage } from './pages/SignInPage';

const InboxPage = lazy(() => import('./pages/InboxPage'));
const InstancePage = lazy(() => import('./pages/InstancePage'));
const InstanceListPage = lazy(() => import('./pages/InstanceListPage'));
const FileForOwnerPage = lazy(() => import('./pages/FileForOwnerPage'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage'));
const ReportsPage = lazy(() => import('./reports/ReportsPage'));
const NoticesPage = lazy(() => import('./notices/NoticesPage'));
const CheckpointLabelsPage = lazy(() => import('./checkpoints/CheckpointLabelsPage'));
const CheckInPage = lazy(() => import('./checkpoints/CheckInPage'));
const SchedulesPage = lazy(() => import('./schedules/SchedulesPage'));
const AdminRoutes = lazy(() => import('../admin/AdminRoutes'));

export function App() {
  const { session } = useSession();
  if (session.status === 'loading') return <Spin size="large" className="ef-page-spin" />;
  if (session.status === 'signedOut' || session.me.kind !== 'staff') return <SignInPage />;
  return (
    <EstateProvider me={session.me}>
      <AppShell me={session.me}>
        <Suspense fallback={<Spin className="ef-page-spin" />}>
          <Routes>
            <Route path="/" element={<InboxPage />} />
            <Route path="/instances" element={<InstanceListPage />} />
            <Route path="/instances/:id" element={<InstancePage />} />
            <Route path="/file" element={<FileForOwnerPage />} />
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="/reports" element={<ReportsPage />} />
            <Route path="/notices" element={<NoticesPage />} />
            <Route path="/checkpoints" element={<CheckpointLabelsPage />} />
            <Route path="/checkpoint/:code" element={<CheckInPage />} />
            <Route path="/schedules" element={<SchedulesPage />} />
            <Route path="/admin/*" element={<AdminRoutes />} />
            <Route path="/login" element={<Navigate to="/" replace />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </AppShell>
    </EstateProvider>
  );
}
