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
import { demoRepairHistory, type PlannedRepair } from './demo-history-plan';
import { DemoHistoryRepository } from './demo-history.repository';

const MINUTE = 60_000;
/** Four months back: this month, last month and the trend have something to show. */
const DAYS = 120;
/** Repairs a day per unit (about one a day in a 200-home estate), and at most a day. */
const REPAIRS_PER_UNIT_DAY = 1 / 180;
const MAX_REPAIRS_PER_DAY = 1.2;
/** Repairs replayed at once: the engine writes events that arrive together in one statement. */
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

/** One past repair to run: where, by whom, when it was filed, and the reference of that day. */
interface Replay {
  estateId: string;
  /** The unit, and who lives there (the requester). */
  unit: { id: string; person: string | null };
  desk: Principal;
  technician: Principal;
  repair: PlannedRepair;
  filedAt: number;
  /** null: filed today, so the engine's own reference is right. */
  reference: string | null;
  photo: Buffer;
}

/**
 * Demo data: four months of repairs in each demo estate (ESTATEFLOW_DEMO_HISTORY), so that the
 * reports, the request list and a request's timeline have something to show on first start.
 * Each repair runs through the engine as staff would run it — filed at the desk, dispatched,
 * accepted, done with a photo, confirmed with a rating — and is then moved back to when it
 * happened. Only when the company was just created: a second seed adds nothing.
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
      this.steps.register({ name: 'five months of repairs', after: BUILTIN_PACKS_STEP, run: (context) => this.run(context) });
  }

  private async run(context: DemoSeedContext): Promise<void> {
    if (!context.created) return;
    const photo = demoPhoto();
    // References are unique per company: one day's numbers run on across its estates.
    const numbers = new Map<string, number>();
    for (const [index, estate] of context.estates.entries()) {
      const inEstate = (role: string) =>
        context.staff.filter((person) => person.roles.some((held) => held.role === role && held.estateId === estate.id));
      const desk = inEstate('front_desk')[0];
      const technicians = inEstate('technician');
      const row = await this.repository.estate(estate.id);
      if (!desk || technicians.length === 0 || !row?.repairBound || row.units.length === 0) continue;
      const perDay = Math.min(MAX_REPAIRS_PER_DAY, row.units.length * REPAIRS_PER_UNIT_DAY);
      const plan = demoRepairHistory({ seed: 7_001 + index, units: row.units.length, days: DAYS, perDay });
      const today = zonedParts(Date.now(), row.timezone);
      const replays: Replay[] = [];
      for (const [position, repair] of plan.entries()) {
        const day = daysBefore(today, repair.daysAgo);
        const filedAt = zonedInstant({ date: day, minuteOfDay: repair.minuteOfDay, timezone: row.timezone });
        if (filedAt > Date.now() - 30 * MINUTE) continue;
        const technician = technicians[position % technicians.length];
        if (!technician) continue;
        const dayKey = isoDate(day).replaceAll('-', '');
        const number = (numbers.get(dayKey) ?? 0) + 1;
        numbers.set(dayKey, number);
        const unit = row.units[repair.unit] ?? row.units[0];
        if (!unit) continue;
        replays.push({
          estateId: estate.id,
          unit,
          desk: staffPrincipal(context, desk),
          technician: staffPrincipal(context, technician),
          repair,
          filedAt,
          reference: repair.daysAgo === 0 ? null : `BX-${dayKey}-${String(number).padStart(4, '0')}`,
          photo,
        });
      }
      const ids: string[] = [];
      for (let first = 0; first < replays.length; first += AT_ONCE)
        ids.push(...(await Promise.all(replays.slice(first, first + AT_ONCE).map((replay) => this.replay(replay)))));
      await this.settle(ids);
      this.logger.log(`${context.company.code}: ${replays.length} past repairs in ${estate.name}`);
    }
  }

  /** The past's notifications were delivered back then: none sent now, those already written read (a few seconds at most). */
  private async settle(instanceIds: string[]): Promise<void> {
    const deadline = Date.now() + 15_000;
    while ((await this.repository.settle(instanceIds)) > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    await this.repository.settle(instanceIds);
  }

  /** One repair through the engine now, then moved back to when it happened; returns its id. */
  private async replay(input: Replay): Promise<string> {
    const { repair } = input;
    const started = await this.start.startByCaller(input.desk, {
      estateId: input.estateId,
      workflowKey: 'repair',
      unitId: input.unit.id,
      ...(input.unit.person === null ? {} : { requesterPersonId: input.unit.person }),
      data: {
        locationType: 'unit',
        unitId: input.unit.id,
        category: repair.category,
        description: repair.description,
        urgency: repair.urgency,
        contactPhone: '13800138000',
      },
    });
    const instance = instanceOf(started.body);
    const moments = [{ seq: instance.version, at: new Date(input.filedAt) }];
    let at = input.filedAt;
    for (const step of repair.steps) {
      at += step.afterMinutes * MINUTE;
      // What would happen after now has not happened yet: the request stays where it is.
      if (at > Date.now() - 30 * MINUTE) break;
      const actor = step.by === 'desk' ? input.desk : input.technician;
      let data = step.data;
      if (step.type === 'DISPATCH' && input.technician.kind === 'staff') data = { technicianId: input.technician.userId };
      if (step.type === 'COMPLETE') {
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
    await this.repository.move({ instanceId: instance.id, moments, reference: input.reference ?? instance.reference });
    this.reader.forgetRecentEvents(instance.id);
    return instance.id;
  }
}
