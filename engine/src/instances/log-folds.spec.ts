import { describe, expect, it } from 'vitest';
import { logEntryOf } from './log-folds';

const at = new Date('2026-11-22T03:00:00.123Z');

describe('a stored log row as replay reads it', () => {
  it('reads the start with its parameters, data and actor', () => {
    const row = {
      type: 'start',
      createdAt: at,
      data: { data: { unitId: 'u1' }, actor: { id: 'p1', roles: ['owner'] }, parameters: { slaHours: 4 } },
    };
    expect(logEntryOf(row)).toEqual({
      kind: 'start',
      at: at.getTime(),
      parameters: { slaHours: 4 },
      data: { unitId: 'u1' },
      actor: { id: 'p1', roles: ['owner'] },
    });
  });

  it('reads an event with its form data and actor, and a timer by its delayed event', () => {
    expect(
      logEntryOf({ type: 'DISPATCH', createdAt: at, data: { data: { technicianId: 't1' }, actor: { id: 's1', roles: ['front_desk'] } } }),
    ).toEqual({
      kind: 'event',
      at: at.getTime(),
      event: { type: 'DISPATCH', data: { technicianId: 't1' }, actor: { id: 's1', roles: ['front_desk'] } },
    });
    expect(logEntryOf({ type: 'xstate.after.autoConfirm.repair.awaitingConfirmation', createdAt: at, data: {} })).toEqual({
      kind: 'timer',
      at: at.getTime(),
      event: 'xstate.after.autoConfirm.repair.awaitingConfirmation',
    });
  });

  it('reads a row without data as an event with none (the column is our own JSON, checked, not cast)', () => {
    expect(logEntryOf({ type: 'CANCEL', createdAt: at, data: null })).toEqual({
      kind: 'event',
      at: at.getTime(),
      event: { type: 'CANCEL', data: {} },
    });
  });
});
