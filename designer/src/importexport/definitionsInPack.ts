import { validateDefinition } from '@estateflow/model';
import type { Definition } from '../definition/types';
import { isRecord } from '../util/isRecord';

/**
 * The valid workflow definitions in a pack file: a definition itself, or a pack listing them
 * (`definitions` / `workflows`, each a definition or `{ definition }`). Invalid ones are skipped.
 */
export function definitionsInPack(json: unknown): Definition[] {
  const direct = validateDefinition(json);
  if (direct.ok) return [direct.definition];
  if (!isRecord(json)) return [];
  const list = Array.isArray(json.definitions) ? json.definitions : Array.isArray(json.workflows) ? json.workflows : [];
  return list.flatMap((item: unknown) => {
    const candidate = isRecord(item) && isRecord(item.definition) ? item.definition : item;
    const checked = validateDefinition(candidate);
    return checked.ok ? [checked.definition] : [];
  });
}
