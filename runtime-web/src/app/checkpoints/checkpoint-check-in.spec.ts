import { describe, expect, it } from 'vitest';
import type { Instance, JsonObject } from '../../api/types';
import { checkInChoices } from './checkpoint-check-in';

function round(id: string, data: JsonObject, allowed: string[]): Instance {
  return {
    id,
    reference: id,
    title: '',
    workflowKey: 'inspection',
    workflowName: null,
    estateId: 'e1',
    version: 1,
    status: 'active',
    state: 'x',
    stateLabel: { 'zh-CN': '' },
    progress: { 'zh-CN': '' },
    data,
    tasks: [],
    allowedEvents: allowed.map((type) => ({ type, label: { 'zh-CN': type } })),
    timeline: [],
    createdAt: '',
    updatedAt: '',
  };
}

const route = {
  checkpoints: [
    { code: 'FIRE-PUMP', name: '消防泵房' },
    { code: 'POWER', name: '配电房' },
  ],
};

describe('checking in from a scanned label', () => {
  it('offers the rounds that pass the checkpoint and have not checked it: to check in, or to start and check in', () => {
    const choices = checkInChoices('POWER', [
      round('walking', { ...route, checkedCodes: ['FIRE-PUMP'] }, ['CHECK_IN']),
      round('planned', route, ['START', 'SKIP']),
      round('done-here', { ...route, checkedCodes: ['POWER'] }, ['CHECK_IN']),
      round('recording', route, ['RECORD']),
      round('elsewhere', { checkpoints: [{ code: 'ROOF', name: '屋面' }] }, ['CHECK_IN']),
    ]);
    expect(choices.map((choice) => [choice.instance.id, choice.start, choice.checkpoint.name])).toEqual([
      ['walking', false, '配电房'],
      ['planned', true, '配电房'],
    ]);
  });
});
