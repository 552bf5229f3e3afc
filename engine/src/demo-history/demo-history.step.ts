import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AttachmentsService } from '../attachments/attachments.service';
import type { Principal } from '../auth/principal';
import { isoDate, type LocalDate, zonedInstant, zonedParts } from '../calendar/zoned-time';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';
import { InstanceEventService } from '../instances/instance-event.service';
import { InstanceReaderRepository } from '../instances/instance-reader.repository';
import { InstanceStartService } from '../instances/instance-start.service';
import { BUILTIN_PACKS_STEP } from '../packs/builtin-packs.seed-step';
import { DemoSeedSteps, type DemoSeedContext } from '../seed/demo-seed-step';
import { demoPhoto } from './demo-photo';
import {
  type Checkpoint,
  demoComplaintHistory,
  demoInspectionHistory,
  demoRepairHistory,
  type PlannedRequest,
  type PlannedStep,
} from './demo-history-plan';
import { DemoHistoryRepository } from './demo-history.repository';

const MINUTE = 60_000;
/** Four months back: this month, last month and the trend have something to show. */
const DAYS = 120;
/** Repairs a day per unit (about one a day in a 200-home estate), and at most a day. */
const REPAIRS_PER_UNIT_DAY = 1 / 180;
const MAX_REPAIRS_PER_DAY = 1.2;
/** Complaints: about one for every four repairs. */
const COMPLAINTS_PER_UNIT_DAY = 1 / 720;
const MAX_COMPLAINTS_PER_DAY = 0.3;
/** The staff role that answers for each complaint department in an estate. */
const DEPARTMENT_ROLES: Record<string, string> = {
  cleaning: 'cleaning',
  security: 'security',
  customer_service: 'front_desk',
  finance: 'finance',
  engineering: 'engineering_supervisor',
  management: 'estate_manager',
};

/** A complaint step of a department the estate has no one in: the front desk takes it as customer service. */
function asCustomerService(step: PlannedStep): PlannedStep {
  return step.type === 'ASSIGN' ? { ...step, data: { ...step.data, department: 'customer_service' } } : step;
}

/** The plant rooms a demo estate's weekly round walks (the inspection pack's default route). */
const INSPECTION_ROUTE: readonly Checkpoint[] = [
  { code: 'LIFT-MR', name: '电梯机房' },
  { code: 'FIRE-PUMP', name: '消防泵房' },
  { code: 'POWER', name: '配电房' },
  { code: 'WATER-TANK', name: '水箱' },
  { code: 'FIRE-EXIT', name: '消防通道' },
];

/** Requests replayed at once: the engine writes events that arrive together in one statement. */
const AT_ONCE = 6;

