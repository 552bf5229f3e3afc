import { describe, expect, it } from 'vitest';
import { demoRepairHistory } from './demo-history-plan';

describe('the demo history plan', () => {
  const plan = demoRepairHistory({ seed: 7_001, units: 216, days: 120, perDay: 1.2 });

  it('is the same every time for a seed, and about the asked number a day', () => {
    expect(demoRepairHistory({ seed: 7_001, units: 216, days: 120, perDay: 1.2 })).toEqual(plan);
    expect(plan.length).toBeGreaterThan(120);
    expect(plan.length).toBeLessThan(170);
    expect(plan.every((repair) => repair.unit >= 0 && repair.unit < 216)).toBe(true);
    expect(plan.every((repair) => repair.minuteOfDay >= 8 * 60 && repair.minuteOfDay <= 19 * 60)).toBe(true);
  });

  it('runs each repair the way the repair workflow goes: cancelled at the desk, or dispatched through to a rating', () => {
    const paths = new Set(plan.map((repair) => repair.steps.map((step) => step.type).join(' ')));
    expect([...paths].sort()).toEqual(['CANCEL', 'DISPATCH ACCEPT ARRIVE COMPLETE CONFIRM']);
    const ratings = plan.flatMap((repair) =>
      repair.steps.filter((step) => step.type === 'CONFIRM').map((step) => Number(step.data['rating'])),
    );
    const average = ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length;
    expect(average).toBeGreaterThan(4);
    expect(Math.min(...ratings)).toBeGreaterThanOrEqual(2);
  });

  it('has some homes call about the same fault more than once', () => {
    const counts = new Map<string, number>();
    for (const repair of plan) counts.set(`${repair.unit}:${repair.category}`, (counts.get(`${repair.unit}:${repair.category}`) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeGreaterThanOrEqual(2);
  });
});
