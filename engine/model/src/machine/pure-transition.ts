import { createActor, type AnyMachineSnapshot, type AnyStateMachine, type ExecutableActionObject } from 'xstate';

type ActorScope = Parameters<AnyStateMachine['transition']>[2];

const scopes = new WeakMap<AnyStateMachine, ActorScope>();

/**
 * XState's pure `transition(machine, snapshot, event)`, without its per-call cost. XState builds a
 * throw-away actor for every call, and constructing it computes the machine's initial snapshot:
 * entry actions, delays and `always` guards of the initial states, run against an empty context
 * (where guards and parameter delays fail and throw). That was a third of the event step's CPU.
 * Here the inert scope is built once per machine and reused; it does exactly what XState's own
 * inert scope does (collect the actions, never start anything). Workflows do not invoke or
 * spawn actors, so the scope's system never holds children. Synchronous, so one shared scope is
 * never used by two calls at once.
 */
export function pureTransition(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  event: Parameters<AnyStateMachine['transition']>[1],
): [AnyMachineSnapshot, ExecutableActionObject[]] {
  const scope = inertScope(machine);
  const actions: ExecutableActionObject[] = [];
  scope.actionExecutor = (action) => {
    actions.push(action);
  };
  try {
    return [machine.transition(snapshot, event, scope), actions];
  } finally {
    scope.actionExecutor = ignore;
  }
}

function inertScope(machine: AnyStateMachine): ActorScope {
  const cached = scopes.get(machine);
  if (cached !== undefined) return cached;
  const self = createActor(machine);
  const scope: ActorScope = {
    self,
    defer: ignore,
    id: '',
    logger: ignore,
    sessionId: '',
    stopChild: ignore,
    system: self.system,
    emit: ignore,
    actionExecutor: ignore,
  };
  scopes.set(machine, scope);
  return scope;
}

function ignore(): void {}
