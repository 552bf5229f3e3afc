import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider } from '../i18n/I18nProvider';
import { SessionProvider } from '../shared/SessionProvider';
import { LargeTypeProvider } from './LargeTypeProvider';
import { PortalApp } from './PortalApp';
import './portal.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <LargeTypeProvider>
          <SessionProvider>
            <BrowserRouter basename="/portal">
              <PortalApp />
            </BrowserRouter>
          </SessionProvider>
        </LargeTypeProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
