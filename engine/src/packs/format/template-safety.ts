import Handlebars from 'handlebars';
import { isRecord } from './is-record';

const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/**
 * Why a Handlebars template from a pack may not be used, or null. Parsing builds a syntax tree
 * and runs nothing. Refused: unescaped output (`{{{` or `{{&`), partials and decorators (they
 * reach outside the template), and any path or string naming a prototype member.
 */
export function unsafeTemplateReason(template: string): string | null {
  if (template.includes('{{{')) return 'triple-stash "{{{" writes unescaped HTML; use "{{"';
  let program: unknown;
  try {
    program = Handlebars.parse(template);
  } catch (error: unknown) {
    return `not a valid Handlebars template: ${(error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''}`;
  }
  return findUnsafeNode(program);
}

function findUnsafeNode(root: unknown): string | null {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
      continue;
    }
    if (!isRecord(node)) continue;
    switch (node['type']) {
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return 'partials ("{{>") are not allowed';
      case 'Decorator':
      case 'DecoratorBlock':
        return 'decorators ("{{*") are not allowed';
      case 'MustacheStatement':
        if (node['escaped'] === false) return 'unescaped output ("{{&") is not allowed';
        break;
      case 'PathExpression': {
        const parts = Array.isArray(node['parts']) ? node['parts'] : [];
        const bad = parts.find((part) => typeof part === 'string' && PROTOTYPE_NAMES.has(part));
        if (typeof bad === 'string') return `"${bad}" reaches for an object prototype`;
        break;
      }
      case 'StringLiteral':
        if (typeof node['value'] === 'string' && PROTOTYPE_NAMES.has(node['value']))
          return `"${node['value']}" reaches for an object prototype`;
        break;
      default:
        break;
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'loc' && typeof value === 'object') pending.push(value);
  }
  return null;
}
