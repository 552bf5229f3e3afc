import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '@estateflow/model';
import { proposeStateMapping, stateValueFromLeaves } from './state-mapping';

const definition = (states: WorkflowDefinition['machine']['states']): WorkflowDefinition => ({
  formatVersion: 1,
  key: 'w',
  name: { 'zh-CN': 'w' },
  machine: { id: 'w', initial: Object.keys(states)[0] ?? 'a', states },
  forms: {},
});
const label = (zh: string) => ({ meta: { label: { 'zh-CN': zh } } });

describe('moving running instances to a new version', () => {
  it('maps the same ids, renamed states by label, compound targets to their initial leaf, and leaves the rest unmapped', () => {
    const v1 = definition({
      submitted: label('待受理'),
      fixing: label('处理中'),
      waiting: label('待料'),
      closed: { type: 'final', ...label('已完成') },
    });
    const v2 = definition({
      submitted: label('待受理'),
      inProgress: { ...label('处理中'), initial: 'onTime', states: { onTime: label('处理中') } },
      closed: { type: 'final', ...label('已完成') },
    });
    expect(proposeStateMapping({ from: v1, to: v2 })).toEqual([
      { from: 'submitted', to: 'submitted', reason: 'sameId' },
      { from: 'fixing', to: 'inProgress.onTime', reason: 'sameLabel' },
      { from: 'waiting', to: null, reason: 'none' },
      { from: 'closed', to: 'closed', reason: 'sameId' },
    ]);
    expect(proposeStateMapping({ from: v1, to: v2, given: { waiting: 'inProgress' } })[2]).toEqual({
      from: 'waiting',
      to: 'inProgress.onTime',
      reason: 'given',
    });
  });

  it('rebuilds XState values from leaf paths', () => {
    expect(stateValueFromLeaves(['closed'])).toBe('closed');
    expect(stateValueFromLeaves(['inProgress.onTime'])).toEqual({ inProgress: 'onTime' });
    expect(stateValueFromLeaves(['p.r1.x', 'p.r2.y.z'])).toEqual({ p: { r1: 'x', r2: { y: 'z' } } });
  });
});
