import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { InstancePolicy, UpgradePlan } from '../packs/estate-upgrade.service';
import type { PackImportReport } from '../packs/packs.service';
import { writePackArchive } from '../packs/format/tar-archive';
import type * as DatabasePackEngineModule from './database-pack-engine';
import type * as EngineContextModule from './engine-context';
import { HttpPackEngine, type PackEngine } from './pack-engine';
import {
  buildCommand,
  CliFailure,
  diffCommand,
  loadValidPack,
  sealCommand,
  testCommand,
  typesCommand,
  validateCommand,
} from './pack-local';

// `estateflow pack …`: exit 0 when it worked, 1 when it did not (a refused pack, a failing
// scenario, an engine error), 2 when the command line itself is wrong.

const USAGE = `usage: estateflow pack <command>
  validate <dir|file>                      check a pack folder or archive (every problem with file, path, reason)
  test <dir|file>                          run its scenarios in the model; print state and transition coverage
  build <dir> -o <file.tgz>                write the archive of a valid pack folder
  seal <dir>                               rewrite pack.json's checksums after editing a pack
  types <dir>                              regenerate the pack's types.ts from its forms and parameters
  diff <a> <b>                             what changed between two packs (folders or archives)
  export --estate <code> --workflow <key> [-o file]    what an estate runs, as a pack
  import <file|dir> --company <code> [--estate <code>]...   import into a company, binding estates that run none of its workflows
  upgrade --estate <code> <file|dir> [--dry-run] [--instances stay|migrate] [--map old=new]...
                                           move an estate to the pack's version, keeping its parameter values
engine: --url <url> --token <api token> (or ESTATEFLOW_URL, ESTATEFLOW_TOKEN), or --database-url <url> (or DATABASE_URL) [--company <code>]
`;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Options = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      'database-url': { type: 'string' },
      company: { type: 'string' },
      estate: { type: 'string', multiple: true },
      workflow: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'dry-run': { type: 'boolean' },
      instances: { type: 'string' },
      map: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

const print = (line: string) => process.stdout.write(`${line}\n`);
const progress = (message: string) => process.stderr.write(`… ${message}\n`);

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error: unknown) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help === true || command === undefined) throw new UsageError('');
  const one = (name: string) => {
    const [value, extra] = args;
    if (value === undefined || extra !== undefined) throw new UsageError(`"pack ${command}" takes one ${name}`);
    return value;
  };
  switch (command) {
    case 'validate':
      return validateCommand(one('folder or archive'), print);
    case 'test':
      return testCommand(one('folder or archive'), print);
    case 'build':
      if (values.output === undefined) throw new UsageError('"pack build" needs -o <file.tgz>');
      return buildCommand({ dir: one('folder'), output: values.output }, print);
    case 'seal':
      return sealCommand(one('folder'), print);
    case 'types':
      return typesCommand(one('folder'), print);
    case 'diff': {
      const [a, b, extra] = args;
      if (a === undefined || b === undefined || extra !== undefined) throw new UsageError('"pack diff" takes two packs');
      return diffCommand({ a, b }, print);
    }
    case 'export':
      return exportCommand(values);
    case 'import':
      return importCommand(one('archive or folder'), values);
    case 'upgrade':
      return upgradeCommand(one('archive or folder'), values);
    default:
      throw new UsageError(`unknown command "pack ${command}"`);
  }
}

/** Runs `work` against the engine the options name: a running one over HTTP, or its database. */
async function withEngine(values: Options, work: (engine: PackEngine) => Promise<void>): Promise<void> {
  const url = values.url ?? process.env['ESTATEFLOW_URL'];
  const token = values.token ?? process.env['ESTATEFLOW_TOKEN'];
  const databaseUrl = values['database-url'] ?? (url === undefined ? process.env['DATABASE_URL'] : undefined);
  if (url !== undefined && databaseUrl === undefined) {
    if (token === undefined || token === '')
      throw new UsageError('--url needs --token (an API token from POST /api/auth/tokens) or ESTATEFLOW_TOKEN');
    return work(new HttpPackEngine({ url, token }));
  }
  if (databaseUrl === undefined) throw new UsageError('name the engine: --url and --token, or --database-url');
  process.env['DATABASE_URL'] = databaseUrl;
  // Loaded only here: the engine's modules take seconds to load, and the other commands need none of them.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose
  const { withEngineContext }: typeof EngineContextModule = require('./engine-context');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose
  const { DatabasePackEngine }: typeof DatabasePackEngineModule = require('./database-pack-engine');
  return withEngineContext(({ app }) => work(new DatabasePackEngine(app, values.company)));
}

async function exportCommand(values: Options): Promise<void> {
  const estateCode = values.estate?.[0];
  if (estateCode === undefined || values.workflow === undefined)
    throw new UsageError('"pack export" needs --estate <code> and --workflow <key>');
  const workflowKey = values.workflow;
  await withEngine(values, async (engine) => {
    const exported = await engine.exportPack({ estateCode, workflowKey });
    const output = values.output ?? exported.fileName;
    fs.writeFileSync(output, exported.archive);
    print(`wrote ${output} (${exported.archive.length} bytes)`);
  });
}

