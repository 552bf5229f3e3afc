import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { I18nProvider } from '../i18n/I18nProvider';
import { SessionProvider } from '../auth/SessionProvider';
import { RequireSignIn } from '../auth/RequireSignIn';
import { SignInPage } from '../auth/SignInPage';
import { AppShell } from '../shell/AppShell';
import { WorkflowListPage } from '../workflows/WorkflowListPage';
import { EditorPage } from '../editor/EditorPage';
import { LocalEditorPage } from '../editor/LocalEditorPage';

/** Providers and routes only; every screen lives in its own folder. */
export function App() {
  return (
    <I18nProvider>
      <BrowserRouter basename="/designer">
        <SessionProvider>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/local" element={<LocalEditorPage />} />
            <Route
              element={
                <RequireSignIn>
                  <AppShell />
                </RequireSignIn>
              }
            >
              <Route index element={<WorkflowListPage />} />
              <Route path="/workflows/:definitionId" element={<EditorPage />} />
            </Route>
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </I18nProvider>
  );
}
