import { describe, expect, it } from 'vitest';
import { findingTargetFromPointer } from './findingTarget';

describe('where a finding points', () => {
  it('finds nested states, transitions and form fields from JSON pointers', () => {
    expect(findingTargetFromPointer('/machine/states/review/states/sign/meta/label')).toEqual({ kind: 'state', stateId: 'review.sign' });
    expect(findingTargetFromPointer('/machine/states/submitted/on/APPROVE/0/guard')).toEqual({
      kind: 'transition',
      stateId: 'submitted',
      transitionId: 'submitted#on.APPROVE.0',
    });
    expect(findingTargetFromPointer('/machine/states/a/always/1')).toEqual({
      kind: 'transition',
      stateId: 'a',
      transitionId: 'a#always.1',
    });
    expect(findingTargetFromPointer('/forms/start/schema/properties/phone/pattern')).toEqual({
      kind: 'field',
      form: 'start',
      field: 'phone',
    });
    expect(findingTargetFromPointer('/machine/states/submitted/meta/task/sla/respond/cases/0/when')).toEqual({
      kind: 'state',
      stateId: 'submitted',
      part: 'sla.respond',
    });
    expect(findingTargetFromPointer('/parameters')).toEqual({ kind: 'definition' });
  });
});
