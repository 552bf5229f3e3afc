import { describe, expect, it } from 'vitest';
import { DemoSeedSteps } from './demo-seed-step';

describe('demo seed steps', () => {
  it('run in registration order, except that a step runs after the one it names', () => {
    const steps = new DemoSeedSteps();
    const run = async () => undefined;
    steps.register({ name: 'history', after: 'packs', run });
    steps.register({ name: 'people', run });
    steps.register({ name: 'packs', run });
    steps.register({ name: 'packs', run });
    expect(steps.list().map((step) => step.name)).toEqual(['packs', 'history', 'people']);
  });
});