async function importCommand(target: string, values: Options): Promise<void> {
  if (values.company === undefined) throw new UsageError('"pack import" needs --company <code>');
  const companyCode = values.company;
  progress(`reading ${target}`);
  const pack = loadValidPack(target);
  progress(
    `${pack.manifest.name}@${pack.manifest.version} is valid (${pack.workflows.length} workflow${pack.workflows.length === 1 ? '' : 's'})`,
  );
  await withEngine(values, async (engine) => {
    const report = await engine.importPack({
      files: pack.files,
      archive: writePackArchive(pack.files),
      companyCode,
      estateCodes: values.estate ?? [],
      progress,
    });
    printImport(report);
  });
}

function printImport(report: PackImportReport): void {
  print(`imported ${report.pack.name}@${report.pack.version}`);
  for (const workflow of report.workflows) print(`  ${workflow.key}: version ${workflow.version} ${workflow.status}`);
  for (const binding of report.bindings)
    print(
      `  estate ${binding.estateCode || binding.estateId}: ${binding.workflowKey} ${binding.status === 'bound' ? `bound to version ${binding.version}` : `stays on version ${binding.version} (pack upgrade moves it)`}`,
    );
}

async function upgradeCommand(target: string, values: Options): Promise<void> {
  const estateCode = values.estate?.[0];
  if (estateCode === undefined) throw new UsageError('"pack upgrade" needs --estate <code>');
  const instances = values.instances ?? 'stay';
  if (instances !== 'stay' && instances !== 'migrate') throw new UsageError('--instances is "stay" or "migrate"');
  const policy: InstancePolicy = instances;
  const stateMapping: Record<string, string> = {};
  for (const pair of values.map ?? []) {
    const [from, to] = pair.split('=');
    if (from === undefined || to === undefined || from === '' || to === '') throw new UsageError(`--map takes old=new, not "${pair}"`);
    stateMapping[from] = to;
  }
  const pack = loadValidPack(target);
  const apply = values['dry-run'] !== true;
  await withEngine(values, async (engine) => {
    // The pack's version must be in the company's library before an estate can be shown or moved to it; binding nothing.
    progress(`importing ${pack.manifest.name}@${pack.manifest.version} into the library`);
    const companyCode = values.company ?? (await companyOf(engine));
    const report = await engine.importPack({
      files: pack.files,
      archive: writePackArchive(pack.files),
      companyCode,
      estateCodes: [],
      progress,
    });
    for (const workflow of report.workflows) {
      const plan = await engine.upgrade({
        estateCode,
        apply,
        request: {
          workflowKey: workflow.key,
          toVersion: workflow.version,
          instances: policy,
          ...(Object.keys(stateMapping).length === 0 ? {} : { stateMapping }),
        },
      });
      printPlan(plan);
    }
    print(apply ? 'applied.' : 'dry run: nothing changed; run again without --dry-run to apply.');
  });
}

async function companyOf(engine: PackEngine): Promise<string> {
  if (engine instanceof HttpPackEngine) return engine.companyCode();
  throw new UsageError('with --database-url, name the company: --company <code>');
}

function printPlan(plan: UpgradePlan): void {
  print(
    `${plan.workflowKey}: version ${plan.from.version}${plan.from.packVersion === null ? '' : ` (${plan.from.packVersion})`} → ${plan.to.version}${plan.to.packVersion === null ? '' : ` (${plan.to.packVersion})`}`,
  );
  for (const change of plan.parameters.changes) {
    const detail =
      change.outcome === 'conflict'
        ? `estate ${JSON.stringify(change.estate)}, was ${JSON.stringify(change.base)}, now ${JSON.stringify(change.next)}: estate value kept`
        : change.outcome === 'kept'
          ? `estate value ${JSON.stringify(change.estate)} kept`
          : change.outcome === 'default'
            ? `default ${JSON.stringify(change.base)} → ${JSON.stringify(change.next)}`
            : change.outcome === 'added'
              ? `new, default ${JSON.stringify(change.next)}`
              : 'removed';
    if (change.outcome !== 'default' || JSON.stringify(change.base) !== JSON.stringify(change.next))
      print(`  parameter ${change.name}: ${change.outcome} (${detail})`);
  }
  const { instances } = plan;
  print(
    `  running instances: ${instances.total}, ${instances.policy === 'stay' ? `stay on version ${plan.from.version}` : `move to version ${plan.to.version}`}${instances.unmapped > 0 ? `, ${instances.unmapped} with no state to go to` : ''}`,
  );
  if (instances.policy === 'migrate')
    for (const item of instances.items)
      print(`    ${item.reference}: ${item.state} → ${item.to ?? '(no mapping: use --map or --instances stay)'}`);
  if (plan.applied) print(`  moved ${plan.migrated} instance${plan.migrated === 1 ? '' : 's'}`);
}

// As `estateflow pack …` the first word is "pack"; as `node dist/cli/pack.js …` it is not.
const argv = process.argv.slice(2);
main(argv[0] === 'pack' ? argv.slice(1) : argv)
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    if (error instanceof UsageError) {
      if (error.message !== '') process.stderr.write(`${error.message}\n`);
      process.stderr.write(USAGE);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof CliFailure ? error.message : error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
