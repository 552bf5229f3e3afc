import { definitionChecksum } from '../definitions/definition-checksum';
import { engineVersion } from '../common/engine-version';
import { PackError } from './format/pack-problem';
import type { PackFiles } from './format/pack-files';
import { validatePack, type LoadedPack } from './format/validate-pack';
import type { WorkflowToImport } from './packs.repository';
import { packRefusal } from './pack-refusal';

/** A validated pack and its workflows as the repository stores them. Throws a 422 naming every problem. */
export function packToImport(files: PackFiles, options: { lint?: boolean } = {}): { pack: LoadedPack; workflows: WorkflowToImport[] } {
  const validation = validatePack(files, { engineVersion: engineVersion(), ...options });
  if (!validation.ok) throw packRefusal(validation.problems);
  const workflows = validation.pack.workflows.map(({ key, definition }) => ({
    key,
    name: definition.name,
    definition,
    checksum: definitionChecksum(definition),
  }));
  return { pack: validation.pack, workflows };
}

/** Runs a pack reader, turning a PackError (bad archive entry, link, size) into the same 422. */
export function readOrRefuse<T>(read: () => T): T {
  try {
    return read();
  } catch (error: unknown) {
    if (error instanceof PackError) throw packRefusal(error.problems);
    throw error;
  }
}
