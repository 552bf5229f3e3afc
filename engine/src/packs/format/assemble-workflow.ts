import { isRecord } from './is-record';
import { parsePackJson } from './parse-pack-json';
import type { PackFiles } from './pack-files';
import type { PackProblem } from './pack-problem';
import { LOCALES, workflowDir, workflowFileRole } from './workflow-layout';

export interface AssembledWorkflow {
  key: string;
  /** The definition as one document, not yet validated. */
  document: Record<string, unknown>;
  /** Maps a JSON pointer into `document` to the pack file and pointer it came from. */
  locate: (pointer: string) => { file: string; path: string };
}

/** Joins the files of workflows/<key>/ into one definition document; problems name the file. */
export function assembleWorkflow(options: { files: PackFiles; key: string }): {
  workflow: AssembledWorkflow | null;
  problems: PackProblem[];
} {
  const { files, key } = options;
  const dir = workflowDir(key);
  const problems: PackProblem[] = [];
  let definition: Record<string, unknown> | null = null;
  let parameters: unknown;
  const forms: Record<string, unknown> = {};
  const notifications: Record<string, Record<string, unknown>> = {};
  const scenarioFiles: string[] = [];
  const scenarios: unknown[] = [];
  for (const file of [...files.keys()].sort()) {
    if (!file.startsWith(`${dir}/`)) continue;
    const role = workflowFileRole(file.slice(dir.length + 1));
    if (role === null) {
      problems.push({
        file,
        path: '',
        reason:
          'not a file the pack format knows (definition.json, parameters.json, forms/*.json, notifications/zh-CN.json|en.json, scenarios/*.json)',
      });
      continue;
    }
    const parsed = parsePackJson(file, files.get(file) ?? Buffer.alloc(0));
    if (!parsed.ok) {
      problems.push(parsed.problem);
      continue;
    }
    const value = parsed.value;
    switch (role.kind) {
      case 'definition':
        if (!isRecord(value)) problems.push({ file, path: '', reason: 'must be a JSON object' });
        else definition = value;
        break;
      case 'parameters':
        parameters = value;
        break;
      case 'form':
        forms[role.name] = value;
        break;
      case 'notifications':
        if (!isRecord(value)) {
          problems.push({ file, path: '', reason: 'must be a JSON object of template → { title, body }' });
          break;
        }
        for (const [template, text] of Object.entries(value)) {
          notifications[template] ??= {};
          const entry = notifications[template];
          if (entry !== undefined) entry[role.locale] = text;
        }
        break;
      case 'scenario':
        scenarioFiles.push(file);
        scenarios.push(value);
        break;
    }
  }
  if (definition === null) {
    if (!problems.some((problem) => problem.file === `${dir}/definition.json`))
      problems.push({ file: `${dir}/definition.json`, path: '', reason: 'missing: every workflow needs its definition.json' });
    return { workflow: null, problems };
  }
  for (const part of ['forms', 'parameters', 'notifications', 'tests']) {
    if (part in definition)
      problems.push({
        file: `${dir}/definition.json`,
        path: `/${part}`,
        reason: `"${part}" lives in its own files in a pack (see templates/README.md)`,
      });
  }
  if (definition['key'] !== key)
    problems.push({ file: `${dir}/definition.json`, path: '/key', reason: `must be "${key}", the name of its folder` });
  const document: Record<string, unknown> = { ...definition, forms };
  if (parameters !== undefined) document['parameters'] = parameters;
  if (Object.keys(notifications).length > 0) document['notifications'] = notifications;
  if (scenarios.length > 0) document['tests'] = scenarios;
  const locate = (pointer: string) => locateInPack({ dir, pointer, scenarioFiles });
  return { workflow: { key, document, locate }, problems };
}

function locateInPack(options: { dir: string; pointer: string; scenarioFiles: string[] }): { file: string; path: string } {
  const { dir, pointer, scenarioFiles } = options;
  const segments = pointer.split('/').slice(1);
  const [head, second, third, ...rest] = segments;
  const join = (parts: (string | undefined)[]) =>
    parts
      .filter((part): part is string => part !== undefined)
      .map((part) => `/${part}`)
      .join('');
  switch (head) {
    case 'forms':
      return second === undefined
        ? { file: `${dir}/forms`, path: '' }
        : { file: `${dir}/forms/${second}.json`, path: join([third, ...rest]) };
    case 'parameters':
      return { file: `${dir}/parameters.json`, path: join([second, third, ...rest]) };
    case 'notifications': {
      const locale = LOCALES.find((candidate) => candidate === third) ?? 'zh-CN';
      return { file: `${dir}/notifications/${locale}.json`, path: join([second, ...(third === locale ? rest : [third, ...rest])]) };
    }
    case 'tests': {
      const index = Number(second);
      return { file: scenarioFiles[index] ?? `${dir}/scenarios`, path: join([third, ...rest]) };
    }
    default:
      return { file: `${dir}/definition.json`, path: pointer };
  }
}
