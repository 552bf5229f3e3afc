import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import semver from 'semver';
import { validateDefinition, type WorkflowDefinition } from '@estateflow/model';
import { assembleWorkflow, type AssembledWorkflow } from './assemble-workflow';
import { isRecord } from './is-record';
import type { PackManifest } from './pack-manifest';
import { MANIFEST_FILE, type PackFiles } from './pack-files';
import type { PackProblem } from './pack-problem';
import { parsePackJson } from './parse-pack-json';
import { findSchemaHazards } from './schema-safety';
import { sha256 } from './sha256';
import { lintNotificationTemplate } from '../../notifications/templates/lint-notification-template';
import { unsafeTemplateReason } from './template-safety';
import { templatesDir } from './templates-dir';
import { lintWorkflow } from './lint-workflow';

export interface LoadedWorkflow {
  key: string;
  definition: WorkflowDefinition;
}

export interface LoadedPack {
  manifest: PackManifest;
  workflows: LoadedWorkflow[];
  files: PackFiles;
}

export type PackValidation = { ok: true; pack: LoadedPack } | { ok: false; problems: PackProblem[] };

/** Files a pack may carry besides pack.json and workflows/. */
const DOCUMENT_FILE = /^(README(\.[A-Za-z-]+)?\.md|LICEN[CS]E(\.md|\.txt)?|CHANGELOG\.md)$/;

let manifestValidator: ValidateFunction<PackManifest> | undefined;

function validateManifestShape(value: unknown): { ok: true; manifest: PackManifest } | { ok: false; problems: PackProblem[] } {
  if (manifestValidator === undefined) {
    const ajv = new Ajv({ strict: true, allErrors: true, $data: false });
    addFormats(ajv);
    const schema: unknown = JSON.parse(fs.readFileSync(path.join(templatesDir(), 'pack.schema.json'), 'utf8'));
    if (!isRecord(schema)) throw new Error('templates/pack.schema.json is not a JSON object');
    manifestValidator = ajv.compile<PackManifest>(schema);
  }
  if (manifestValidator(value)) return { ok: true, manifest: value };
  return {
    ok: false,
    problems: (manifestValidator.errors ?? []).map((error) => {
      const extra =
        typeof error.params['additionalProperty'] === 'string'
          ? `/${error.params['additionalProperty']}`
          : typeof error.params['missingProperty'] === 'string'
            ? `/${error.params['missingProperty']}`
            : '';
      return {
        file: MANIFEST_FILE,
        path: `${error.instancePath}${extra}`,
        reason: error.keyword === 'additionalProperties' ? 'unknown property' : (error.message ?? error.keyword),
      };
    }),
  };
}

/**
 * Everything that must hold before a pack may be imported, each failure with file, JSON path and
 * reason: pack.json's shape, the engine range against this engine, every checksum, no unknown or
 * unlisted files, every workflow a valid definition that lints without errors, form and parameter
 * schemas that compile and reach for no file or URL, Handlebars templates that stay escaped and
 * away from prototypes. Reads and parses only: nothing in a pack is ever run.
 */
export function validatePack(files: PackFiles, options: { engineVersion: string; lint?: boolean }): PackValidation {
  const manifestBytes = files.get(MANIFEST_FILE);
  if (manifestBytes === undefined)
    return { ok: false, problems: [{ file: MANIFEST_FILE, path: '', reason: 'missing: every pack starts with pack.json' }] };
  const parsed = parsePackJson(MANIFEST_FILE, manifestBytes);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const shape = validateManifestShape(parsed.value);
  if (!shape.ok) return { ok: false, problems: shape.problems };
  const manifest = shape.manifest;
  const problems: PackProblem[] = [];
  const range = semver.validRange(manifest.engine);
  if (range === null) problems.push({ file: MANIFEST_FILE, path: '/engine', reason: `"${manifest.engine}" is not a semver range` });
  else if (!semver.satisfies(options.engineVersion, range, { includePrerelease: true }))
    problems.push({
      file: MANIFEST_FILE,
      path: '/engine',
      reason: `the pack needs engine ${manifest.engine}; this engine is ${options.engineVersion}`,
    });
  problems.push(...checkContents({ files, manifest }));
  const workflows: LoadedWorkflow[] = [];
  for (const key of manifest.workflows) {
    const assembled = assembleWorkflow({ files, key });
    problems.push(...assembled.problems);
    if (assembled.workflow === null) continue;
    const checked = checkWorkflow(assembled.workflow, options.lint ?? true);
    problems.push(...checked.problems);
    if (checked.definition !== null) workflows.push({ key, definition: checked.definition });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, pack: { manifest, workflows, files } };
}

