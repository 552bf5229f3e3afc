import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BadRequestError, DomainError } from '../common/errors';
import { PACK_LIMITS } from '../packs/format/pack-limits';

/** Request bodies larger than this are refused with 413 before they are parsed. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/** Route config (`@RouteConfig(ARCHIVE_BODY)`) of the one route that takes a binary body: the pack import. */
export const ARCHIVE_BODY = { archiveBody: true } as const;

const ARCHIVE_TYPES = ['application/gzip', 'application/x-gzip', 'application/octet-stream', 'application/x-tar'];

/** application/json and `application/*+json` (e.g. application/merge-patch+json), parameters allowed. */
const JSON_TYPES = /^application\/([^\s;/]+\+)?json\s*(;|$)/i;

/**
 * Replaces Fastify's own parsers: JSON (strict, ≤ 1 MB), the pack archive, and every other type
 * left unread as no body. A body of the wrong type is then refused by the route's validation
 * with a message naming what it needs, never by a bare 415.
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_TYPES, { parseAs: 'string', bodyLimit: JSON_BODY_LIMIT }, (request, text, done) => {
    try {
      done(null, parseStrictJson(request, String(text)));
    } catch (error) {
      done(error instanceof Error ? error : new BadRequestError('The request body is not valid JSON.'));
    }
  });
  fastify.addContentTypeParser(ARCHIVE_TYPES, { parseAs: 'buffer', bodyLimit: PACK_LIMITS.maxArchiveBytes }, (_request, bytes, done) =>
    done(null, bytes),
  );
  // An archive is read only by the route that takes it: anywhere else it is refused unread.
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (ARCHIVE_TYPES.includes(type) && !isArchiveRoute(request))
      done(new DomainError('bad_request', 415, 'This address takes JSON (Content-Type: application/json), not an archive.'));
    else done(null, payload);
  });
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
}

/**
 * Top-level objects and arrays only, an empty body as `{}`; prototype keys stay plain keys for
 * the JSON Schema pipe to refuse by name.
 */
function parseStrictJson(request: FastifyRequest, text: string): unknown {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
    throw new DomainError('bad_request', 415, 'The request body could not be read.');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body === '') return {};
  const first = /^[ \t\n\r]*(.)/s.exec(body)?.[1];
  if (first !== '{' && first !== '[') throw new BadRequestError('The request body is not valid JSON.');
  try {
    return JSON.parse(body);
  } catch {
    throw new BadRequestError('The request body is not valid JSON.');
  }
}

function isArchiveRoute(request: FastifyRequest): boolean {
  const config: unknown = request.routeOptions.config;
  return typeof config === 'object' && config !== null && 'archiveBody' in config && config.archiveBody === true;
}
