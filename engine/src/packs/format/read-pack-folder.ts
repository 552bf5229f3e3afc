import fs from 'node:fs';
import path from 'node:path';
import { PackError, type PackProblem } from './pack-problem';
import { PACK_LIMITS } from './pack-limits';
import { unsafeEntryReason } from './pack-files';

/** Files of a pack folder that are tooling, not content: never packed, never checksummed. */
export function isPackTooling(relative: string): boolean {
  return (
    relative === 'types.ts' ||
    relative.split('/').some((segment) => segment.startsWith('.') || segment === 'node_modules') ||
    relative.endsWith('.spec.ts') ||
    relative.endsWith('.test.ts')
  );
}

/**
 * The files of a pack folder, by relative path. Symbolic links and special files are refused
 * (as in an archive), and so are more files or bytes than an archive may hold.
 */
export function readPackFolder(root: string): Map<string, Buffer> {
  const problems: PackProblem[] = [];
  const files = new Map<string, Buffer>();
  let total = 0;
  const visit = (relativeDir: string) => {
    for (const entry of fs.readdirSync(path.join(root, relativeDir), { withFileTypes: true })) {
      const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      if (isPackTooling(relative)) continue;
      if (entry.isSymbolicLink()) {
        problems.push({ file: relative, path: '', reason: 'links are not allowed in a pack' });
      } else if (entry.isDirectory()) {
        visit(relative);
      } else if (!entry.isFile()) {
        problems.push({ file: relative, path: '', reason: 'only regular files are allowed in a pack' });
      } else {
        const unsafe = unsafeEntryReason(relative);
        if (unsafe !== null) {
          problems.push({ file: relative, path: '', reason: unsafe });
          continue;
        }
        const content = fs.readFileSync(path.join(root, relative));
        if (content.length > PACK_LIMITS.maxFileBytes)
          problems.push({ file: relative, path: '', reason: `file larger than ${PACK_LIMITS.maxFileBytes} bytes` });
        total += content.length;
        files.set(relative, content);
      }
      if (files.size > PACK_LIMITS.maxEntries)
        throw new PackError([{ file: relativeDir || '.', path: '', reason: `more than ${PACK_LIMITS.maxEntries} files` }]);
    }
  };
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new PackError([{ file: root, path: '', reason: 'not a folder' }]);
  visit('');
  if (total > PACK_LIMITS.maxTotalBytes)
    problems.push({ file: '.', path: '', reason: `the pack holds more than ${PACK_LIMITS.maxTotalBytes} bytes` });
  if (problems.length > 0) throw new PackError(problems);
  return files;
}
