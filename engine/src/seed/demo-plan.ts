import type { EstateKind, StaffRole } from '../generated/prisma/enums';
import { DemoPeopleGenerator } from './demo-people';
import { SeededRandom } from './seeded-random';

/** The one password every demo staff account shares (printed at start and in demo-logins.json). */
export const DEMO_PASSWORD = 'estateflow';

export interface PlannedUnit {
  entrance: number;
  floor: number;
  room: string;
  label: string;
  floorArea: string;
}

export interface PlannedEstate {
  code: string;
  name: string;
  kind: EstateKind;
  address: string;
  buildings: { name: string; floors: number; units: PlannedUnit[] }[];
}

export interface PlannedStaff {
  email: string;
  name: string;
  phone: string;
  /** estateCode null = company-wide. The first role is the one demo-logins.json shows. */
  roles: { role: StaffRole; estateCode: string | null }[];
}

export interface PlannedPerson {
  name: string;
  phone: string;
  idNumber: string | null;
  residencies: { estateCode: string; unitLabel: string; kind: 'owner' | 'tenant' }[];
  /** Listed in demo-logins.json. */
  showInLogins: boolean;
}

export interface PlannedCompany {
  code: string;
  name: string;
  estates: PlannedEstate[];
  staff: PlannedStaff[];
  people: PlannedPerson[];
}

const SEED = 20261122;

function residentialEstate(input: {
  code: string;
  name: string;
  address: string;
  buildings: number;
  entrances: number;
  floors: number;
  rooms: number;
  random: SeededRandom;
}): PlannedEstate {
  const areas = [89.5, 102.3, 118.6, 128.4, 143.7];
  const buildings = [];
  for (let building = 1; building <= input.buildings; building++) {
    const units: PlannedUnit[] = [];
    for (let entrance = 1; entrance <= input.entrances; entrance++) {
      for (let floor = 1; floor <= input.floors; floor++) {
        for (let room = 1; room <= input.rooms; room++) {
          const roomNo = `${floor}${String(room).padStart(2, '0')}`;
          units.push({
            entrance,
            floor,
            room: roomNo,
            label: `${building}栋${entrance}单元${roomNo}`,
            floorArea: String(input.random.pick(areas)),
          });
        }
      }
    }
    buildings.push({ name: `${building}栋`, floors: input.floors, units });
  }
  return { code: input.code, name: input.name, kind: 'residential', address: input.address, buildings };
}

function officeTower(random: SeededRandom): PlannedEstate {
  const units: PlannedUnit[] = [];
  for (let floor = 10; floor <= 14; floor++) {
    for (let room = 1; room <= 4; room++) {
      const roomNo = `${floor}${String(room).padStart(2, '0')}`;
      units.push({ entrance: 0, floor, room: roomNo, label: `A座${roomNo}`, floorArea: String(random.int(150, 420)) });
    }
  }
  return {
    code: 'galaxy',
    name: '星河大厦',
    kind: 'office',
    address: '深圳市南山区科技园星河路 8 号',
    buildings: [{ name: 'A座', floors: 28, units }],
  };
}

function staff(people: DemoPeopleGenerator, input: { email: string; name: string; roles: PlannedStaff['roles'] }): PlannedStaff {
  return { ...input, phone: people.phone() };
}

/** Owners for a share of the units, some owning two, and tenants in some owned units. */
function residents(input: {
  estate: PlannedEstate;
  people: DemoPeopleGenerator;
  random: SeededRandom;
  ownedShare: number;
  tenantShare: number;
  shown: number;
}): PlannedPerson[] {
  const { estate, people, random } = input;
  const units = estate.buildings.flatMap((building) => building.units);
  const result: PlannedPerson[] = [];
  let previousOwner: PlannedPerson | null = null;
  for (const unit of units) {
    if (!random.chance(input.ownedShare)) continue;
    // Now and then the owner of the previous unit owns this one too (a flat for the parents).
    if (previousOwner && random.chance(0.06)) {
      previousOwner.residencies.push({ estateCode: estate.code, unitLabel: unit.label, kind: 'owner' });
    } else {
      const owner: PlannedPerson = {
        ...people.person({ withIdNumber: random.chance(0.6) }),
        residencies: [{ estateCode: estate.code, unitLabel: unit.label, kind: 'owner' }],
        showInLogins: false,
      };
      result.push(owner);
      previousOwner = owner;
    }
    if (random.chance(input.tenantShare)) {
      result.push({
        ...people.person({ withIdNumber: random.chance(0.4) }),
        residencies: [{ estateCode: estate.code, unitLabel: unit.label, kind: 'tenant' }],
        showInLogins: false,
      });
    }
  }
  // A handful for demo-logins.json: the first owners, and the first tenant.
  result
    .filter((person) => person.residencies[0]?.kind === 'owner')
    .slice(0, input.shown)
    .forEach((person) => (person.showInLogins = true));
  const tenant = result.find((person) => person.residencies[0]?.kind === 'tenant');
  if (tenant) tenant.showInLogins = true;
  return result;
}

