import { SeededRandom } from '../seed/seeded-random';

/**
 * One step of a past request: the event, who sends it (the desk, or the staff member it is
 * assigned to: a repair's technician, a complaint's handler), how long after the previous step,
 * its form data. `assigns`: the data field that names the assigned staff member (filled in when
 * it runs); `photo`: the step's form takes a photo.
 */
export interface PlannedStep {
  type: string;
  by: 'desk' | 'assignee';
  afterMinutes: number;
  data: Record<string, unknown>;
  assigns?: string;
  photo?: true;
}

/**
 * A request as it would happen: filed `daysAgo` at a local time of day, then its steps, in order.
 * Steps that would fall after now did not happen yet: the last days' requests are still under way.
 */
export interface PlannedRequest {
  daysAgo: number;
  /** Minutes after local midnight when it was filed. */
  minuteOfDay: number;
  /** Index into the estate's units. */
  unit: number;
  steps: PlannedStep[];
}

export interface PlannedRepair extends PlannedRequest {
  category: string;
  urgency: 'normal' | 'urgent';
  description: string;
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
      const technician = (type: string, afterMinutes: number, data: Record<string, unknown> = {}) =>
        steps.push({ type, by: 'assignee', afterMinutes, data });
      if (random.chance(0.05)) {
        steps.push({ type: 'CANCEL', by: 'desk', afterMinutes: random.int(5, 40), data: { reason: '业主已自行处理' } });
      } else {
        steps.push({ type: 'DISPATCH', by: 'desk', afterMinutes: respond, data: {}, assigns: 'technicianId' });
        technician('ACCEPT', random.int(3, 25));
        technician('ARRIVE', random.int(30, urgency === 'urgent' ? 180 : 900));
        steps.push({
          type: 'COMPLETE',
          by: 'assignee',
          afterMinutes: random.int(20, 240),
          data: { result: '已检修并试用正常' },
          photo: true,
        });
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

/** The departments a complaint goes to, and what owners complain about there (DOMAIN.md "Complaint"). */
const GRIEVANCES: readonly { complaintType: string; department: string; weight: number; descriptions: readonly string[] }[] = [
  {
    complaintType: 'cleanliness',
    department: 'cleaning',
    weight: 4,
    descriptions: ['电梯厅的垃圾两天没人清理，味道很大', '地下车库积水还有异味', '楼道扶手和窗台积灰很久没擦'],
  },
  {
    complaintType: 'noise',
    department: 'security',
    weight: 3,
    descriptions: ['楼上晚上十一点后还在装修敲打', '小区广场舞音响太吵，晚上九点后还在放', '车库夜里有车辆轰油门'],
  },
  {
    complaintType: 'safety',
    department: 'security',
    weight: 2,
    descriptions: ['单元门禁坏了，陌生人随意进出', '消防通道被电动车堵住了'],
  },
  {
    complaintType: 'service_attitude',
    department: 'customer_service',
    weight: 2,
    descriptions: ['打客服电话没人接，接通后态度冷淡', '门岗对来访的亲戚态度很差'],
  },
  { complaintType: 'fees', department: 'finance', weight: 1, descriptions: ['物业费账单金额和面积对不上', '停车费这个月扣了两次'] },
  {
    complaintType: 'neighbour',
    department: 'customer_service',
    weight: 1,
    descriptions: ['邻居在公共走廊长期堆放杂物', '楼上阳台的水滴到我家晾的衣服上'],
  },
];
const GRIEVANCE_WEIGHT = GRIEVANCES.reduce((sum, grievance) => sum + grievance.weight, 0);

const REPLIES: Record<string, string> = {
  cleaning: '已安排保洁当天清理，并增加巡查频次',
  security: '已安排秩序员上门劝导，并加强夜间巡逻',
  customer_service: '已与相关人员沟通，向您致歉并跟进处理',
  finance: '已核对账目，差额将在下期账单中退还',
};

export interface PlannedComplaint extends PlannedRequest {
  complaintType: string;
  department: string;
  description: string;
  anonymous: boolean;
}

/**
 * A few months of one estate's complaints, oldest first, deterministic for a seed: classified and
 * sent to a department (now and then late), replied to within a day, resolved, and called back
 * with the owner's satisfaction — now and then not satisfied, reopened and handled again; a few
 * anonymous ones close without a call; a few are not complaints at all.
 */
export function demoComplaintHistory(input: { seed: number; units: number; days: number; perDay: number }): PlannedComplaint[] {
  const random = new SeededRandom(input.seed);
  const complaints: PlannedComplaint[] = [];
  for (let daysAgo = input.days; daysAgo >= 0; daysAgo--) {
    const today = random.next() < input.perDay % 1 ? Math.ceil(input.perDay) : Math.floor(input.perDay);
    for (let index = 0; index < today; index++) {
      let roll = random.next() * GRIEVANCE_WEIGHT;
      const grievance = GRIEVANCES.find((candidate) => (roll -= candidate.weight) < 0) ?? GRIEVANCES[0];
      if (grievance === undefined) continue;
      const anonymous = random.chance(0.1);
      const steps: PlannedStep[] = [];
      if (random.chance(0.04)) {
        steps.push({ type: 'INVALID', by: 'desk', afterMinutes: random.int(5, 60), data: { reason: '经核实为咨询，已电话解答' } });
      } else {
        const assign = { complaintType: grievance.complaintType, department: grievance.department };
        steps.push({
          type: 'ASSIGN',
          by: 'desk',
          afterMinutes: random.chance(0.1) ? random.int(40, 150) : random.int(5, 28),
          data: assign,
          assigns: 'handlerId',
        });
        const handle = (afterMinutes: number) => {
          steps.push({
            type: 'REPLY',
            by: 'assignee',
            afterMinutes,
            data: { text: REPLIES[grievance.department] ?? '已收到，正在处理', calledOwner: !anonymous },
          });
          steps.push({
            type: 'RESOLVE',
            by: 'assignee',
            afterMinutes: random.int(120, 2400),
            data: { summary: '问题已处理，现场已恢复正常', responsibility: random.chance(0.7) ? 'substantiated' : 'partly' },
          });
        };
        handle(random.chance(0.12) ? random.int(26 * 60, 40 * 60) : random.int(30, 18 * 60));
        if (!anonymous) {
          const visit = (satisfaction: number) =>
            steps.push({ type: 'RETURN_VISIT', by: 'desk', afterMinutes: random.int(120, 1800), data: { reached: true, satisfaction } });
          if (random.chance(0.08)) {
            visit(2);
            handle(random.int(60, 12 * 60));
          }
          const roll = random.next();
          visit(roll < 0.5 ? 5 : roll < 0.85 ? 4 : 3);
        }
      }
      complaints.push({
        daysAgo,
        minuteOfDay: random.int(8 * 60, 21 * 60),
        unit: random.int(0, input.units - 1),
        complaintType: grievance.complaintType,
        department: grievance.department,
        description: random.pick(grievance.descriptions),
        anonymous,
        steps,
      });
    }
  }
  return complaints;
}

/** A checkpoint of an inspection route (the pack's `route` parameter). */
export interface Checkpoint {
  code: string;
  name: string;
}

/** What is checked at each kind of plant room, with the normal range of its reading. */
const CHECK_ITEMS: Record<string, readonly { name: string; unit?: string; from?: number; to?: number }[]> = {
  'LIFT-MR': [{ name: '曳引机温度', unit: '℃', from: 32, to: 48 }, { name: '控制柜运行' }, { name: '机房照明与通风' }],
  'FIRE-PUMP': [{ name: '消防管网压力', unit: 'MPa', from: 0.6, to: 0.9 }, { name: '消防泵自动状态' }, { name: '泵房无积水' }],
  POWER: [
    { name: '母线温度', unit: '℃', from: 30, to: 55 },
    { name: '有功电度', unit: 'kWh', from: 120_000, to: 180_000 },
    { name: '柜门与警示标识' },
  ],
  'WATER-TANK': [{ name: '水位', unit: 'm', from: 2.2, to: 3.2 }, { name: '水箱盖板锁闭' }],
  'FIRE-EXIT': [{ name: '通道畅通无堆物' }, { name: '应急照明' }, { name: '防火门闭合' }],
};
const DEFAULT_ITEMS: (typeof CHECK_ITEMS)[string] = [{ name: '外观与运行状态' }];

export interface PlannedInspection extends PlannedRequest {
  planName: string;
  checkpoints: Checkpoint[];
}

/**
 * A few months of one estate's weekly plant-room rounds, oldest first, deterministic for a seed:
 * started by a technician after the planned time (now and then late), each checkpoint checked in
 * and recorded with readings in their normal range; now and then called off by the supervisor
 * (a holiday, a power cut). Rounds with an abnormal item raise repair work orders, which this
 * history does not replay: every item is normal.
 */
export function demoInspectionHistory(input: { seed: number; days: number; route: readonly Checkpoint[] }): PlannedInspection[] {
  const random = new SeededRandom(input.seed);
  const rounds: PlannedInspection[] = [];
  for (let daysAgo = input.days; daysAgo >= 1; daysAgo -= 7) {
    const steps: PlannedStep[] = [];
    if (random.chance(0.06)) {
      steps.push({
        type: 'SKIP',
        by: 'desk',
        afterMinutes: random.int(5, 30),
        data: { reason: random.pick(['节假日停工', '全小区计划停电检修']) },
      });
    } else {
      steps.push({ type: 'START', by: 'assignee', afterMinutes: random.chance(0.1) ? random.int(125, 200) : random.int(3, 40), data: {} });
      for (const checkpoint of input.route) {
        steps.push({ type: 'CHECK_IN', by: 'assignee', afterMinutes: random.int(3, 12), data: { checkpointCode: checkpoint.code } });
        const items = (CHECK_ITEMS[checkpoint.code] ?? DEFAULT_ITEMS).map((item) =>
          item.unit !== undefined && item.from !== undefined && item.to !== undefined
            ? { name: item.name, result: 'normal', reading: reading(random, item.from, item.to), readingUnit: item.unit }
            : { name: item.name, result: 'normal' },
        );
        steps.push({ type: 'RECORD', by: 'assignee', afterMinutes: random.int(4, 15), data: { items } });
      }
    }
    rounds.push({
      daysAgo,
      minuteOfDay: 9 * 60,
      unit: 0,
      planName: '设备机房周检',
      checkpoints: [...input.route],
      steps,
    });
  }
  return rounds;
}

/** A reading within its normal range, with as many decimals as the range's ends suggest. */
function reading(random: SeededRandom, from: number, to: number): number {
  const value = from + random.next() * (to - from);
  return to - from < 10 ? Math.round(value * 100) / 100 : Math.round(value);
}
