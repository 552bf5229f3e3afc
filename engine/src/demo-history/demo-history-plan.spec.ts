import { describe, expect, it } from 'vitest';
import { demoComplaintHistory, demoInspectionHistory, demoRepairHistory } from './demo-history-plan';

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

describe('the demo complaint plan', () => {
  const plan = demoComplaintHistory({ seed: 9_001, units: 216, days: 120, perDay: 0.3 });
  const paths = plan.map((complaint) => complaint.steps.map((step) => step.type).join(' '));

  it('is the same every time for a seed, and about the asked number a day', () => {
    expect(demoComplaintHistory({ seed: 9_001, units: 216, days: 120, perDay: 0.3 })).toEqual(plan);
    expect(plan.length).toBeGreaterThan(20);
    expect(plan.length).toBeLessThan(60);
  });

  it('runs each complaint the way the complaint workflow goes', () => {
    const allowed = [
      'ASSIGN REPLY RESOLVE RETURN_VISIT',
      'ASSIGN REPLY RESOLVE',
      'ASSIGN REPLY RESOLVE RETURN_VISIT REPLY RESOLVE RETURN_VISIT',
      'INVALID',
    ];
    for (const path of paths) expect(allowed).toContain(path);
    expect(paths.filter((path) => path === 'ASSIGN REPLY RESOLVE RETURN_VISIT').length).toBeGreaterThan(plan.length / 2);
    // Anonymous complaints close when resolved: nobody to call back.
    for (const complaint of plan) if (complaint.anonymous) expect(complaint.steps.some((step) => step.type === 'RETURN_VISIT')).toBe(false);
    // Sent to the department of its type, and assigned to someone there.
    for (const complaint of plan) {
      const assign = complaint.steps.find((step) => step.type === 'ASSIGN');
      if (assign === undefined) continue;
      expect(assign).toMatchObject({
        assigns: 'handlerId',
        data: { complaintType: complaint.complaintType, department: complaint.department },
      });
    }
  });

  it('is called back mostly satisfied; a reopened one is handled again before its last call', () => {
    const final = plan.flatMap((complaint) => complaint.steps.filter((step) => step.type === 'RETURN_VISIT').slice(-1));
    expect(final.every((step) => Number(step.data['satisfaction']) >= 3)).toBe(true);
    const average = final.reduce((sum, step) => sum + Number(step.data['satisfaction']), 0) / final.length;
    expect(average).toBeGreaterThan(4);
  });
});

describe('the demo inspection plan', () => {
  const route = [
    { code: 'FIRE-PUMP', name: '消防泵房' },
    { code: 'POWER', name: '配电房' },
    { code: 'ROOF', name: '屋面' },
  ];
  const plan = demoInspectionHistory({ seed: 11_001, days: 120, route });

  it('is the same every time for a seed: a round a week, at nine', () => {
    expect(demoInspectionHistory({ seed: 11_001, days: 120, route })).toEqual(plan);
    expect(plan).toHaveLength(18);
    expect(plan.map((round) => round.daysAgo)).toEqual(Array.from({ length: 18 }, (_, index) => 120 - 7 * index));
    expect(plan.every((round) => round.minuteOfDay === 9 * 60 && round.checkpoints.length === 3)).toBe(true);
  });

  it('runs each round the way the inspection workflow goes: every checkpoint checked in and recorded, or called off', () => {
    const walk = 'START CHECK_IN RECORD CHECK_IN RECORD CHECK_IN RECORD';
    for (const round of plan) expect([walk, 'SKIP']).toContain(round.steps.map((step) => step.type).join(' '));
    const checkIns = plan[0]?.steps.filter((step) => step.type === 'CHECK_IN').map((step) => step.data['checkpointCode']);
    if (plan[0]?.steps[0]?.type === 'START') expect(checkIns).toEqual(['FIRE-PUMP', 'POWER', 'ROOF']);
    // Readings in their normal range, every item normal (an abnormal one would raise a repair).
    const items = plan.flatMap((round) =>
      round.steps.flatMap((step) =>
        step.type === 'RECORD' ? (step.data['items'] as { name: string; result: string; reading?: number }[]) : [],
      ),
    );
    expect(items.every((item) => item.result === 'normal')).toBe(true);
    const pressures = items.filter((item) => item.name === '消防管网压力').map((item) => item.reading ?? -1);
    expect(pressures.length).toBeGreaterThan(10);
    expect(pressures.every((value) => value >= 0.6 && value <= 0.9)).toBe(true);
    // A checkpoint the plan knows nothing of still has something to check.
    expect(items.some((item) => item.name === '外观与运行状态')).toBe(true);
  });
});
