import fs from 'node:fs';
import path from 'node:path';
import { templatesDir } from './format/templates-dir';

/** The built-in packs: every folder of templates/ with a pack.json, in a fixed order. */
export function builtinPackDirs(): string[] {
  const root = templatesDir();
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(root, entry.name, 'pack.json')))
    .map((entry) => path.join(root, entry.name))
    .sort();
}
