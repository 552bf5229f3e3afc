import Handlebars from 'handlebars';
import { lintNotificationTemplate } from './lint-notification-template';
import { TEMPLATE_HELPERS, templateHelpers } from './template-helpers';
import { TemplateError } from './template-problem';

/** An isolated Handlebars environment: no helpers registered globally, no partials, no `lookup` or `log`. */
const sandbox = Handlebars.create();
sandbox.unregisterHelper('lookup');
sandbox.unregisterHelper('log');

const KNOWN_HELPERS = Object.fromEntries([...TEMPLATE_HELPERS, 'if', 'unless', 'each', 'with'].map((name) => [name, true]));
const CACHE_LIMIT = 500;
const cache = new Map<string, HandlebarsTemplateDelegate>();

function compiled(source: string): HandlebarsTemplateDelegate {
  const cached = cache.get(source);
  if (cached) return cached;
  const problems = lintNotificationTemplate(source);
  if (problems.length > 0) throw new TemplateError(problems);
  // Templates make plain text (in-app, SMS, WeChat); the e-mail channel escapes for HTML itself,
  // so escaping here would show "&amp;" to owners. Unescaped output is refused above anyway.
  const template = sandbox.compile(source, {
    noEscape: true,
    knownHelpers: KNOWN_HELPERS,
    knownHelpersOnly: true,
    data: false,
    strict: false,
  });
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? '');
  cache.set(source, template);
  return template;
}

/** Copies JSON into objects without a prototype, so nothing in a template can reach Object.prototype. */
function detach(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(detach);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return value.toISOString();
  const copy: Record<string, unknown> = Object.create(null);
  for (const [key, child] of Object.entries(value)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    copy[key] = detach(child);
  }
  return copy;
}

/**
 * Renders one user-written notification template (title or body) to plain text, with the
 * sandbox's restrictions: lint first, prototype access off, strict helpers in the estate's zone.
 */
export function renderNotificationTemplate(input: { source: string; context: Record<string, unknown>; timezone: string }): string {
  const template = compiled(input.source);
  return template(detach(input.context), {
    helpers: templateHelpers(input.timezone),
    allowProtoPropertiesByDefault: false,
    allowProtoMethodsByDefault: false,
    allowCallsToHelperMissing: false,
  }).trim();
}
