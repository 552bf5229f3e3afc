import type { WorkflowDefinition } from '@estateflow/model';
import { describe, expect, it } from 'vitest';
import { escalationRole } from './escalation-ladder';

function definition(sla: Record<string, unknown>): WorkflowDefinition {
  return {
    formatVersion: 1,
    key: 'repair',
    name: { 'zh-CN': '报修' },
    forms: {},
    machine: { id: 'repair', initial: 'submitted', states: { submitted: { meta: { task: { name: { 'zh-CN': '派单' }, sla } } } } },
  } as unknown as WorkflowDefinition;
}

describe('escalationRole', () => {
  it('sends a first breach to the engineering supervisor and a second to the estate manager', () => {
    const plain = definition({ respond: 'PT30M' });
    expect(escalationRole({ definition: plain, statePath: 'submitted', level: 1 })).toBe('engineering_supervisor');
    expect(escalationRole({ definition: plain, statePath: 'submitted', level: 2 })).toBe('estate_manager');
    expect(escalationRole({ definition: plain, statePath: 'submitted', level: 5 })).toBe('estate_manager');
  });

  it('follows a ladder the definition gives', () => {
    const custom = definition({ respond: 'PT30M', escalation: ['front_desk', 'company_admin'] });
    expect(escalationRole({ definition: custom, statePath: 'submitted', level: 1 })).toBe('front_desk');
    expect(escalationRole({ definition: custom, statePath: 'submitted', level: 2 })).toBe('company_admin');
  });

  it('leaves a task whose workflow escalates it itself to the workflow', () => {
    const own = definition({ respond: 'PT30M', escalation: false });
    expect(escalationRole({ definition: own, statePath: 'submitted', level: 1 })).toBeNull();
    expect(escalationRole({ definition: own, statePath: 'submitted', level: 2 })).toBeNull();
  });
});
