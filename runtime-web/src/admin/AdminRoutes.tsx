import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Spin, Tabs } from 'antd';
import { useAdminText } from './use-admin-text';

const EstatesPage = lazy(() => import('./EstatesPage'));
const StaffPage = lazy(() => import('./StaffPage'));
const PeoplePage = lazy(() => import('./PeoplePage'));
const ImportPage = lazy(() => import('./ImportPage'));
const AuditPage = lazy(() => import('./AuditPage'));

/** The administration pages under /admin/* of the staff app; the engine decides who may do what. */
export default function AdminRoutes() {
  const tr = useAdminText();
  const location = useLocation();
  const navigate = useNavigate();
  const active = location.pathname.split('/')[2] ?? 'estates';
  return (
    <>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/admin/${key}`)}
        items={[
          { key: 'estates', label: tr('项目与房屋', 'Estates and units') },
          { key: 'staff', label: tr('员工与角色', 'Staff and roles') },
          { key: 'people', label: tr('业主与租户', 'Owners and tenants') },
          { key: 'imports', label: tr('导入导出', 'Import and export') },
          { key: 'audit', label: tr('审计日志', 'Audit log') },
        ]}
      />
      <Suspense fallback={<Spin />}>
        <Routes>
          <Route path="estates" element={<EstatesPage />} />
          <Route path="staff" element={<StaffPage />} />
          <Route path="people" element={<PeoplePage />} />
          <Route path="imports" element={<ImportPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="*" element={<Navigate to="estates" replace />} />
        </Routes>
      </Suspense>
    </>
  );
}
