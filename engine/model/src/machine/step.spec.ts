import { describe, expect, it } from 'vitest';
import { FRONT_DESK, MONDAY_9AM, OWNER, REPAIR_PARAMETERS, REPORT, TECHNICIAN, repairDefinition } from '../test-support/repair-fixture.js';
import type { Effect } from './effects.js';
import { replay, type InstanceLogEntry } from './replay.js';
import { resolveParameters } from './resolve-parameters.js';
import { start, step, type StepResult } from './step.js';
import { IncompatibleSnapshotError } from './workflow-snapshot.js';

const definition = repairDefinition();
const MINUTE = 60_000;

function started(urgency = 'normal'): StepResult {
  return start(definition, { parameters: REPAIR_PARAMETERS, input: { data: { ...REPORT, urgency }, actor: OWNER }, now: MONDAY_9AM });
}

/** A stored snapshot as the engine reads it back: through JSON. */
function stored(result: StepResult): unknown {
  return JSON.parse(JSON.stringify(result.snapshot));
}

function deepFreeze<T>(value: T): T {
  for (const object of objectsOf(value)) Object.freeze(object);
  return value;
}

/** Every object and array inside `value`, itself included. */
function objectsOf(value: unknown): object[] {
  if (typeof value !== 'object' || value === null) return [];
  return [value, ...Object.values(value).flatMap(objectsOf)];
}

function kinds(effects: Effect[]): string[] {
  return effects.map((effect) => (effect.kind === 'notify' ? `notify:${effect.template}` : effect.kind));
}

describe('start', () => {
  it('enters the nested triage child chosen by an always guard and schedules the SLA timers', () => {
    const emergency = started('emergency');
    expect(emergency.stateValue).toBe('submitted.emergency');
    expect(emergency.status).toBe('active');
    expect(emergency.transitions).toEqual(['submitted.triage#always.0']);
    expect(kinds(emergency.effects)).toEqual(['notify:submitted', 'notify:newRequest', 'schedule', 'schedule']);
    expect(emergency.effects.filter((effect) => effect.kind === 'schedule')).toEqual([
      {
        kind: 'schedule',
        id: 'xstate.after.respondDeadlineEmergency.repair.submitted.emergency',
        delayMs: 15 * MINUTE,
        dueAt: MONDAY_9AM + 15 * MINUTE,
        event: 'xstate.after.respondDeadlineEmergency.repair.submitted.emergency',
        transition: 'submitted.triage#always.0',
      },
      {
        kind: 'schedule',
        id: 'xstate.after.PT1H.repair.submitted.emergency',
        delayMs: 60 * MINUTE,
        dueAt: MONDAY_9AM + 60 * MINUTE,
        event: 'xstate.after.PT1H.repair.submitted.emergency',
        transition: 'submitted.triage#always.0',
      },
    ]);
    expect(started('normal').stateValue).toBe('submitted.normal');
    expect(emergency.effects[0]).toEqual({
      kind: 'notify',
      template: 'submitted',
      to: [{ kind: 'requester', userId: 'owner-1' }],
      channels: [],
    });
  });

  it('keeps the snapshot JSON-only, with the definition key and a version fingerprint', () => {
    const snapshot = started().snapshot;
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot).toMatchObject({ format: 'estateflow.snapshot/1', definitionKey: 'repair', status: 'active' });
    expect(snapshot.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(snapshot.context).toMatchObject({ params: REPAIR_PARAMETERS, requester: OWNER, startedAt: MONDAY_9AM });
  });
});

