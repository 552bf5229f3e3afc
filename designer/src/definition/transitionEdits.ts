import { getState, parseTransitionId, targetReference, transitionId, transitionList } from './stateTree';
import { updateState, uniqueKey } from './stateEdits';
import { nonEmpty } from './nonEmpty';
import type { Definition, StateConfig, TransitionConfig, TransitionKind } from './types';

/** Pure edits of transitions, addressed by the ids `listTransitions` hands out. */

function readBucket(config: StateConfig, kind: TransitionKind, key: string): TransitionConfig[] {
  switch (kind) {
    case 'on':
      return transitionList(config.on?.[key]);
    case 'after':
      return transitionList(config.after?.[key]);
    case 'always':
      return transitionList(config.always);
    case 'onDone':
      return transitionList(config.onDone);
  }
}

function writeBucket(config: StateConfig, input: { kind: TransitionKind; key: string; list: TransitionConfig[] }): StateConfig {
  const value = nonEmpty(input.list);
  const result: StateConfig = { ...config };
  switch (input.kind) {
    case 'on': {
      const on = { ...config.on };
      if (value === undefined) delete on[input.key];
      else on[input.key] = value;
      if (Object.keys(on).length) result.on = on;
      else delete result.on;
      return result;
    }
    case 'after': {
      const after = { ...config.after };
      if (value === undefined) delete after[input.key];
      else after[input.key] = value;
      if (Object.keys(after).length) result.after = after;
      else delete result.after;
      return result;
    }
    case 'always':
      if (value === undefined) delete result.always;
      else result.always = value;
      return result;
    case 'onDone':
      if (value === undefined) delete result.onDone;
      else result.onDone = value;
      return result;
  }
}

/** Adds `source → target` on a fresh event name and returns the new transition's id. */
export function addTransition(
  definition: Definition,
  input: { sourceId: string; targetId: string; event?: string },
): { definition: Definition; id: string } {
  const source = getState(definition.machine, input.sourceId);
  if (!source || source.type === 'final') return { definition, id: '' };
  const event = input.event ?? uniqueKey(Object.keys(source.on ?? {}), 'NEXT');
  const target = targetReference({ machine: definition.machine, sourceId: input.sourceId, targetId: input.targetId });
  const existing = readBucket(source, 'on', event);
  const config: TransitionConfig = { target, meta: { label: { 'zh-CN': event, en: event } } };
  const next = updateState(definition, input.sourceId, (state) =>
    writeBucket(state, { kind: 'on', key: event, list: [...existing, config] }),
  );
  return { definition: next, id: transitionId({ sourceId: input.sourceId, kind: 'on', key: event, index: existing.length }) };
}

export function getTransition(definition: Definition, id: string): TransitionConfig | undefined {
  const address = parseTransitionId(id);
  if (!address) return undefined;
  const source = getState(definition.machine, address.sourceId);
  return source ? readBucket(source, address.kind, address.key)[address.index] : undefined;
}

export function updateTransition(definition: Definition, id: string, update: (config: TransitionConfig) => TransitionConfig): Definition {
  const address = parseTransitionId(id);
  if (!address) return definition;
  return updateState(definition, address.sourceId, (state) => {
    const list = readBucket(state, address.kind, address.key);
    const current = list[address.index];
    if (!current) return state;
    const next = list.map((config, index) => (index === address.index ? update(current) : config));
    return writeBucket(state, { kind: address.kind, key: address.key, list: next });
  });
}

export function removeTransitions(definition: Definition, ids: readonly string[]): Definition {
  // Highest index first so earlier removals do not shift the later ids of the same bucket.
  const addresses = ids
    .map(parseTransitionId)
    .filter((address) => address !== null)
    .sort((a, b) => b.index - a.index);
  let next = definition;
  for (const address of addresses) {
    next = updateState(next, address.sourceId, (state) => {
      const list = readBucket(state, address.kind, address.key).filter((_, index) => index !== address.index);
      return writeBucket(state, { kind: address.kind, key: address.key, list });
    });
  }
  return next;
}

/** Moves a transition to another trigger: an event name, a delay, or eventless (`always`). */
export function setTransitionTrigger(
  definition: Definition,
  input: { id: string; kind: TransitionKind; key: string },
): { definition: Definition; id: string } {
  const address = parseTransitionId(input.id);
  const config = getTransition(definition, input.id);
  const keyless = input.kind === 'always' || input.kind === 'onDone';
  const key = keyless ? '' : input.key.trim();
  if (!address || !config || (!keyless && key === '')) return { definition, id: input.id };
  if (address.kind === input.kind && address.key === key) return { definition, id: input.id };
  const removed = removeTransitions(definition, [input.id]);
  let index = 0;
  const next = updateState(removed, address.sourceId, (state) => {
    const list = readBucket(state, input.kind, key);
    index = list.length;
    return writeBucket(state, { kind: input.kind, key, list: [...list, config] });
  });
  return { definition: next, id: transitionId({ sourceId: address.sourceId, kind: input.kind, key, index }) };
}

export function retargetTransition(definition: Definition, input: { id: string; targetId: string }): Definition {
  const address = parseTransitionId(input.id);
  if (!address) return definition;
  const target = targetReference({ machine: definition.machine, sourceId: address.sourceId, targetId: input.targetId });
  return updateTransition(definition, input.id, (config) => ({ ...config, target }));
}
