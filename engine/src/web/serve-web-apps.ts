import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where each single-page app's built files are, relative to the repository root. */
export const WEB_APPS = [
  { mount: '/designer', dir: 'designer/dist' },
  { mount: '/app', dir: 'runtime-web/dist/app' },
  { mount: '/portal', dir: 'runtime-web/dist/portal' },
] as const;

/** Hashed assets are cached for an hour; pages are revalidated (see noCacheForHtml). */
const ASSET_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Serves the built web apps on the engine's own port. Unknown paths under an app's mount fall
 * back to its index.html so that client-side routes survive a reload; unknown files (with an
 * extension) are the API's JSON 404.
 */
export function serveWebApps(fastify: FastifyInstance, webRoot: string): void {
  // Only reply.sendFile() (ETag, Last-Modified, ranges, no dotfiles): the routes below decide what is served.
  void fastify.register(fastifyStatic, { serve: false, maxAge: ASSET_MAX_AGE_MS, dotfiles: 'ignore', setHeaders: noCacheForHtml });
  fastify.get('/', (_request, reply) => reply.redirect('/app/'));
  for (const { mount, dir } of WEB_APPS) {
    const app = { root: path.join(webRoot, dir), index: path.join(webRoot, dir, 'index.html') };
    // With trailing slashes ignored, this route is `/app/` too: redirect only the bare mount.
    fastify.get(mount, (request, reply) => (request.url.split('?')[0] === mount ? reply.redirect(`${mount}/`) : sendIndex(reply, app)));
    fastify.get(`${mount}/*`, (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
      const file = request.params['*'];
      // A path that leaves the app's folder (dot segments, however encoded) names nothing here.
      if (!path.resolve(app.root, file).startsWith(app.root + path.sep)) return reply.callNotFound();
      return path.extname(file) === '' ? sendIndex(reply, app) : reply.sendFile(file, app.root);
    });
  }
}

function sendIndex(reply: FastifyReply, app: { root: string; index: string }): FastifyReply {
  if (!fs.existsSync(app.index))
    return reply.code(503).type('text/plain; charset=utf-8').send(`This app is not built yet: run "npm run build".`);
  return reply.sendFile('index.html', app.root);
}

function noCacheForHtml(reply: FastifyReply, filePath: string): void {
  if (filePath.endsWith('.html')) reply.header('Cache-Control', 'no-cache');
}
