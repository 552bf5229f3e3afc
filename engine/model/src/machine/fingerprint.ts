import type { WorkflowDefinition } from '../generated/definition.js';

/**
 * A short hash of what decides how a snapshot is read: the machine and its delays. Labels,
 * forms, notifications and layout may change without making running snapshots incompatible;
 * a renamed state or a moved transition does change it. FNV-1a over canonical JSON, twice with
 * different offsets for 64 bits: no crypto module, the same in Node and the browser.
 */
export function definitionFingerprint(definition: WorkflowDefinition): string {
  const text = canonicalJson({ machine: definition.machine, delays: definition.delays ?? {} });
  return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x01000193 ^ 0x5bd1e995);
}

function fnv1a(text: string, offset: number): string {
  let hash = offset >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(Reflect.get(value, key))}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
