import type { StateNode, WorkflowDefinition } from '../generated/definition.js';
import { ownEntries } from '../util/records.js';
import { listStates, listTransitions } from '../machine/state-tree.js';

export interface ChangeSet {
  added: string[];
  removed: string[];
  changed: string[];
}

/** What changed between two versions, by stable ids: state paths, transition ids, "form/field". */
export interface DefinitionDiff {
  states: ChangeSet;
  transitions: ChangeSet;
  forms: ChangeSet;
  fields: ChangeSet;
  parameters: ChangeSet;
  notifications: ChangeSet;
}

/** Compares two definitions (e.g. a draft and the published version it came from). */
export function diffDefinitions(before: WorkflowDefinition, after: WorkflowDefinition): DefinitionDiff {
  return {
    // A state's own content: children and transitions are reported on their own.
    states: compare(
      new Map(listStates(before).map((state) => [state.path, ownContent(state.node)])),
      new Map(listStates(after).map((state) => [state.path, ownContent(state.node)])),
    ),
    transitions: compare(
      new Map(listTransitions(before).map((info) => [info.id, info.transition])),
      new Map(listTransitions(after).map((info) => [info.id, info.transition])),
    ),
    forms: compare(new Map(ownEntries(before.forms)), new Map(ownEntries(after.forms))),
    fields: compare(fieldsOf(before), fieldsOf(after)),
    parameters: compare(new Map(ownEntries(before.parameters?.properties)), new Map(ownEntries(after.parameters?.properties))),
    notifications: compare(new Map(ownEntries(before.notifications)), new Map(ownEntries(after.notifications))),
  };
}

function ownContent(node: StateNode): unknown {
  const { states: _states, on: _on, always: _always, after: _after, onDone: _onDone, ...own } = node;
  return own;
}

function fieldsOf(definition: WorkflowDefinition): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const [form, { schema }] of ownEntries(definition.forms)) {
    for (const [field, property] of ownEntries(schema.properties))
      fields.set(`${form}/${field}`, { property, required: schema.required?.includes(field) === true });
  }
  return fields;
}

function compare(before: Map<string, unknown>, after: Map<string, unknown>): ChangeSet {
  const result: ChangeSet = { added: [], removed: [], changed: [] };
  for (const [id, value] of after) {
    if (!before.has(id)) result.added.push(id);
    else if (JSON.stringify(before.get(id)) !== JSON.stringify(value)) result.changed.push(id);
  }
  for (const id of before.keys()) if (!after.has(id)) result.removed.push(id);
  return result;
}
