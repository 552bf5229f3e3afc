import type { LocalizedText, WorkflowDefinition } from '../generated/definition.js';
import { REQUESTER_ROLE } from '../roles.js';
import { ownEntries } from '../util/records.js';
import { compileMachine } from './compile-machine.js';
import { findState } from './state-tree.js';
import { activeStatePaths } from './state-value.js';
import { checkSnapshot } from './workflow-snapshot.js';

/** An event someone may send now: what the staff app turns into a button and a form. */
export interface AllowedEvent {
  event: string;
  label?: LocalizedText;
  form?: string;
  /** The roles the definition lets send it; empty means anyone who can see the instance. */
  roles: string[];
  /** Only the assignee of the state's task may send it (the engine checks who that is). */
  assigneeOnly: boolean;
  /** The state whose transition handles it (deepest first, as XState picks). */
  statePath: string;
  style?: 'primary' | 'default' | 'danger';
  confirm?: LocalizedText;
}

export interface AllowedEventsOptions {
  /** The actor's roles in the instance's estate; with actorId, "requester" is matched too. */
  roles: readonly string[];
  actorId?: string;
}

/**
 * The events the actor may send in the snapshot's state. Guards are not evaluated here (they
 * may depend on the form data still to be entered); a step that no guard admits changes nothing.
 */
export function allowedEvents(definition: WorkflowDefinition, snapshot: unknown, options: AllowedEventsOptions): AllowedEvent[] {
  const checked = checkSnapshot(compileMachine(definition), snapshot);
  if (checked.status === 'done') return [];
  const actorRoles = new Set(options.roles);
  if (options.actorId !== undefined && checked.context.requester?.id === options.actorId) actorRoles.add(REQUESTER_ROLE);
  const seen = new Set<string>();
  const allowed: AllowedEvent[] = [];
  // Deepest states first: a child's handler shadows its ancestors' for the same event.
  const paths = activeStatePaths(checked.value).sort((a, b) => b.split('.').length - a.split('.').length);
  for (const statePath of paths) {
    const node = findState(definition, statePath);
    for (const [event, transitions] of ownEntries(node?.on)) {
      if (seen.has(event)) continue;
      seen.add(event);
      const roles = [...new Set(transitions.flatMap((transition) => transition.meta?.roles ?? []))];
      if (roles.length > 0 && !roles.some((role) => actorRoles.has(role))) continue;
      const meta = transitions.find((transition) => transition.meta !== undefined)?.meta ?? {};
      const entry: AllowedEvent = {
        event,
        roles,
        assigneeOnly: transitions.some((transition) => transition.meta?.assigneeOnly === true),
        statePath,
      };
      if (meta.label !== undefined) entry.label = meta.label;
      if (meta.form !== undefined) entry.form = meta.form;
      if (meta.style !== undefined) entry.style = meta.style;
      if (meta.confirm !== undefined) entry.confirm = meta.confirm;
      allowed.push(entry);
    }
  }
  return allowed;
}