function checkContents(options: { files: PackFiles; manifest: PackManifest }): PackProblem[] {
  const { files, manifest } = options;
  const problems: PackProblem[] = [];
  const workflowDirs = new Set(manifest.workflows.map((key) => `workflows/${key}/`));
  for (const [file, bytes] of files) {
    if (file === MANIFEST_FILE) continue;
    const expected = Object.prototype.hasOwnProperty.call(manifest.contents, file) ? manifest.contents[file] : undefined;
    if (expected === undefined) problems.push({ file, path: '', reason: 'not listed in pack.json contents' });
    else if (expected !== sha256(bytes))
      problems.push({ file, path: '', reason: `checksum mismatch: pack.json says ${expected}, the file is ${sha256(bytes)}` });
    if (!DOCUMENT_FILE.test(file) && ![...workflowDirs].some((dir) => file.startsWith(dir))) {
      problems.push({
        file,
        path: '',
        reason: file.startsWith('workflows/')
          ? 'belongs to a workflow that pack.json does not list'
          : 'not a file the pack format knows (pack.json, README.md, workflows/<key>/…)',
      });
    }
  }
  for (const file of Object.keys(manifest.contents)) {
    if (!files.has(file))
      problems.push({
        file: MANIFEST_FILE,
        path: `/contents/${file.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        reason: `lists ${file}, which the pack does not hold`,
      });
  }
  return problems;
}

function checkWorkflow(workflow: AssembledWorkflow, lint: boolean): { definition: WorkflowDefinition | null; problems: PackProblem[] } {
  const problems: PackProblem[] = [];
  const at = (pointer: string, reason: string) => problems.push({ ...workflow.locate(pointer), reason });
  const { document } = workflow;
  // Hazards first: a schema that reaches for a file must not get as far as a compiler.
  const forms = isRecord(document['forms']) ? document['forms'] : {};
  for (const [name, form] of Object.entries(forms)) {
    if (isRecord(form)) for (const hazard of findSchemaHazards(form['schema'], `/forms/${name}/schema`)) at(hazard.path, hazard.reason);
  }
  for (const hazard of findSchemaHazards(document['parameters'], '/parameters')) at(hazard.path, hazard.reason);
  for (const { pointer, template } of templatesOf(document)) {
    // Ours names the pack-specific refusals; the engine's own template lint adds what the
    // renderer cannot run (helpers it does not provide, @data), so an import never stores one.
    const reason = unsafeTemplateReason(template) ?? lintNotificationTemplate(template)[0]?.message.en ?? null;
    if (reason !== null) at(pointer, reason);
  }
  if (problems.length > 0) return { definition: null, problems };
  const validation = validateDefinition(document);
  if (!validation.ok) {
    for (const error of validation.errors) at(error.path, error.message);
    return { definition: null, problems };
  }
  if (lint) for (const finding of lintWorkflow(validation.definition)) at(finding.path, finding.message);
  return { definition: problems.length === 0 ? validation.definition : null, problems };
}

/** Every Handlebars template of a definition: notification titles and bodies, state progress texts. */
function templatesOf(document: Record<string, unknown>): { pointer: string; template: string }[] {
  const found: { pointer: string; template: string }[] = [];
  const notifications = isRecord(document['notifications']) ? document['notifications'] : {};
  for (const [name, locales] of Object.entries(notifications)) {
    if (!isRecord(locales)) continue;
    for (const [locale, text] of Object.entries(locales)) {
      if (!isRecord(text)) continue;
      for (const field of ['title', 'body']) {
        const template = text[field];
        if (typeof template === 'string') found.push({ pointer: `/notifications/${name}/${locale}/${field}`, template });
      }
    }
  }
  const visitStates = (states: unknown, pointer: string) => {
    if (!isRecord(states)) return;
    for (const [name, node] of Object.entries(states)) {
      if (!isRecord(node)) continue;
      const meta = node['meta'];
      const progress = isRecord(meta) ? meta['progress'] : undefined;
      if (isRecord(progress)) {
        for (const [locale, template] of Object.entries(progress))
          if (typeof template === 'string') found.push({ pointer: `${pointer}/${name}/meta/progress/${locale}`, template });
      }
      visitStates(node['states'], `${pointer}/${name}/states`);
    }
  };
  const machine = document['machine'];
  if (isRecord(machine)) visitStates(machine['states'], '/machine/states');
  return found;
}
