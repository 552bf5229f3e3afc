import fs from 'node:fs';
import path from 'node:path';
import { coverage } from '@estateflow/model';
import { describe, expect, it } from 'vitest';
import { readPackFolder } from '../engine/src/packs/format/read-pack-folder';
import { validatePack, type LoadedPack } from '../engine/src/packs/format/validate-pack';
import { packTypesText, PACK_TYPES_FILE } from '../engine/src/packs/format/pack-types-file';
import { generateManifestTypes } from '../engine/src/packs/format/generate-pack-types';

// Every built-in pack must validate (manifest, checksums, definitions, schema safety, lint
// without errors), every scenario must pass, and together they must reach every state and
// every transition of each workflow.
const TEMPLATES = __dirname;
const PACKS = fs.readdirSync(TEMPLATES).filter((name) => fs.existsSync(path.join(TEMPLATES, name, 'pack.json')));

function loadPack(name: string): LoadedPack {
  const result = validatePack(readPackFolder(path.join(TEMPLATES, name)), { engineVersion: '0.1.0' });
  if (!result.ok)
    throw new Error(
      `${name} does not validate:\n${result.problems.map((problem) => `${problem.file} ${problem.path}: ${problem.reason}`).join('\n')}`,
    );
  return result.pack;
}

it('ships the five built-in packs', () => {
  expect(PACKS.sort()).toEqual(['complaint', 'inspection', 'move-in', 'renovation', 'repair']);
});

describe.each(PACKS)('the %s pack', (name) => {
  it('validates and lints without errors', () => {
    expect(() => loadPack(name)).not.toThrow();
  });

  it('passes every scenario and covers 100% of states and transitions', () => {
    for (const { key, definition } of loadPack(name).workflows) {
      const report = coverage(definition, definition.tests ?? []);
      const failures = report.runs.flatMap((run) =>
        run.steps.flatMap((step) =>
          step.failures.map((failure) => `${key} / ${run.name} / step ${step.index} (${step.stateValue}): ${failure}`),
        ),
      );
      expect(failures).toEqual([]);
      expect(report.states.missing).toEqual([]);
      expect(report.transitions.missing).toEqual([]);
      expect(report.states.percent).toBe(100);
      expect(report.transitions.percent).toBe(100);
      expect(report.transitions.total).toBeGreaterThan(5);
    }
  });

  it('has committed types.ts generated from its current forms and parameters', async () => {
    const committed = fs.readFileSync(path.join(TEMPLATES, name, PACK_TYPES_FILE), 'utf8');
    expect(committed, `run: npx estateflow pack types templates/${name}`).toBe(await packTypesText(loadPack(name)));
  });
});

it('has PackManifest types generated from the current pack.schema.json', async () => {
  const schema: unknown = JSON.parse(fs.readFileSync(path.join(TEMPLATES, 'pack.schema.json'), 'utf8'));
  const committed = fs.readFileSync(path.join(TEMPLATES, '..', 'engine', 'src', 'packs', 'format', 'pack-manifest.ts'), 'utf8');
  expect(committed).toBe(await generateManifestTypes(schema));
});
