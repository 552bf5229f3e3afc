import type { ErrorSchema } from '@rjsf/utils';
import type { FieldErrorDetail } from '../api/api-error';
import type { Locale } from '../api/types';
import { pickText } from '../i18n/translate';

/** "/photos/0/url", "photos.0.url", "photos[0].url" → ["photos", "0", "url"]; "" or "/" → []. */
export function splitErrorPath(path: string): string[] {
  const trimmed = path.trim().replace(/^#/, '');
  if (trimmed === '' || trimmed === '/' || trimmed === '.') return [];
  const pointer = trimmed.startsWith('/');
  const parts = pointer ? trimmed.slice(1).split('/') : trimmed.replace(/\[(\d+)\]/g, '.$1').split('.');
  return parts.filter((part) => part !== '').map((part) => (pointer ? part.replace(/~1/g, '/').replace(/~0/g, '~') : part));
}

/**
 * Puts the server's 422 field errors onto RJSF's extraErrors tree, so each message shows
 * under the field it belongs to (root-level ones show at the form's top).
 */
export function fieldErrorsToErrorSchema(fields: FieldErrorDetail[], locale: Locale): ErrorSchema {
  const root: ErrorSchema = {};
  for (const field of fields) {
    let node: ErrorSchema = root;
    for (const key of splitErrorPath(field.path)) {
      const existing: ErrorSchema | undefined = node[key];
      const next: ErrorSchema = existing ?? {};
      node[key] = next;
      node = next;
    }
    node.__errors = [...(node.__errors ?? []), pickText(field.message, locale)];
  }
  return root;
}