function demoCompany(people: DemoPeopleGenerator, random: SeededRandom): PlannedCompany {
  const sunshine = residentialEstate({
    code: 'sunshine',
    name: '阳光花园',
    address: '上海市浦东新区阳光路 100 弄',
    buildings: 3,
    entrances: 2,
    floors: 18,
    rooms: 2,
    random,
  });
  const galaxy = officeTower(random);
  const at = (role: StaffRole, ...estateCodes: string[]) => estateCodes.map((estateCode) => ({ role, estateCode }));
  const domain = 'demo.estateflow.cn';
  return {
    code: 'demo',
    name: '示例物业',
    estates: [sunshine, galaxy],
    staff: [
      staff(people, { email: `manager@${domain}`, name: '王经理', roles: at('estate_manager', 'sunshine') }),
      staff(people, { email: `frontdesk@${domain}`, name: '李前台', roles: at('front_desk', 'sunshine') }),
      staff(people, { email: `tech1@${domain}`, name: '张师傅', roles: at('technician', 'sunshine') }),
      staff(people, { email: `admin@${domain}`, name: '赵总', roles: [{ role: 'company_admin', estateCode: null }] }),
      staff(people, { email: `supervisor@${domain}`, name: '陈主管', roles: at('engineering_supervisor', 'sunshine', 'galaxy') }),
      staff(people, { email: `tech2@${domain}`, name: '刘师傅', roles: at('technician', 'sunshine') }),
      staff(people, { email: `tech3@${domain}`, name: '杨师傅', roles: at('technician', 'sunshine') }),
      staff(people, { email: `tech4@${domain}`, name: '黄师傅', roles: at('technician', 'galaxy') }),
      staff(people, { email: `tech5@${domain}`, name: '周师傅', roles: at('technician', 'sunshine', 'galaxy') }),
      staff(people, { email: `manager.galaxy@${domain}`, name: '孙经理', roles: at('estate_manager', 'galaxy') }),
      staff(people, { email: `frontdesk.galaxy@${domain}`, name: '林前台', roles: at('front_desk', 'galaxy') }),
      staff(people, { email: `security@${domain}`, name: '马保安', roles: at('security', 'sunshine') }),
      staff(people, { email: `cleaning@${domain}`, name: '吴阿姨', roles: at('cleaning', 'sunshine') }),
      staff(people, { email: `finance@${domain}`, name: '郑会计', roles: at('finance', 'sunshine', 'galaxy') }),
      staff(people, { email: `consultant@${domain}`, name: '钱顾问', roles: [{ role: 'consultant', estateCode: null }] }),
    ],
    people: [
      ...residents({ estate: sunshine, people, random, ownedShare: 0.8, tenantShare: 0.12, shown: 5 }),
      ...residents({ estate: galaxy, people, random, ownedShare: 0.9, tenantShare: 0.5, shown: 1 }),
    ],
  };
}

function anjuCompany(people: DemoPeopleGenerator, random: SeededRandom): PlannedCompany {
  const anju = residentialEstate({
    code: 'anju',
    name: '安居小区',
    address: '成都市武侯区安居街 18 号',
    buildings: 2,
    entrances: 1,
    floors: 6,
    rooms: 2,
    random,
  });
  const domain = 'anju.estateflow.cn';
  return {
    code: 'anju',
    name: '安居物业',
    estates: [anju],
    staff: [
      staff(people, { email: `manager@${domain}`, name: '胡经理', roles: [{ role: 'estate_manager', estateCode: 'anju' }] }),
      staff(people, { email: `frontdesk@${domain}`, name: '何前台', roles: [{ role: 'front_desk', estateCode: 'anju' }] }),
      staff(people, { email: `tech1@${domain}`, name: '罗师傅', roles: [{ role: 'technician', estateCode: 'anju' }] }),
      staff(people, { email: `admin@${domain}`, name: '高总', roles: [{ role: 'company_admin', estateCode: null }] }),
    ],
    people: residents({ estate: anju, people, random, ownedShare: 0.6, tenantShare: 0.1, shown: 3 }),
  };
}

/** The whole demo, the same on every call: 示例物业 (阳光花园, 星河大厦) and 安居物业 (安居小区). */
export function demoPlan(): PlannedCompany[] {
  const random = new SeededRandom(SEED);
  const people = new DemoPeopleGenerator(random);
  return [demoCompany(people, random), anjuCompany(people, random)];
}
