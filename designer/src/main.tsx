import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// antd's styles as one static sheet (zero-runtime mode, I18nProvider): no <style> injected the
// first time a component mounts, which restyled the whole 300-node canvas on the first click.
import 'antd/dist/antd.css';
import '@xyflow/react/dist/style.css';
import './designer.css';
import { App } from './app/App';
import { bindBrowserSchemaCompiler } from './simulator/bindBrowserSchemaCompiler';

bindBrowserSchemaCompiler();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