function daysBefore(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day - days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

function staffPrincipal(context: DemoSeedContext, person: DemoSeedContext['staff'][number]): Principal {
  return { kind: 'staff', userId: person.id, companyId: context.company.id, name: person.name, roles: person.roles };
}

/** The instance an answer of the start or of an event carries. */
function instanceOf(body: unknown): { id: string; reference: string; version: number } {
  if (typeof body !== 'object' || body === null || !('id' in body) || !('reference' in body) || !('version' in body))
    throw new Error('the engine answered no instance');
  return { id: String(body.id), reference: String(body.reference), version: Number(body.version) };
}

/** One past request to run: where, by whom, what was filed, when, and its steps. */
interface Replay {
  estateId: string;
  workflowKey: string;
  /** The unit, and who lives there (the requester, unless `anonymous`). */
  unit: HistoryUnit;
  anonymous: boolean;
  /** Who files it and sends the desk's steps: the front desk; an inspection's supervisor. */
  desk: Principal;
  /** The technician or handler its steps assign it to. */
  assignee: Principal;
  data: Record<string, unknown>;
  steps: PlannedStep[];
  filedAt: number;
  /** The day's number of its workflow in the company; null: filed today, so the engine's own reference is right. */
  number: { day: string; value: number } | null;
  photo: Buffer;
}

/** A planned request of a workflow, with what it is filed with and who its steps assign it to. */
interface HistoryRequest {
  workflowKey: string;
  request: PlannedRequest;
  data: Record<string, unknown>;
  anonymous: boolean;
  assignee: Principal;
  /** Who files it, when not the front desk. */
  filer?: Principal;
}

type HistoryUnit = { id: string; person: string | null };

/** Past repairs of an estate, each with one of its technicians in turn. */
function pastRepairs(input: { seed: number; units: HistoryUnit[]; technicians: Principal[] }): HistoryRequest[] {
  if (input.technicians.length === 0) return [];
  const perDay = Math.min(MAX_REPAIRS_PER_DAY, input.units.length * REPAIRS_PER_UNIT_DAY);
  return demoRepairHistory({ seed: input.seed, units: input.units.length, days: DAYS, perDay }).flatMap((repair, position) => {
    const technician = input.technicians[position % input.technicians.length];
    if (!technician) return [];
    const data = {
      locationType: 'unit',
      unitId: input.units[repair.unit]?.id,
      category: repair.category,
      description: repair.description,
      urgency: repair.urgency,
      contactPhone: '13800138000',
    };
    return [{ workflowKey: 'repair', request: repair, data, anonymous: false, assignee: technician }];
  });
}

/** Past complaints of an estate, each handled by its department's staff there — else the front desk, as customer service. */
function pastComplaints(input: {
  seed: number;
  units: HistoryUnit[];
  staff: (role: string) => Principal[];
  desk: Principal;
}): HistoryRequest[] {
  const perDay = Math.min(MAX_COMPLAINTS_PER_DAY, input.units.length * COMPLAINTS_PER_UNIT_DAY);
  return demoComplaintHistory({ seed: input.seed, units: input.units.length, days: DAYS, perDay }).map((complaint) => {
    const handler = input.staff(DEPARTMENT_ROLES[complaint.department] ?? 'front_desk')[0];
    const data = {
      complaintType: complaint.complaintType,
      description: complaint.description,
      anonymous: complaint.anonymous,
      ...(complaint.anonymous ? {} : { unitId: input.units[complaint.unit]?.id, contactPhone: '13800138000' }),
    };
    const steps = handler === undefined ? complaint.steps.map(asCustomerService) : complaint.steps;
    return {
      workflowKey: 'complaint',
      request: { ...complaint, steps },
      data,
      anonymous: complaint.anonymous,
      assignee: handler ?? input.desk,
    };
  });
}

/** Past weekly plant-room rounds of an estate: started by the supervisor, walked by a technician in turn. */
function pastInspections(input: { seed: number; supervisor: Principal | undefined; technicians: Principal[] }): HistoryRequest[] {
  const { supervisor } = input;
  if (supervisor === undefined || input.technicians.length === 0) return [];
  return demoInspectionHistory({ seed: input.seed, days: DAYS, route: INSPECTION_ROUTE }).flatMap((round, position) => {
    const technician = input.technicians[position % input.technicians.length];
    if (technician === undefined) return [];
    return [
      {
        workflowKey: 'inspection',
        request: round,
        data: { planName: round.planName, checkpoints: round.checkpoints },
        anonymous: true,
        assignee: technician,
        filer: supervisor,
      },
    ];
  });
}

/**
 * Demo data: four months of repairs, complaints and weekly inspection rounds in each demo estate
 * (ESTATEFLOW_DEMO_HISTORY), so that the reports, the request list and a request's timeline have
 * something to show on first start. Each request runs through the engine as staff would run it — a
 * repair filed at the desk, dispatched, accepted, done with a photo, confirmed with a rating; a
 * complaint sent to its department, replied to, resolved, called back; a round started by the
 * engineering supervisor and walked checkpoint by checkpoint by a technician, with readings — and
 * is then moved back to when it happened, all of an estate's in the order they were filed. Only when the company was just created: a
 * second seed adds nothing.
 */
@Injectable()
export class DemoHistoryStep implements OnModuleInit {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly steps: DemoSeedSteps,
    private readonly start: InstanceStartService,
    private readonly events: InstanceEventService,
    private readonly attachments: AttachmentsService,
    private readonly repository: DemoHistoryRepository,
    private readonly reader: InstanceReaderRepository,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.demoHistory)
      this.steps.register({ name: 'four months of requests', after: BUILTIN_PACKS_STEP, run: (context) => this.run(context) });
  }

  private async run(context: DemoSeedContext): Promise<void> {
    if (!context.created) return;
    const photo = demoPhoto();
    // References are unique per company and workflow: one day's numbers run on across its estates.
    const numbers = new Map<string, number>();
    for (const [index, estate] of context.estates.entries()) {
      const staff = (role: string) =>
        context.staff
          .filter((person) => person.roles.some((held) => held.role === role && held.estateId === estate.id))
          .map((person) => staffPrincipal(context, person));
      const desk = staff('front_desk')[0];
      const row = await this.repository.estate(estate.id);
      if (!desk || !row || row.units.length === 0) continue;
      const requests = [
        ...(row.bound.includes('repair') ? pastRepairs({ seed: 7_001 + index, units: row.units, technicians: staff('technician') }) : []),
        ...(row.bound.includes('complaint') ? pastComplaints({ seed: 9_001 + index, units: row.units, staff, desk }) : []),
        ...(row.bound.includes('inspection')
          ? pastInspections({ seed: 11_001 + index, supervisor: staff('engineering_supervisor')[0], technicians: staff('technician') })
          : []),
      ];
      const today = zonedParts(Date.now(), row.timezone);
      const replays: Replay[] = [];
      for (const { workflowKey, request, data, anonymous, assignee, filer } of requests) {
        const day = daysBefore(today, request.daysAgo);
        const filedAt = zonedInstant({ date: day, minuteOfDay: request.minuteOfDay, timezone: row.timezone });
        const unit = row.units[request.unit] ?? row.units[0];
        if (filedAt > Date.now() - 30 * MINUTE || !unit) continue;
        replays.push({
          estateId: estate.id,
          workflowKey,
          unit,
          anonymous,
          desk: filer ?? desk,
          assignee,
          data,
          steps: request.steps,
          filedAt,
          photo,
          number: null,
        });
      }
      // Numbered in the order they were filed, each workflow's own numbers (today's are the engine's).
      replays.sort((a, b) => a.filedAt - b.filedAt);
      for (const replay of replays) {
        const day = isoDate(zonedParts(replay.filedAt, row.timezone)).replaceAll('-', '');
        if (day === isoDate(today).replaceAll('-', '')) continue;
        const value = (numbers.get(`${replay.workflowKey}:${day}`) ?? 0) + 1;
        numbers.set(`${replay.workflowKey}:${day}`, value);
        replay.number = { day, value };
      }
      const ids: string[] = [];
      for (let first = 0; first < replays.length; first += AT_ONCE)
        ids.push(...(await Promise.all(replays.slice(first, first + AT_ONCE).map((replay) => this.replay(replay)))));
      await this.settle(ids);
      const count = (workflowKey: string) => replays.filter((replay) => replay.workflowKey === workflowKey).length;
      this.logger.log(
        `${context.company.code}: ${count('repair')} past repairs, ${count('complaint')} past complaints and ${count('inspection')} past inspection rounds in ${estate.name}`,
      );
    }
  }

  /** The past's notifications were delivered back then: none sent now, those already written read (a few seconds at most). */
  private async settle(instanceIds: string[]): Promise<void> {
    const deadline = Date.now() + 15_000;
    while ((await this.repository.settle(instanceIds)) > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    await this.repository.settle(instanceIds);
  }

  /** One request through the engine now, then moved back to when it happened; returns its id. */
  private async replay(input: Replay): Promise<string> {
    const started = await this.start.startByCaller(input.desk, {
      estateId: input.estateId,
      workflowKey: input.workflowKey,
      ...(input.anonymous ? {} : { unitId: input.unit.id }),
      ...(input.anonymous || input.unit.person === null ? {} : { requesterPersonId: input.unit.person }),
      data: input.data,
    });
    const instance = instanceOf(started.body);
    const moments = [{ seq: instance.version, at: new Date(input.filedAt) }];
    let at = input.filedAt;
    for (const step of input.steps) {
      at += step.afterMinutes * MINUTE;
      // What would happen after now has not happened yet: the request stays where it is.
      if (at > Date.now() - 30 * MINUTE) break;
      const actor = step.by === 'desk' ? input.desk : input.assignee;
      let data = step.data;
      if (step.assigns !== undefined && input.assignee.kind === 'staff') data = { ...data, [step.assigns]: input.assignee.userId };
      if (step.photo) {
        const photo = await this.attachments.upload(actor, {
          file: { originalname: '完工照片.png', size: input.photo.length, buffer: input.photo },
          estateId: input.estateId,
          instanceId: instance.id,
        });
        data = { ...data, photos: [photo.id] };
      }
      const reply = await this.events.sendEvent(actor, { instanceId: instance.id, type: step.type, data });
      if (reply.status !== 200) throw new Error(`${step.type} on ${instance.reference}: ${reply.status}`);
      // The log entry's seq is the version the event produced.
      moments.push({ seq: instanceOf(reply.body).version, at: new Date(at) });
    }
    const [prefix] = instance.reference.split('-');
    const reference =
      input.number === null ? instance.reference : `${prefix}-${input.number.day}-${String(input.number.value).padStart(4, '0')}`;
    await this.repository.move({ instanceId: instance.id, moments, reference });
    this.reader.forgetRecentEvents(instance.id);
    return instance.id;
  }
}