describe('step', () => {
  it('dispatches: setData from form input and now, notifications, timers of the state left are cancelled', () => {
    const dispatched = step(
      definition,
      stored(started()),
      { type: 'DISPATCH', data: { technicianId: 'tech-7' }, actor: FRONT_DESK },
      { now: MONDAY_9AM + 5 * MINUTE },
    );
    expect(dispatched.changed).toBe(true);
    expect(dispatched.stateValue).toBe('dispatched');
    expect(dispatched.snapshot.context.data).toMatchObject({ technicianId: 'tech-7', dispatchedAt: MONDAY_9AM + 5 * MINUTE });
    expect(dispatched.effects).toEqual([
      { kind: 'cancelSchedule', id: 'xstate.after.respondDeadlineNormal.repair.submitted.normal' },
      {
        kind: 'notify',
        template: 'dispatched',
        to: [{ kind: 'requester', userId: 'owner-1' }],
        channels: [],
        transition: 'submitted#on.DISPATCH.0',
      },
      {
        kind: 'notify',
        template: 'assigned',
        to: [{ kind: 'user', userId: 'tech-7' }],
        channels: [],
        transition: 'submitted#on.DISPATCH.0',
      },
    ]);
  });

  it('leaves the stored snapshot as it was, and returns one that shares no object with it', () => {
    const input = deepFreeze(stored(started()));
    const copy = structuredClone(input);
    // Frozen: any write to the input (setData's merge and assignments included) would throw here.
    const dispatched = step(
      definition,
      input,
      { type: 'DISPATCH', data: { technicianId: 'tech-7' }, actor: FRONT_DESK },
      { now: MONDAY_9AM },
    );
    expect(input).toEqual(copy);
    const inputObjects = new Set(objectsOf(input));
    expect(objectsOf(dispatched.snapshot).filter((object) => inputObjects.has(object))).toEqual([]);
    dispatched.snapshot.context.params['onSiteHours'] = 1;
    expect(input).toEqual(copy);
  });

  it('changes nothing for an event the state does not handle', () => {
    const before = stored(started());
    const result = step(definition, before, { type: 'FINISH' }, { now: MONDAY_9AM });
    expect(result.changed).toBe(false);
    expect(result.effects).toEqual([]);
    expect(result.snapshot).toEqual(before);
  });

  it('escalates when the respond timer fires, and ignores a timer from a state already left', () => {
    const first = started('urgent');
    const timer = first.effects.find((effect) => effect.kind === 'schedule');
    expect(timer?.kind).toBe('schedule');
    if (timer?.kind !== 'schedule') return;
    const fired = step(definition, stored(first), { type: timer.event }, { now: timer.dueAt });
    expect(fired.changed).toBe(true);
    expect(fired.stateValue).toBe('submitted.urgent');
    expect(fired.effects).toEqual([
      {
        kind: 'escalate',
        to: { role: 'engineering_supervisor' },
        level: 1,
        template: 'slaBreached',
        reason: { 'zh-CN': '派单超时', en: 'Dispatch overdue' },
        transition: 'submitted.urgent#after.respondDeadlineUrgent.0',
      },
    ]);
    const dispatched = step(
      definition,
      stored(first),
      { type: 'DISPATCH', data: { technicianId: 't' }, actor: FRONT_DESK },
      { now: MONDAY_9AM },
    );
    const late = step(definition, stored(dispatched), { type: timer.event }, { now: timer.dueAt });
    expect(late.changed).toBe(false);
  });

  it('runs the parallel confirmation: auto-confirm after 72 h, return visit, then onDone closes with a webhook', () => {
    let result = started();
    const send = (type: string, data: Record<string, unknown> = {}, at = MONDAY_9AM) => {
      result = step(definition, stored(result), { type, data }, { now: at });
      return result;
    };
    send('DISPATCH', { technicianId: 'tech-7' });
    send('ACCEPT');
    send('ARRIVE');
    expect(send('PAUSE', { reason: 'waitingParts' }).stateValue).toBe('inProgress.paused');
    expect(send('RESUME').stateValue).toBe('inProgress.working');
    send('FINISH', { result: '更换阀芯' });
    expect(result.stateValue).toBe('awaitingConfirmation.owner.waiting | awaitingConfirmation.returnVisit.pending');
    const autoConfirm = result.effects.find((effect) => effect.kind === 'schedule');
    expect(autoConfirm).toMatchObject({
      id: 'xstate.after.autoConfirm.repair.awaitingConfirmation.owner.waiting',
      delayMs: 72 * 60 * MINUTE,
    });
    if (autoConfirm?.kind !== 'schedule') return;
    send(autoConfirm.event, {}, autoConfirm.dueAt);
    expect(result.stateValue).toBe('awaitingConfirmation.owner.autoConfirmed | awaitingConfirmation.returnVisit.pending');
    expect(result.snapshot.context.data['autoConfirmed']).toBe(true);
    send('RETURN_VISIT_DONE', { satisfied: true });
    expect(result.status).toBe('done');
    expect(result.stateValue).toBe('closed');
    expect(result.transitions).toEqual([
      'awaitingConfirmation.returnVisit.pending#on.RETURN_VISIT_DONE.0',
      'awaitingConfirmation#onDone.1',
    ]);
    expect(result.effects).toContainEqual({
      kind: 'webhook',
      event: 'repair.closed',
      payload: { rating: 0, technicianId: 'tech-7' },
      transition: 'awaitingConfirmation#onDone.1',
    });
    expect(step(definition, stored(result), { type: 'CONFIRM' }, { now: MONDAY_9AM }).changed).toBe(false);
  });

  it('reworks from a parallel region back into the nested working state, and a low rating starts a complaint', () => {
    let result = started();
    const send = (type: string, data: Record<string, unknown> = {}) =>
      (result = step(definition, stored(result), { type, data }, { now: MONDAY_9AM }));
    send('DISPATCH', { technicianId: 'tech-7' });
    send('ACCEPT');
    send('ARRIVE');
    send('FINISH', { result: 'ok' });
    expect(send('REWORK', { reason: '还在漏' }).stateValue).toBe('inProgress.working');
    expect(result.snapshot.context.data['reworkCount']).toBe(1);
    send('FINISH', { result: 'ok' });
    send('CONFIRM', { rating: 1 });
    expect(send('RETURN_VISIT_DONE', { satisfied: false }).stateValue).toBe('lowRatingReview');
    send('REVIEWED', { note: '服务态度差', openComplaint: true });
    expect(result.effects).toContainEqual({
      kind: 'startChild',
      workflowKey: 'complaint',
      data: { sourceReference: 'tech-7', description: '服务态度差', type: 'serviceAttitude' },
      index: 0,
      transition: 'lowRatingReview#on.REVIEWED.0',
    });
  });

  it('reassigns with an internal transition that plans an assignTask', () => {
    let result = step(definition, stored(started()), { type: 'DISPATCH', data: { technicianId: 'tech-7' } }, { now: MONDAY_9AM });
    result = step(definition, stored(result), { type: 'REASSIGN', data: { technicianId: 'tech-9', reason: '休假' } }, { now: MONDAY_9AM });
    expect(result.stateValue).toBe('dispatched');
    expect(result.effects).toContainEqual({
      kind: 'assignTask',
      assignee: { kind: 'user', userId: 'tech-9' },
      reason: '休假',
      transition: 'dispatched#on.REASSIGN.0',
    });
  });

  it('rejects an incompatible or tampered snapshot', () => {
    const snapshot = started().snapshot;
    const reason = (input: unknown) => {
      try {
        step(definition, input, { type: 'DISPATCH' }, { now: 0 });
      } catch (error: unknown) {
        return error instanceof IncompatibleSnapshotError ? error.reason : 'other';
      }
      return 'accepted';
    };
    expect(reason({ ...snapshot, definitionKey: 'complaint' })).toBe('definitionKey');
    expect(reason({ ...snapshot, fingerprint: '0000000000000000' })).toBe('fingerprint');
    expect(reason({ ...snapshot, format: 'estateflow.snapshot/0' })).toBe('format');
    expect(reason({ ...snapshot, value: { submitted: 'nowhere' } })).toBe('unknownState');
    expect(reason({ ...snapshot, context: { data: {} } })).toBe('malformed');
    expect(reason('not a snapshot')).toBe('malformed');
    const changed = repairDefinition();
    const submitted = changed.machine.states['submitted'];
    if (submitted?.on !== undefined) submitted.on['DISPATCH'] = [{ target: 'accepted' }];
    expect(() => step(changed, snapshot, { type: 'DISPATCH' }, { now: 0 })).toThrow(IncompatibleSnapshotError);
  });
});

