import { transitionId } from '../definition/stateTree';

/** What a finding points at, so that clicking it can select it. */
export type FindingTarget =
  | { kind: 'state'; stateId: string; part?: 'sla.respond' | 'sla.complete' }
  | { kind: 'transition'; transitionId: string; stateId: string }
  | { kind: 'field'; form: string; field: string | null }
  | { kind: 'definition' };

/**
 * Reads a JSON pointer into a definition (`/machine/states/a/states/b/on/GO/0/guard`) as the
 * state, transition or form field it is about.
 */
export function findingTargetFromPointer(pointer: string): FindingTarget {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (parts[0] === 'forms' && parts[1] !== undefined) {
    const propertyAt = parts.indexOf('properties', 2);
    return { kind: 'field', form: parts[1], field: propertyAt >= 0 ? (parts[propertyAt + 1] ?? null) : null };
  }
  if (parts[0] !== 'machine') return { kind: 'definition' };
  const path: string[] = [];
  let index = 1;
  while (parts[index] === 'states' && parts[index + 1] !== undefined) {
    path.push(parts[index + 1] ?? '');
    index += 2;
  }
  if (path.length === 0) return { kind: 'definition' };
  const stateId = path.join('.');
  const bucket = parts[index];
  if (bucket === 'on' || bucket === 'after') {
    const key = parts[index + 1];
    const position = Number(parts[index + 2]);
    if (key !== undefined && Number.isInteger(position))
      return { kind: 'transition', stateId, transitionId: transitionId({ sourceId: stateId, kind: bucket, key, index: position }) };
  }
  if (bucket === 'always' || bucket === 'onDone') {
    const position = Number(parts[index + 1]);
    if (Number.isInteger(position))
      return { kind: 'transition', stateId, transitionId: transitionId({ sourceId: stateId, kind: bucket, key: '', index: position }) };
  }
  // /…/meta/task/sla/respond/…: the SLA input of the state's inspector.
  const sla = parts[index] === 'meta' && parts[index + 1] === 'task' && parts[index + 2] === 'sla' ? parts[index + 3] : undefined;
  if (sla === 'respond' || sla === 'complete') return { kind: 'state', stateId, part: `sla.${sla}` };
  return { kind: 'state', stateId };
}
