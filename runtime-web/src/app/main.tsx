import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider } from '../i18n/I18nProvider';
import { AntdProvider } from '../shared/AntdProvider';
import { SessionProvider } from '../shared/SessionProvider';
import { App } from './App';
import './app.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <AntdProvider>
          <SessionProvider>
            <BrowserRouter basename="/app">
              <App />
            </BrowserRouter>
          </SessionProvider>
        </AntdProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
