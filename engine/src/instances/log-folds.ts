import { isDeepStrictEqual } from 'node:util';
import { replay, type InstanceLogEntry, type WorkflowDefinition } from '@estateflow/model';
import type { ClientBase } from 'pg';
import { readLoggedEventData } from './event-log-entry';

/**
 * RELIABILITY 8 over a whole database: every instance's event log, folded through its definition
 * version, gives the snapshot stored beside it. Run as the schema owner (it reads every company);
 * a restore runs it on what it restored, and the reliability tests on what they drove.
 */
const INSTANCES = `
SELECT id, reference, snapshot, version, "versionId" FROM "Instance"
WHERE id > $1::uuid ORDER BY id LIMIT $2`;
const EVENTS = `
SELECT "instanceId", seq, type, data, "createdAt" FROM "InstanceEvent"
WHERE "instanceId" = ANY ($1::uuid[]) ORDER BY "instanceId", seq`;
const DEFINITION = `SELECT definition FROM "DefinitionVersion" WHERE id = $1`;

const PAGE = 200;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

interface InstanceRow {
  id: string;
  reference: string;
  snapshot: unknown;
  version: number;
  versionId: string;
}

interface EventRow {
  instanceId: string;
  seq: number;
  type: string;
  data: unknown;
  createdAt: Date;
}

export interface FoldCheck {
  instances: number;
  /** One line per instance whose log does not give its snapshot (the first `maxProblems`). */
  problems: string[];
}

/** A stored log row as replay reads it (timers are the `xstate.after.*` events the engine logged). */
export function logEntryOf(row: { type: string; data: unknown; createdAt: Date }): InstanceLogEntry {
  const at = row.createdAt.getTime();
  const logged = readLoggedEventData(row.data);
  const actor = logged.actor === undefined ? {} : { actor: logged.actor };
  if (row.type === 'start') return { kind: 'start', at, parameters: logged.parameters ?? {}, data: logged.data, ...actor };
  if (row.type.startsWith('xstate.after.')) return { kind: 'timer', at, event: row.type };
  return {
    kind: 'event',
    at,
    event: { type: row.type, data: logged.data, ...actor },
    ...(logged.parameters === undefined ? {} : { parameters: logged.parameters }),
  };
}

function foldProblem(instance: InstanceRow, events: readonly EventRow[], definition: WorkflowDefinition): string | null {
  const seqs = events.map((event) => event.seq);
  if (seqs.length !== instance.version || seqs.some((seq, index) => seq !== index + 1))
    return `${instance.reference}: its log holds entries ${seqs.join(',') || 'none'} for version ${instance.version}`;
  try {
    // Through JSON, as it was stored: an absent field and an undefined one are the same here.
    const folded: unknown = JSON.parse(JSON.stringify(replay(definition, events.map(logEntryOf))));
    return isDeepStrictEqual(folded, instance.snapshot) ? null : `${instance.reference}: its log does not fold to its stored snapshot`;
  } catch (error) {
    return `${instance.reference}: its log cannot be replayed (${error instanceof Error ? error.message : String(error)})`;
  }
}

export async function checkLogsFold(client: ClientBase, options: { maxProblems?: number } = {}): Promise<FoldCheck> {
  const maxProblems = options.maxProblems ?? 20;
  const definitions = new Map<string, WorkflowDefinition>();
  const result: FoldCheck = { instances: 0, problems: [] };
  let after = FIRST_ID;
  for (;;) {
    const page = (await client.query<InstanceRow>(INSTANCES, [after, PAGE])).rows;
    if (page.length === 0) return result;
    const events = (await client.query<EventRow>(EVENTS, [page.map((instance) => instance.id)])).rows;
    const byInstance = new Map<string, EventRow[]>();
    for (const event of events) {
      const log = byInstance.get(event.instanceId);
      if (log === undefined) byInstance.set(event.instanceId, [event]);
      else log.push(event);
    }
    for (const instance of page) {
      let definition = definitions.get(instance.versionId);
      if (definition === undefined) {
        definition = (await client.query<{ definition: WorkflowDefinition }>(DEFINITION, [instance.versionId])).rows[0]?.definition;
        if (definition === undefined) throw new Error(`${instance.reference}: its definition version ${instance.versionId} is missing`);
        definitions.set(instance.versionId, definition);
      }
      const problem = foldProblem(instance, byInstance.get(instance.id) ?? [], definition);
      if (problem !== null && result.problems.length < maxProblems) result.problems.push(problem);
      result.instances += 1;
    }
    after = page.at(-1)?.id ?? after;
  }
}
