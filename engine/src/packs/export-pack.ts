import semver from 'semver';
import type { WorkflowDefinition } from '@estateflow/model';
import { isRecord } from './format/is-record';
import type { PackManifest } from './format/pack-manifest';
import { MANIFEST_FILE } from './format/pack-files';
import { sha256 } from './format/sha256';
import { packJsonText, splitWorkflow } from './format/workflow-layout';

/**
 * The files of a one-workflow pack made from what an estate runs: the bound version, with the
 * estate's own parameter values as the pack's defaults, so another estate starts where this one is.
 */
export function exportedPackFiles(options: {
  definition: WorkflowDefinition;
  estateParameters: Record<string, unknown>;
  estateCode: string;
  version: number;
  packName: string | null;
  packVersion: string | null;
  companyName: string;
  engineVersion: string;
}): { manifest: PackManifest; files: Map<string, Buffer> } {
  const { definition, estateParameters } = options;
  const tuned = withDefaults(definition, estateParameters);
  const customised = Object.keys(estateParameters).length > 0;
  const base = options.packVersion ?? '1.0.0';
  const fromPackUnchanged = options.packName !== null && options.packVersion !== null && !customised;
  const estateTag =
    options.estateCode
      .toLowerCase()
      .replace(/[^0-9a-z-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'estate';
  const version = fromPackUnchanged ? base : `${base}-${estateTag}.v${options.version}`;
  const name = (options.packName ?? definition.key.replace(/_/g, '-')).slice(0, 64);
  const engineMajor = semver.major(options.engineVersion);
  const files = new Map<string, Buffer>();
  for (const [file, value] of splitWorkflow(tuned)) files.set(file, Buffer.from(packJsonText(value)));
  files.set('README.md', Buffer.from(readme({ definition, estateCode: options.estateCode, version: options.version })));
  const contents: Record<string, string> = {};
  for (const file of [...files.keys()].sort()) contents[file] = sha256(files.get(file) ?? Buffer.alloc(0));
  const zh = definition.name['zh-CN'];
  const en = definition.name.en ?? zh;
  const manifest: PackManifest = {
    formatVersion: 1,
    name,
    version,
    engine: `>=${options.engineVersion} <${engineMajor === 0 ? '1.0.0' : `${engineMajor + 1}.0.0`}`,
    title: { 'zh-CN': zh, en },
    description: {
      'zh-CN': definition.description?.['zh-CN'] ?? `${zh}（导出自 ${options.estateCode}）`,
      en: definition.description?.en ?? `${en} (exported from ${options.estateCode})`,
    },
    author: options.companyName || 'EstateFlow',
    licence: 'proprietary',
    workflows: [definition.key],
    contents,
  };
  files.set(MANIFEST_FILE, Buffer.from(packJsonText(manifest)));
  return { manifest, files };
}

function withDefaults(definition: WorkflowDefinition, values: Record<string, unknown>): WorkflowDefinition {
  const parameters = definition.parameters;
  if (parameters === undefined || !isRecord(parameters.properties)) return definition;
  const properties: NonNullable<typeof parameters.properties> = {};
  for (const [name, property] of Object.entries(parameters.properties)) {
    properties[name] =
      property !== undefined && Object.prototype.hasOwnProperty.call(values, name) ? { ...property, default: values[name] } : property;
  }
  return { ...definition, parameters: { ...parameters, properties } };
}

function readme(options: { definition: WorkflowDefinition; estateCode: string; version: number }): string {
  const { definition } = options;
  return `# ${definition.name['zh-CN']}${definition.name.en === undefined ? '' : ` / ${definition.name.en}`}\n\nExported from estate ${options.estateCode}, version ${options.version}. Parameter defaults are that estate's values.\n\n${definition.description?.['zh-CN'] ?? ''}\n\n${definition.description?.en ?? ''}\n`;
}
