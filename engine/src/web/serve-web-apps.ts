import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

/** Where each single-page app's built files are, relative to the repository root. */
export const WEB_APPS = [
  { mount: '/designer', dir: 'designer/dist' },
  { mount: '/app', dir: 'runtime-web/dist/app' },
  { mount: '/portal', dir: 'runtime-web/dist/portal' },
] as const;

/**
 * Serves the built web apps on the engine's own port. Unknown paths under an app's mount fall
 * back to its index.html so that client-side routes survive a reload.
 */
export function serveWebApps(app: Express, webRoot: string): void {
  app.get('/', (_request: Request, response: Response) => response.redirect('/app/'));
  for (const { mount, dir } of WEB_APPS) {
    const root = path.join(webRoot, dir);
    const index = path.join(root, 'index.html');
    // Express matches `/app/` to the route `/app` too (non-strict routing): redirect only the bare mount.
    app.get(mount, (request: Request, response: Response, next: NextFunction) => {
      if (request.originalUrl.split('?')[0] !== mount) return next();
      response.redirect(`${mount}/`);
    });
    app.use(mount, express.static(root, { index: 'index.html', fallthrough: true, maxAge: '1h', setHeaders: noCacheForHtml }));
    app.use(mount, (request: Request, response: Response, next: NextFunction) => {
      if (request.method !== 'GET' || path.extname(request.path) !== '') return next();
      if (!fs.existsSync(index)) {
        response.status(503).type('text/plain').send(`This app is not built yet: run "npm run build".`);
        return;
      }
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(index);
    });
  }
}

function noCacheForHtml(response: Response, filePath: string): void {
  if (filePath.endsWith('.html')) response.setHeader('Cache-Control', 'no-cache');
}
