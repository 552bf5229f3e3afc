import type { LoadedPack } from './validate-pack';
import { generatePackTypes } from './generate-pack-types';

/** Where a pack folder keeps its generated types. */
export const PACK_TYPES_FILE = 'types.ts';

/** The text types.ts of a pack folder must hold. */
export function packTypesText(pack: LoadedPack): Promise<string> {
  return generatePackTypes({ packName: pack.manifest.name, workflows: pack.workflows });
}
