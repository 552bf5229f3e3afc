import { transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { FRONT_DESK, MONDAY_9AM, OWNER, REPAIR_PARAMETERS, REPORT, repairDefinition } from '../test-support/repair-fixture.js';
import { compileMachine } from './compile-machine.js';
import { pureTransition } from './pure-transition.js';
import { start } from './step.js';
import { restoreMachineSnapshot } from './workflow-snapshot.js';

// pureTransition mirrors XState's own transition() with a reused inert scope; if an XState
// upgrade changes what transition() does, this says so.
describe('pureTransition', () => {
  const definition = repairDefinition();
  const compiled = compileMachine(definition);
  const begun = start(definition, { parameters: REPAIR_PARAMETERS, input: { data: REPORT, actor: OWNER }, now: MONDAY_9AM });
  const events = [
    { type: 'DISPATCH', data: { technicianId: 'tech-7' } },
    { type: 'NOT_AN_EVENT', data: {} },
  ];

  for (const event of events) {
    it(`gives what XState's transition() gives for ${event.type}, again and again`, () => {
      const workflowEvent = { ...event, actor: FRONT_DESK, now: MONDAY_9AM + 60_000 };
      const [expectedSnapshot, expectedActions] = transition(
        compiled.machine,
        restoreMachineSnapshot(compiled, begun.snapshot),
        workflowEvent,
      );
      expect(expectedActions.length > 0).toBe(event.type === 'DISPATCH');
      for (let round = 0; round < 3; round++) {
        const [snapshot, actions] = pureTransition(compiled.machine, restoreMachineSnapshot(compiled, begun.snapshot), workflowEvent);
        expect(snapshot.value).toEqual(expectedSnapshot.value);
        expect(snapshot.context).toEqual(expectedSnapshot.context);
        expect(snapshot.status).toBe(expectedSnapshot.status);
        expect(actions.map((action) => [action.type, action.params])).toEqual(
          expectedActions.map((action) => [action.type, action.params]),
        );
      }
    });
  }
});
