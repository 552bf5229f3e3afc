import { SeededRandom } from '../seed/seeded-random';

/** One step of a past repair: the event, who sends it, and how long after the previous step. */
export interface PlannedStep {
  type: 'DISPATCH' | 'ACCEPT' | 'ARRIVE' | 'COMPLETE' | 'CONFIRM' | 'CANCEL';
  by: 'desk' | 'technician';
  afterMinutes: number;
  data: Record<string, unknown>;
}

/**
 * A repair as it would happen: filed `daysAgo` at a local time of day, then its steps, in order.
 * Steps that would fall after now did not happen yet: the last days' repairs are still under way.
 */
export interface PlannedRepair {
  daysAgo: number;
  /** Minutes after local midnight when it was filed. */
  minuteOfDay: number;
  /** Index into the estate's units. */
  unit: number;
  category: string;
  urgency: 'normal' | 'urgent';
  description: string;
  steps: PlannedStep[];
}

/** Faults inside a home (a lift is a public area's, not a unit's). */
const FAULTS: readonly { category: string; weight: number; descriptions: readonly string[] }[] = [
  { category: 'plumbing_electric', weight: 5, descriptions: ['卫生间水龙头漏水', '厨房下水堵塞', '客厅插座没电', '热水器漏电跳闸'] },
  { category: 'doors_windows', weight: 3, descriptions: ['入户门锁芯卡住', '卧室窗户关不严', '阳台推拉门脱轨'] },
  { category: 'hvac', weight: 2, descriptions: ['空调外机噪音大', '空调不制冷'] },
];
const TOTAL_WEIGHT = FAULTS.reduce((sum, fault) => sum + fault.weight, 0);

function fault(random: SeededRandom): { category: string; description: string } {
  let roll = random.next() * TOTAL_WEIGHT;
  for (const candidate of FAULTS) {
    roll -= candidate.weight;
    if (roll < 0) return { category: candidate.category, description: random.pick(candidate.descriptions) };
  }
  return { category: 'plumbing_electric', description: '卫生间水龙头漏水' };
}

/** Mostly four and five stars (DOMAIN.md aims at ≥ 4.2), now and then a three, rarely a two. */
function rating(random: SeededRandom): number {
  const roll = random.next();
  return roll < 0.55 ? 5 : roll < 0.85 ? 4 : roll < 0.96 ? 3 : 2;
}

/**
 * A few months of one estate's repairs, oldest first, deterministic for a seed: most dispatched
 * within the SLA (some late), done within a day or two, confirmed and rated; a few cancelled by
 * the owner. Some homes call more than once about the same fault.
 */
export function demoRepairHistory(input: { seed: number; units: number; days: number; perDay: number }): PlannedRepair[] {
  const random = new SeededRandom(input.seed);
  const repairs: PlannedRepair[] = [];
  const repeaters = Array.from({ length: Math.min(4, input.units) }, () => random.int(0, input.units - 1));
  for (let daysAgo = input.days; daysAgo >= 0; daysAgo--) {
    const today = random.next() < input.perDay % 1 ? Math.ceil(input.perDay) : Math.floor(input.perDay);
    for (let index = 0; index < today; index++) {
      const repeat = random.chance(0.07);
      const { category, description } = repeat ? { category: 'plumbing_electric', description: '卫生间又漏水了' } : fault(random);
      const urgency = random.chance(0.15) ? 'urgent' : 'normal';
      const respond = random.chance(0.12) ? random.int(130, 300) : random.int(4, 60);
      const steps: PlannedStep[] = [];
      const technician = (type: PlannedStep['type'], afterMinutes: number, data: Record<string, unknown> = {}) =>
        steps.push({ type, by: 'technician', afterMinutes, data });
      if (random.chance(0.05)) {
        steps.push({ type: 'CANCEL', by: 'desk', afterMinutes: random.int(5, 40), data: { reason: '业主已自行处理' } });
      } else {
        steps.push({ type: 'DISPATCH', by: 'desk', afterMinutes: respond, data: {} });
        technician('ACCEPT', random.int(3, 25));
        technician('ARRIVE', random.int(30, urgency === 'urgent' ? 180 : 900));
        technician('COMPLETE', random.int(20, 240), { result: '已检修并试用正常' });
        steps.push({ type: 'CONFIRM', by: 'desk', afterMinutes: random.int(60, 1800), data: { rating: rating(random) } });
      }
      repairs.push({
        daysAgo,
        minuteOfDay: random.int(8 * 60, 19 * 60),
        unit: repeat ? random.pick(repeaters) : random.int(0, input.units - 1),
        category,
        urgency,
        description,
        steps,
      });
    }
  }
  return repairs;
}
