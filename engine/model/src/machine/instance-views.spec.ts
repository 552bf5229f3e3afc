import { describe, expect, it } from 'vitest';
import { FRONT_DESK, MONDAY_9AM, OWNER, REPAIR_PARAMETERS, REPORT, TECHNICIAN, repairDefinition } from '../test-support/repair-fixture.js';
import { activeTasks } from './active-tasks.js';
import { allowedEvents } from './allowed-events.js';
import { stateLabel } from './state-label.js';
import { start, step, type StepResult } from './step.js';

const definition = repairDefinition();
const begin = () =>
  start(definition, { parameters: REPAIR_PARAMETERS, input: { data: { ...REPORT, urgency: 'emergency' }, actor: OWNER }, now: MONDAY_9AM });
const send = (result: StepResult, type: string, data: Record<string, unknown> = {}) =>
  step(definition, result.snapshot, { type, data }, { now: MONDAY_9AM });
const events = (result: StepResult, roles: string[], actorId?: string) =>
  allowedEvents(definition, result.snapshot, actorId === undefined ? { roles } : { roles, actorId }).map((allowed) => allowed.event);

describe('allowedEvents', () => {
  it('offers the front desk dispatch and reject, with labels and forms, and the owner only withdraw', () => {
    const submitted = begin();
    const desk = allowedEvents(definition, submitted.snapshot, { roles: FRONT_DESK.roles, actorId: FRONT_DESK.id });
    expect(desk.map((allowed) => allowed.event)).toEqual(['DISPATCH', 'REJECT']);
    expect(desk[0]).toMatchObject({
      label: { 'zh-CN': '派单', en: 'Dispatch' },
      form: 'dispatch',
      roles: ['front_desk', 'engineering_supervisor'],
      statePath: 'submitted',
      style: 'primary',
    });
    expect(events(submitted, OWNER.roles, OWNER.id)).toEqual(['WITHDRAW']);
    expect(events(submitted, ['owner'], 'someone-else')).toEqual([]);
    expect(events(submitted, ['technician'], TECHNICIAN.id)).toEqual([]);
  });

  it('marks assignee-only events and covers every region of a parallel state', () => {
    const dispatched = send(begin(), 'DISPATCH', { technicianId: 'tech-7' });
    expect(allowedEvents(definition, dispatched.snapshot, { roles: ['technician'] })).toMatchObject([
      { event: 'ACCEPT', assigneeOnly: true },
    ]);
    const waiting = send(send(send(dispatched, 'ACCEPT'), 'ARRIVE'), 'FINISH', { result: 'ok' });
    expect(events(waiting, ['front_desk'])).toEqual(['CONFIRM', 'REWORK', 'RETURN_VISIT_DONE']);
    expect(events(waiting, ['owner'], OWNER.id)).toEqual(['CONFIRM', 'REWORK']);
  });
});

describe('activeTasks and stateLabel', () => {
  it('resolve the SLA from parameters and the assignee from data', () => {
    const submitted = begin();
    expect(activeTasks(definition, submitted.snapshot)).toEqual([
      {
        statePath: 'submitted.emergency',
        name: { 'zh-CN': '派单', en: 'Dispatch' },
        form: 'dispatch',
        assignee: { kind: 'role', role: 'front_desk' },
        sla: { respondMs: 15 * 60_000, completeMs: 48 * 3_600_000 },
      },
    ]);
    expect(activeTasks(definition, submitted.snapshot, { ...REPAIR_PARAMETERS, respondMinutesEmergency: 10 })[0]?.sla.respondMs).toBe(
      10 * 60_000,
    );
    const dispatched = send(submitted, 'DISPATCH', { technicianId: 'tech-7' });
    expect(activeTasks(definition, dispatched.snapshot)).toMatchObject([
      { statePath: 'dispatched', assignee: { kind: 'user', userId: 'tech-7' }, sla: { respondMs: 30 * 60_000 } },
    ]);
    expect(stateLabel(definition, dispatched.snapshot)).toEqual({ 'zh-CN': '已派单', en: 'Dispatched' });
  });

  it('list one task per parallel region and label both', () => {
    const waiting = send(send(send(send(begin(), 'DISPATCH', { technicianId: 'tech-7' }), 'ACCEPT'), 'ARRIVE'), 'FINISH', { result: 'ok' });
    expect(activeTasks(definition, waiting.snapshot).map((task) => [task.statePath, task.assignee])).toEqual([
      ['awaitingConfirmation.owner.waiting', { kind: 'requester', userId: 'owner-1' }],
      ['awaitingConfirmation.returnVisit.pending', { kind: 'role', role: 'front_desk' }],
    ]);
    expect(stateLabel(definition, waiting.snapshot)).toEqual({
      'zh-CN': '待业主确认 / 待回访',
      en: 'Waiting for the owner / Return visit pending',
    });
  });
});
