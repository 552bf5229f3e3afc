import path from 'node:path';

/**
 * The repository's templates/ folder (the built-in packs and pack.schema.json). This file sits
 * at engine/src/packs/format or engine/dist/packs/format, both four levels below the repository root.
 */
export function templatesDir(): string {
  return process.env['ESTATEFLOW_TEMPLATES_DIR'] ?? path.resolve(__dirname, '..', '..', '..', '..', 'templates');
}