describe('replay', () => {
  it('folds the event log (start, events, timer firings) into the stored snapshot', () => {
    const log: InstanceLogEntry[] = [{ kind: 'start', at: MONDAY_9AM, parameters: REPAIR_PARAMETERS, data: { ...REPORT }, actor: OWNER }];
    let result = started();
    const record = (entry: InstanceLogEntry) => {
      log.push(entry);
      const event = entry.kind === 'event' ? entry.event : entry.kind === 'timer' ? { type: entry.event } : { type: '' };
      result = step(definition, stored(result), event, { now: entry.at });
    };
    record({ kind: 'event', at: MONDAY_9AM + MINUTE, event: { type: 'DISPATCH', data: { technicianId: 'tech-7' }, actor: FRONT_DESK } });
    record({ kind: 'event', at: MONDAY_9AM + 2 * MINUTE, event: { type: 'ACCEPT', actor: TECHNICIAN } });
    record({ kind: 'event', at: MONDAY_9AM + 3 * MINUTE, event: { type: 'NOT_AN_EVENT' } });
    record({ kind: 'event', at: MONDAY_9AM + 30 * MINUTE, event: { type: 'ARRIVE', actor: TECHNICIAN } });
    record({ kind: 'event', at: MONDAY_9AM + 90 * MINUTE, event: { type: 'FINISH', data: { result: '好了' }, actor: TECHNICIAN } });
    record({
      kind: 'timer',
      at: MONDAY_9AM + 90 * MINUTE + 72 * 60 * MINUTE,
      event: 'xstate.after.autoConfirm.repair.awaitingConfirmation.owner.waiting',
    });
    expect(replay(definition, JSON.parse(JSON.stringify(log)))).toEqual(result.snapshot);
    expect(() => replay(definition, [])).toThrow();
  });
});

describe('resolveParameters', () => {
  it('applies defaults, then company values, then estate values, and validates', () => {
    const resolved = resolveParameters(definition, { respondMinutesNormal: 90 }, { respondMinutesNormal: 60, autoConfirmHours: 48 });
    expect(resolved).toEqual({ ok: true, parameters: { ...REPAIR_PARAMETERS, respondMinutesNormal: 60, autoConfirmHours: 48 } });
    expect(resolveParameters(definition, {}, { lowRatingThreshold: 9 })).toMatchObject({
      ok: false,
      errors: [{ path: '/lowRatingThreshold' }],
    });
    expect(resolveParameters(definition, {}, { unknownKnob: 1 })).toMatchObject({ ok: false, errors: [{ path: '/unknownKnob' }] });
  });
});
