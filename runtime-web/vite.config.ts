// One Vite project, two single-page apps: the staff app (served at /app/) and the owner portal
// (served at /portal/). `vite build` builds the staff app into dist/app and then, from the
// closeBundle hook, the portal into dist/portal — two independent builds, so each app's
// assets live under its own base (dist/app/assets → /app/assets/, dist/portal/assets →
// /portal/assets/) and the engine can serve each folder with an index.html fallback.
// `vite` (dev) serves both from one server with /api proxied to the engine on :3000.
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

type AppName = 'app' | 'portal';
const here = fileURLToPath(new URL('.', import.meta.url));

// Forms rendered from untrusted schemas: no inline or eval'd script may ever run (the forms
// validate with an interpreting validator, not AJV code generation); antd's CSS-in-JS needs
// inline styles. The same policy the engine sends as a header (engine/src/web/security-headers.ts),
// repeated as a meta tag so the built files are just as strict when served by anything else.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function cspMetaPlugin(): Plugin {
  return {
    name: 'estateflow-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' },
    ],
  };
}

/** Dev only: /app/anything and /portal/anything fall back to that app's index.html. */
function spaFallbackPlugin(): Plugin {
  return {
    name: 'estateflow-spa-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const url = req.url ?? '/';
        const match = /^\/(app|portal)(\/[^.?]*)?(\?.*)?$/.exec(url);
        if (match && req.headers.accept?.includes('text/html')) req.url = `/${match[1]}/index.html`;
        if (url === '/') req.url = '/app/index.html';
        next();
      });
    },
  };
}

function appBuildConfig(app: AppName): UserConfig {
  return {
    root: `${here}${app}`,
    base: `/${app}/`,
    plugins: [react(), cspMetaPlugin()],
    resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
    build: {
      outDir: `${here}dist/${app}`,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 1500,
    },
  };
}

function buildPortalAfterApp(): Plugin {
  return {
    name: 'estateflow-build-portal',
    apply: 'build',
    async closeBundle() {
      await build({ ...appBuildConfig('portal'), configFile: false });
    },
  };
}

export default defineConfig(({ command }) => {
  if (command === 'build') {
    const app = appBuildConfig('app');
    return { ...app, plugins: [...(app.plugins ?? []), buildPortalAfterApp()] };
  }
  return {
    root: here,
    base: '/',
    plugins: [react(), spaFallbackPlugin()],
    resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
    server: { port: 5174, proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } } },
    preview: { port: 4174 },
  };
});
