import fs from 'node:fs';
import path from 'node:path';
import { coverage, diffDefinitions, type DefinitionDiff } from '@estateflow/model';
import { engineVersion } from '../common/engine-version';
import { PackError, type PackProblem } from '../packs/format/pack-problem';
import type { PackFiles } from '../packs/format/pack-files';
import { readPackFolder } from '../packs/format/read-pack-folder';
import { readPackArchive, writePackArchive } from '../packs/format/tar-archive';
import { validatePack, type LoadedPack } from '../packs/format/validate-pack';
import { sealPackFolder } from '../packs/format/seal-pack';
import type * as PackTypesFileModule from '../packs/format/pack-types-file';
import { sha256 } from '../packs/format/sha256';

// The commands that need no engine: they read a pack folder or archive and print what they find.

/** A failure the user can act on; the CLI prints it and exits 1. */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
}

export type Print = (line: string) => void;

export function formatProblems(problems: readonly PackProblem[]): string {
  return problems.map((problem) => `  ${problem.file}${problem.path === '' ? '' : ` ${problem.path}`}: ${problem.reason}`).join('\n');
}

/** A pack's files from a folder or a .tgz archive. */
export function readPackFiles(target: string): PackFiles {
  if (!fs.existsSync(target)) throw new CliFailure(`${target}: no such file or folder`);
  try {
    return fs.statSync(target).isDirectory() ? readPackFolder(target) : readPackArchive(fs.readFileSync(target));
  } catch (error: unknown) {
    if (error instanceof PackError) throw new CliFailure(`${target} was refused:\n${formatProblems(error.problems)}`);
    throw error;
  }
}

export function loadValidPack(target: string, options: { lint?: boolean } = {}): LoadedPack {
  const result = validatePack(readPackFiles(target), { engineVersion: engineVersion(), ...options });
  if (!result.ok)
    throw new CliFailure(
      `${target} is not a valid pack (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}):\n${formatProblems(result.problems)}`,
    );
  return result.pack;
}

export function validateCommand(target: string, print: Print): void {
  const pack = loadValidPack(target);
  print(
    `${pack.manifest.name}@${pack.manifest.version} is valid: ${pack.workflows.map((workflow) => workflow.key).join(', ')} (engine ${pack.manifest.engine}, this engine ${engineVersion()})`,
  );
}

/** Runs every scenario in the model and prints state and transition coverage; fails when a scenario fails. */
export function testCommand(target: string, print: Print): void {
  const pack = loadValidPack(target);
  let failed = 0;
  for (const { key, definition } of pack.workflows) {
    const report = coverage(definition, definition.tests ?? []);
    print(`${key}: ${report.runs.length} scenario${report.runs.length === 1 ? '' : 's'}`);
    for (const run of report.runs) {
      print(`  ${run.passed ? '✓' : '✗'} ${run.name}`);
      if (!run.passed) {
        failed += 1;
        for (const step of run.steps)
          for (const failure of step.failures)
            print(`      step ${step.index === -1 ? 'start' : step.index + 1} (${step.stateValue}): ${failure}`);
      }
    }
    print(
      `  states ${report.states.covered}/${report.states.total} (${report.states.percent}%), transitions ${report.transitions.covered}/${report.transitions.total} (${report.transitions.percent}%)`,
    );
    if (report.states.missing.length > 0) print(`  states never reached: ${report.states.missing.join(', ')}`);
    if (report.transitions.missing.length > 0) print(`  transitions never taken: ${report.transitions.missing.join(', ')}`);
  }
  if (failed > 0) throw new CliFailure(`${failed} scenario${failed === 1 ? '' : 's'} failed`);
}

export function buildCommand(options: { dir: string; output: string }, print: Print): void {
  if (!fs.existsSync(options.dir) || !fs.statSync(options.dir).isDirectory()) throw new CliFailure(`${options.dir}: not a pack folder`);
  const pack = loadValidPack(options.dir);
  const archive = writePackArchive(pack.files);
  fs.mkdirSync(path.dirname(path.resolve(options.output)), { recursive: true });
  fs.writeFileSync(options.output, archive);
  print(`wrote ${options.output} (${pack.manifest.name}@${pack.manifest.version}, ${pack.files.size} files, ${archive.length} bytes)`);
}

export function sealCommand(dir: string, print: Print): void {
  try {
    print(`${path.join(dir, 'pack.json')}: ${sealPackFolder(dir)} files checksummed`);
  } catch (error: unknown) {
    if (error instanceof PackError) throw new CliFailure(formatProblems(error.problems));
    throw error;
  }
}

export async function typesCommand(dir: string, print: Print): Promise<void> {
  // json-schema-to-typescript (and the prettier it loads) only for this command.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose
  const { packTypesText, PACK_TYPES_FILE }: typeof PackTypesFileModule = require('../packs/format/pack-types-file');
  const pack = loadValidPack(dir);
  fs.writeFileSync(path.join(dir, PACK_TYPES_FILE), await packTypesText(pack));
  print(`wrote ${path.join(dir, PACK_TYPES_FILE)}`);
}

/** What changed from pack a to pack b: manifest, workflows, and per workflow the model's diff. */
export function diffCommand(options: { a: string; b: string }, print: Print): void {
  const a = loadValidPack(options.a, { lint: false });
  const b = loadValidPack(options.b, { lint: false });
  print(`${a.manifest.name}@${a.manifest.version} → ${b.manifest.name}@${b.manifest.version}`);
  if (a.manifest.engine !== b.manifest.engine) print(`  engine: ${a.manifest.engine} → ${b.manifest.engine}`);
  const keysA = new Set(a.workflows.map((workflow) => workflow.key));
  const keysB = new Set(b.workflows.map((workflow) => workflow.key));
  for (const key of keysB) if (!keysA.has(key)) print(`  + workflow ${key}`);
  for (const key of keysA) if (!keysB.has(key)) print(`  - workflow ${key}`);
  for (const before of a.workflows) {
    const after = b.workflows.find((workflow) => workflow.key === before.key);
    if (after === undefined) continue;
    const diff = diffDefinitions(before.definition, after.definition);
    const sections: [string, DefinitionDiff['states']][] = [
      ['states', diff.states],
      ['transitions', diff.transitions],
      ['forms', diff.forms],
      ['fields', diff.fields],
      ['parameters', diff.parameters],
      ['notifications', diff.notifications],
    ];
    const lines = sections.flatMap(([name, set]) => [
      ...set.added.map((id) => `    + ${name} ${id}`),
      ...set.removed.map((id) => `    - ${name} ${id}`),
      ...set.changed.map((id) => `    ~ ${name} ${id}`),
    ]);
    print(`  workflow ${before.key}: ${lines.length === 0 ? 'unchanged' : `${lines.length} change${lines.length === 1 ? '' : 's'}`}`);
    lines.forEach((line) => print(line));
    for (const [name, property] of Object.entries(after.definition.parameters?.properties ?? {})) {
      const old = before.definition.parameters?.properties?.[name];
      if (old !== undefined && JSON.stringify(old.default) !== JSON.stringify(property?.default))
        print(`    ~ default ${name}: ${JSON.stringify(old.default)} → ${JSON.stringify(property?.default)}`);
    }
  }
  const files = new Set([...a.files.keys(), ...b.files.keys()]);
  const changed = [...files].filter(
    (file) => file !== 'pack.json' && sha256(a.files.get(file) ?? Buffer.alloc(0)) !== sha256(b.files.get(file) ?? Buffer.alloc(0)),
  );
  print(`  files changed: ${changed.length === 0 ? 'none' : changed.sort().join(', ')}`);
}
